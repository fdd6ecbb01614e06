using Alvh.Runs;

namespace Alvh.Reports;

/// <summary>
/// The market series a report measures runs against, on the runs' own trading days: the S&amp;P 500
/// with its dividends reinvested (benchmark of the rolling beta), T-bill returns (risk-free rate of the rolling Sharpe) and VIX.
/// </summary>
/// <param name="Dates">Trading days, the same as every run's.</param>
/// <param name="Benchmark">S&amp;P 500 total-return level per day (the index with its dividends reinvested).</param>
/// <param name="BillReturns">T-bill return from the previous day to this one (fraction; index 0 is 0).</param>
/// <param name="Vix">VIX close per day (index points; NaN when missing).</param>
public sealed record ReportSeries(DateOnly[] Dates, double[] Benchmark, double[] BillReturns, double[] Vix)
{
    /// <summary>The series of a run, as the engine measures it.</summary>
    public static ReportSeries From(RunSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return new ReportSeries(series.Dates, series.Benchmark, series.BillReturns, series.Vix);
    }
}
