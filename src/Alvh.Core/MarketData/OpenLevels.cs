namespace Alvh.MarketData;

/// <summary>Where the market model reads the S&amp;P 500's level at the open.</summary>
public enum SpxOpenSource
{
    /// <summary>
    /// The previous S&amp;P 500 close times SPY's overnight move, SPY's open / (its previous close − the dividend going ex
    /// that day); the index's own open where SPY has no trusted open (see <see cref="OpenLevels.Spx"/>) or previous close
    /// that day.
    /// </summary>
    Spy,

    /// <summary>The index's own open (its first print of the day).</summary>
    Index,
}

/// <summary>
/// Opens the market model can trust at the open: fills at the open and A.M. settlements read them, and the Monte Carlo
/// pool's overnight gaps.
/// </summary>
public static class OpenLevels
{
    /// <summary>
    /// The series' opens where they can be trusted, NaN elsewhere, aligned to the calendar: an open outside the day's
    /// low–high range (vix-daily.csv has 47, e.g. 41.60 on 2006-02-08 against a high of 13.61, which widened that
    /// morning's spreads threefold), or a day whose open, high, low and close are one number (the VIX before 1992: its
    /// "open" is the close, not known at the open), is not.
    /// </summary>
    public static double[] Trusted(MarketDataSet data, string id)
    {
        ArgumentNullException.ThrowIfNull(data);
        var s = data.Get(id);
        if (s.Open is null)
        {
            var none = new double[data.Calendar.Count];
            Array.Fill(none, double.NaN);
            return none;
        }
        var open = (double[])s.Open.Clone();
        for (int i = 0; i < open.Length; i++)
        {
            double o = open[i], c = s.Close[i];
            double h = s.High is { } hi ? hi[i] : double.NaN, l = s.Low is { } lo ? lo[i] : double.NaN;
            bool outside = !double.IsNaN(h) && !double.IsNaN(l) && (o > h || o < l);
            bool flat = o == c && o == h && o == l;
            if (outside || flat) open[i] = double.NaN;
        }
        return data.Calendar.Align(s.Dates, open);
    }

    /// <summary>
    /// The S&amp;P 500's level at the open of every calendar day (NaN where none is known: the previous close then
    /// stands), read from <paramref name="source"/>.
    /// </summary>
    /// <remarks>
    /// Why SPY by default: the index's first print is computed from its members' last trades, and many have not
    /// opened at 9:30, so it lags the overnight move that SPX options and the open's settlement price see. On
    /// 2020-03-16 it printed 2,508.59 (−7.5% from 2,711.02) while SPY opened 10.4% down (241.18 against 269.32);
    /// on the 2,853 days of 2014-01-02 to 2025-05-09 with both, the two overnight moves correlate at 0.94 but the index's is 0.50% a day
    /// against SPY's 0.72%. The index's open is also missing from 2025-05-12 (the FRED closes) and is the previous
    /// close on most days of 1990–2005 and 152 of 2011–2013 in the Yahoo file; SPY has a traded open on all of them.
    /// Left out: the index loses at the open the dividends of its members going ex that morning (about 0.006% a day at a
    /// 1.5% yield), which SPY's price keeps until its own quarterly ex-date; the estimate stands that much high, against an
    /// overnight move of 0.63% a day (standard deviation). Until a review on 2026-11-28 the estimate was held to the index's
    /// range of the day, known only at its close: it bound on 757 of 8,316 days, by 0.06% in the median and 3.4% at most
    /// (2001-09-17). Without it SPY's opening dislocations pass (2001-09-17, the reopening: 1,002.7 against the index's low
    /// of 1,037.46; 2008-09-19, an A.M. expiry, 1,280.5 against a high of 1,265.12): a second review preferred the hold, the
    /// first its removal (an opening settlement price is made of the members' opening trades and can lie outside the
    /// index's prints); left out, as a price read from the later day.
    /// </remarks>
    public static double[] Spx(MarketDataSet data, SpxOpenSource source)
    {
        ArgumentNullException.ThrowIfNull(data);
        var open = Trusted(data, "spx");
        if (source == SpxOpenSource.Index || !data.Has("spy") || data.Get("spy").Open is null) return open;
        var cal = data.Calendar;
        double[] spx = data.Aligned("spx"), spy = data.Aligned("spy");
        // SPY's open under the VIX's rule (none outside its day's range or on a day of one number), and none where it is
        // its previous close: 2016-11-07 in spy-daily.csv gives the previous close, 208.55, as open and low, on a morning
        // the index opened 0.74% up. The index's own open stands there.
        var spyOpen = Trusted(data, "spy");
        var exDividend = new double[cal.Count];
        foreach (var d in data.Dividends?.Dividends ?? [])
        {
            int i = cal.IndexOf(d.ExDate);
            if (i >= 0) exDividend[i] += d.Amount;
        }
        for (int t = 1; t < open.Length; t++)
        {
            double before = spy[t - 1] - exDividend[t];
            if (!(spyOpen[t] > 0) || spyOpen[t] == spy[t - 1] || !(before > 0) || !(spx[t - 1] > 0)) continue;
            // Not held to the index's range of the day: the range is known at the close, and the open's settlement price,
            // made of each member's opening trade, can lie outside the index's prints.
            open[t] = spx[t - 1] * (spyOpen[t] / before);
        }
        return open;
    }
}
