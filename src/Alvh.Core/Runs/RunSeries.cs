using Alvh.Analytics;
using Alvh.Engine;
using Alvh.MarketData;

namespace Alvh.Runs;

/// <summary>
/// The series every metric of a run is measured against, on the run's own dates: T-bill returns
/// (from the continuous rate known at each previous close, actual/365), the S&amp;P 500 with its dividends
/// reinvested (the benchmark of beta and alpha; <see cref="TotalReturnIndex"/>) and VIX.
/// </summary>
public sealed class RunSeries
{
    /// <summary>Builds the series for <paramref name="dates"/> (trading days of the data's calendar).</summary>
    public RunSeries(MarketDataSet data, ReadOnlySpan<double> rates, DateOnly[] dates)
        : this(data, rates, dates, [])
    {
    }

    /// <summary>As the other constructors, against <paramref name="benchmark"/> (a level per trading day of the data's calendar).</summary>
    public RunSeries(MarketDataSet data, ReadOnlySpan<double> rates, DateOnly[] dates, ReadOnlySpan<double> growth, double[] benchmark)
        : this(data, rates, dates, growth)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        if (benchmark.Length != data.Calendar.Count) throw new ArgumentException($"the benchmark has {benchmark.Length} days, the calendar {data.Calendar.Count}", nameof(benchmark));
        var index = Indices(data.Calendar, dates);
        Benchmark = index.Select(i => benchmark[i]).ToArray();
    }

    /// <summary>
    /// The S&amp;P 500 with its dividends reinvested at each ex-date's close, on every trading day of the calendar:
    /// level[t] = level[t−1] × (close[t] + dividend[t]) / close[t−1], from the close on the first day. The alpha of a
    /// DRIP against the price index alone was its dividend yield (+1.9% a year over 2006-2026).
    /// </summary>
    public static double[] TotalReturnIndex(ReadOnlySpan<double> closes, IReadOnlyList<Dividend> dividends, TradingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(dividends);
        ArgumentNullException.ThrowIfNull(calendar);
        var paid = new double[closes.Length];
        foreach (var d in dividends)
        {
            int day = calendar.IndexOf(d.ExDate);
            if (day >= 0 && day < paid.Length && double.IsFinite(d.Amount)) paid[day] += d.Amount;
        }
        var level = new double[closes.Length];
        double previousClose = double.NaN, previousLevel = double.NaN;
        for (int t = 0; t < closes.Length; t++)
        {
            double c = closes[t];
            if (double.IsNaN(c))
            {
                level[t] = double.NaN; // a day without a close carries nothing: the next close compounds from the last
                continue;
            }
            level[t] = double.IsNaN(previousClose) ? c : previousLevel * (c + paid[t]) / previousClose;
            previousClose = c;
            previousLevel = level[t];
        }
        return level;
    }

    /// <summary>
    /// Builds the series for <paramref name="dates"/>, taking the bill return of each date that follows its calendar
    /// predecessor from <paramref name="growth"/> (<see cref="BillGrowth.ForCalendar"/> of <paramref name="rates"/>;
    /// empty: computed here): the same values, without an exponential per date.
    /// </summary>
    public RunSeries(MarketDataSet data, ReadOnlySpan<double> rates, DateOnly[] dates, ReadOnlySpan<double> growth)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(dates);
        Dates = dates;
        var index = Indices(data.Calendar, dates);
        var spx = data.Aligned("spx");
        var vix = data.Has("vix") ? data.Aligned("vix") : null;
        Benchmark = index.Select(i => spx[i]).ToArray();
        Vix = vix is null ? new double[dates.Length] : index.Select(i => vix[i]).ToArray();
        BillReturns = Bills(data.Calendar, index, rates, dates, growth);
    }

    /// <summary>
    /// <see cref="BillReturns"/> alone for <paramref name="dates"/>, without the benchmark and VIX columns (the
    /// same values): for a caller that needs only the cash leg, such as a de-levered baseline on each simulated path.
    /// </summary>
    public static double[] BillReturnsFor(MarketDataSet data, ReadOnlySpan<double> rates, DateOnly[] dates, ReadOnlySpan<double> growth)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(dates);
        return Bills(data.Calendar, Indices(data.Calendar, dates), rates, dates, growth);
    }

    /// <summary>
    /// The calendar index of each date. A run's dates are a stretch of the calendar: each is checked against the day
    /// after the previous one's and looked up only when it is not (a binary search per date was 17% of a DRIP sweep).
    /// </summary>
    private static int[] Indices(TradingCalendar calendar, DateOnly[] dates)
    {
        var index = new int[dates.Length];
        int next = -1;
        for (int k = 0; k < dates.Length; k++)
        {
            int i = next >= 0 && next < calendar.Count && calendar[next] == dates[k] ? next : calendar.IndexOf(dates[k]);
            index[k] = i;
            next = i >= 0 ? i + 1 : -1;
        }
        return index;
    }

    /// <summary>The T-bill return into each date (index 0 is 0): the calendar's growth for a date following its predecessor, else the rate known at the previous date.</summary>
    private static double[] Bills(TradingCalendar calendar, int[] index, ReadOnlySpan<double> rates, DateOnly[] dates, ReadOnlySpan<double> growth)
    {
        var bills = new double[dates.Length];
        if (!growth.IsEmpty && growth.Length != calendar.Count) throw new ArgumentException($"the growth has {growth.Length} days, the calendar {calendar.Count}", nameof(growth));
        for (int k = 1; k < dates.Length; k++)
        {
            if (!growth.IsEmpty && index[k - 1] >= 0 && index[k] == index[k - 1] + 1)
            {
                // NaN where the rate is missing or the rates end: the rate 0 below gives 0 there too.
                double g = growth[index[k]];
                bills[k] = double.IsNaN(g) ? 0 : g;
                continue;
            }
            double r = rates.Length > index[k - 1] ? rates[index[k - 1]] : 0;
            bills[k] = double.IsNaN(r) ? 0 : BillGrowth.Between(r, dates[k - 1], dates[k]);
        }
        return bills;
    }

    /// <summary>The run's dates.</summary>
    public DateOnly[] Dates { get; }

    /// <summary>S&amp;P 500 level per date.</summary>
    public double[] Benchmark { get; }

    /// <summary>VIX close per date.</summary>
    public double[] Vix { get; }

    /// <summary>T-bill return from the previous date to this one (index 0 is 0).</summary>
    public double[] BillReturns { get; }

    /// <summary>The run's headline metrics.</summary>
    public MetricSet Metrics(ReadOnlySpan<double> equity) => Analytics.Metrics.Compute(equity, Dates, [], Benchmark, BillReturns, Vix);
}
