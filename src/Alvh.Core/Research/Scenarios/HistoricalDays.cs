using Alvh.MarketData;

namespace Alvh.Research.Scenarios;

/// <summary>
/// The pool a bootstrap draws from: every historical trading day with an S&amp;P 500 and VIX close on it and
/// on the previous day, and that day's moves — the S&amp;P 500 close-to-close log return, its open gap and
/// high/low excursions (logs relative to the previous close and the day's close), the VIX log change and
/// open gap, and the day's term-structure ratios VIX9D/VIX, VIX3M/VIX, VIX6M/VIX and VVIX/VIX (NaN where
/// the index did not exist yet).
/// </summary>
public sealed class HistoricalDays
{
    private HistoricalDays(int count)
    {
        Dates = new DateOnly[count];
        SpxReturn = new double[count]; SpxOpenGap = new double[count]; SpxHighExcursion = new double[count]; SpxLowExcursion = new double[count];
        VixChange = new double[count]; VixOpenGap = new double[count]; PreviousLogVix = new double[count];
        Ratio9d = new double[count]; Ratio3m = new double[count]; Ratio6m = new double[count]; RatioVvix = new double[count];
    }

    /// <summary>Dates of the pool's days.</summary>
    public DateOnly[] Dates { get; }

    /// <summary>ln(SPX close / previous close).</summary>
    public double[] SpxReturn { get; }

    /// <summary>ln(SPX open / previous close); 0 where the open is missing or stale.</summary>
    public double[] SpxOpenGap { get; }

    /// <summary>ln(high / max(open, close)) ≥ 0.</summary>
    public double[] SpxHighExcursion { get; }

    /// <summary>ln(low / min(open, close)) ≤ 0.</summary>
    public double[] SpxLowExcursion { get; }

    /// <summary>ln(VIX close / previous close).</summary>
    public double[] VixChange { get; }

    /// <summary>ln(VIX open / previous close); 0 where missing.</summary>
    public double[] VixOpenGap { get; }

    /// <summary>ln(previous VIX close): the level the day's move started from.</summary>
    public double[] PreviousLogVix { get; }

    /// <summary>VIX9D / VIX (NaN before VIX9D).</summary>
    public double[] Ratio9d { get; }

    /// <summary>VIX3M / VIX.</summary>
    public double[] Ratio3m { get; }

    /// <summary>VIX6M / VIX.</summary>
    public double[] Ratio6m { get; }

    /// <summary>VVIX / VIX.</summary>
    public double[] RatioVvix { get; }

    /// <summary>Number of days in the pool.</summary>
    public int Count => Dates.Length;

    /// <summary>Every per-day column but the dates, in a fixed order (what a key of the pool's content hashes).</summary>
    internal IEnumerable<double[]> Columns => [SpxReturn, SpxOpenGap, SpxHighExcursion, SpxLowExcursion, VixChange, VixOpenGap, PreviousLogVix, Ratio9d, Ratio3m, Ratio6m, RatioVvix];

    /// <summary>
    /// The <paramref name="count"/> days whose previous VIX close was nearest <paramref name="vix"/> (by the distance of
    /// the logs; ties to the earlier day), in pool order: where a path that starts at that VIX may draw its first day.
    /// </summary>
    public int[] NearestVix(double vix, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (!(vix > 0) || !double.IsFinite(vix)) throw new ArgumentOutOfRangeException(nameof(vix), vix, "a VIX level must be positive");
        double target = Math.Log(vix);
        var order = Enumerable.Range(0, Count).OrderBy(k => Math.Abs(PreviousLogVix[k] - target)).ThenBy(k => k).Take(count).ToArray();
        Array.Sort(order);
        return order;
    }

    /// <summary>Extracts the pool from the data (days on or after <paramref name="from"/>).</summary>
    public static HistoricalDays From(MarketDataSet data, DateOnly? from = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var cal = data.Calendar;
        var spx = data.Get("spx");
        double[] close = data.Aligned("spx"), vix = data.Aligned("vix");
        // The level at the open as the market model reads it (SPY's overnight move): the index's own open lags it, and
        // is the previous close on most days of 1990-2005 (a gap of 0 in about 43% of the pool from 1990).
        double[] open = OpenLevels.Spx(data, SpxOpenSource.Spy);
        double[] high = spx.High is null ? close : cal.Align(spx.Dates, spx.High);
        double[] low = spx.Low is null ? close : cal.Align(spx.Dates, spx.Low);
        var vixSeries = data.Get("vix");
        double[] vixOpen = vixSeries.Open is null ? vix : cal.Align(vixSeries.Dates, vixSeries.Open);
        double[] Optional(string id) => data.Has(id) ? data.Aligned(id) : Enumerable.Repeat(double.NaN, cal.Count).ToArray();
        double[] v9 = Optional("vix9d"), v3 = Optional("vix3m"), v6 = Optional("vix6m"), vv = Optional("vvix");
        var keep = new List<int>();
        for (int t = 1; t < cal.Count; t++)
        {
            if (from is { } f && cal[t] < f) continue;
            if (close[t] > 0 && close[t - 1] > 0 && vix[t] > 0 && vix[t - 1] > 0) keep.Add(t);
        }
        var pool = new HistoricalDays(keep.Count);
        for (int k = 0; k < keep.Count; k++)
        {
            int t = keep[k];
            pool.Dates[k] = cal[t];
            pool.SpxReturn[k] = Math.Log(close[t] / close[t - 1]);
            bool realOpen = open[t] > 0;
            double o = realOpen ? open[t] : close[t - 1];
            pool.SpxOpenGap[k] = Math.Log(o / close[t - 1]);
            pool.SpxHighExcursion[k] = high[t] > 0 ? Math.Max(0, Math.Log(high[t] / Math.Max(o, close[t]))) : 0;
            pool.SpxLowExcursion[k] = low[t] > 0 ? Math.Min(0, Math.Log(low[t] / Math.Min(o, close[t]))) : 0;
            pool.VixChange[k] = Math.Log(vix[t] / vix[t - 1]);
            pool.VixOpenGap[k] = vixOpen[t] > 0 ? Math.Log(vixOpen[t] / vix[t - 1]) : 0;
            pool.PreviousLogVix[k] = Math.Log(vix[t - 1]);
            pool.Ratio9d[k] = v9[t] > 0 ? v9[t] / vix[t] : double.NaN;
            pool.Ratio3m[k] = v3[t] > 0 ? v3[t] / vix[t] : double.NaN;
            pool.Ratio6m[k] = v6[t] > 0 ? v6[t] / vix[t] : double.NaN;
            pool.RatioVvix[k] = vv[t] > 0 ? vv[t] / vix[t] : double.NaN;
        }
        return pool;
    }
}
