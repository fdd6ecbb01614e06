using Alvh.Analytics;
using Alvh.Engine;
using Alvh.MarketData;
using Alvh.Regimes;
using Alvh.Runs;
using Alvh.Strategies;

namespace Alvh.Research;

/// <summary>
/// The metrics a sweep records per run, in a fixed column order (<see cref="Names"/>): CAGR, volatility,
/// Sharpe, maximum drawdown, Calmar, beta to the S&amp;P 500, and the maximum drawdowns inside the 2008 and
/// 2020 study windows (<see cref="StudyWindows"/>; from the close before the window's first day, as the study measures
/// them; NaN when the run does not cover the window, null in a sweep's parts). Fractions,
/// annualised where the name says so (see <see cref="MetricSet"/>).
/// </summary>
public static class RunMetrics
{
    /// <summary>Column names, camelCase.</summary>
    public static IReadOnlyList<string> Names { get; } = ["cagr", "volatility", "sharpe", "maxDrawdown", "calmar", "beta", "drawdown2008", "drawdown2020"];

    /// <summary>
    /// The rules the metrics are computed by where they changed, as a sweep's manifest records them: a sweep resumed
    /// under other rules would set rows of both side by side in one dataset (until 2026-11-28 the two window drawdowns
    /// were measured from the window's first close; until the same day's later change a metric a run does not have was
    /// stored as NaN). Changed with any rule that moves a metric or how it is stored.
    /// </summary>
    public const string Rules = "window drawdowns from the close before the window's first day (since 2026-11-28); a metric a run does not have stored as null, not NaN (since 2026-11-28, later); a window covered by a run from its first trading day, though the window opens on a holiday (since 2026-11-28, h90)";

    /// <summary>Runs <paramref name="strategy"/> and returns its metrics in <see cref="Names"/> order.</summary>
    /// <param name="market">Data and model.</param>
    /// <param name="strategy">The strategy.</param>
    /// <param name="from">First day, or null.</param>
    /// <param name="to">Last day, or null.</param>
    /// <param name="buffers">The caller's daily columns, ledger rows and trade rows, reused from its previous run (the result does not leave here), or null.</param>
    public static double[] Compute(MarketContext market, StrategyDefinition strategy, DateOnly? from, DateOnly? to, RunBuffers? buffers = null)
    {
        ArgumentNullException.ThrowIfNull(market);
        var result = market.Run(strategy, from, to, buffers: buffers);
        // Read in place (the engine's result is a DailyTable): copies of the equity and the dates were 32 KB of a
        // 2015-2025 DRIP run's 64 KB once the ledger's rows came from the buffers too.
        var equity = Columns(result, out var dates);
        var series = market.SeriesFor(dates);
        var m = series.Metrics(equity);
        var calendar = market.Data.Calendar;
        return [m.Cagr, m.Volatility, m.Sharpe, m.MaxDrawdown, m.Calmar, m.Beta,
            WindowDrawdown(equity, series.Dates, StudyWindows.FinancialCrisis2008, calendar), WindowDrawdown(equity, series.Dates, StudyWindows.Covid2020, calendar)];
    }

    /// <summary>Daily returns of a run's equity (index 0 is 0) with its dates, for walk-forward and PBO.</summary>
    /// <param name="market">Data and model.</param>
    /// <param name="strategy">The strategy.</param>
    /// <param name="from">First day, or null.</param>
    /// <param name="to">Last day, or null.</param>
    /// <param name="buffers">The caller's daily columns, ledger rows and trade rows, reused from its previous run (the result does not leave here), or null.</param>
    public static (DateOnly[] Dates, double[] Returns, double[] BillReturns) DailyReturns(MarketContext market, StrategyDefinition strategy, DateOnly? from, DateOnly? to, RunBuffers? buffers = null)
    {
        ArgumentNullException.ThrowIfNull(market);
        var result = market.Run(strategy, from, to, buffers: buffers);
        var equity = Columns(result, out var dates);
        var series = market.SeriesFor(dates);
        var returns = new double[equity.Length];
        for (int t = 1; t < returns.Length; t++) returns[t] = equity[t] / equity[t - 1] - 1;
        return (series.Dates, returns, series.BillReturns);
    }

    /// <summary>The run's equity and dates: its daily table's columns in place, or copies for a result without one.</summary>
    private static ReadOnlySpan<double> Columns(BacktestResult result, out ReadOnlySpan<DateOnly> dates)
    {
        if (result.Daily is DailyTable table)
        {
            dates = table.Dates;
            return table.Equity;
        }
        dates = result.Dates();
        return result.EquityCurve();
    }

    /// <summary>
    /// The maximum drawdown in <paramref name="window"/> measured as the study measures it (StudyEngine's windows): from
    /// the close before the window's first trading day, so that day's move counts; NaN when the run does not cover the
    /// window. Measured from the first day's close instead, the sweep's drawdown2008 of drip-alvh over 2006-2026 was
    /// −44.83% where the study gives −45.15% for the same run (2008-09-02, the window's first day, fell).
    /// A run covers the window when it holds the window's first and last trading days on <paramref name="calendar"/>: the
    /// 2008 window opens on 2008-09-01, Labor Day, and a run from that day (its first close 2008-09-02's) had no value,
    /// where a run from 2020-02-19, the 2020 window's first day, a trading day, had one, measured from its first close.
    /// </summary>
    internal static double WindowDrawdown(ReadOnlySpan<double> equity, ReadOnlySpan<DateOnly> dates, StudyWindow window, TradingCalendar calendar)
    {
        int first = calendar.IndexOnOrAfter(window.Start), last = calendar.IndexOnOrBefore(window.End);
        if (dates.Length == 0 || first >= calendar.Count || last < first || dates[0] > calendar[first] || dates[^1] < calendar[last]) return double.NaN;
        int start = dates.BinarySearch(window.Start);
        start = start >= 0 ? start : ~start;
        var from = dates[Math.Max(0, start - 1)];
        return Drawdowns.MaximumInWindow(equity, dates, from, window.End).Depth;
    }
}
