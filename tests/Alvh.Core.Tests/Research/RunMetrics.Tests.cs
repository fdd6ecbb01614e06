using Alvh.Regimes;
using Alvh.Research;

namespace Alvh.Core.Tests.Research;

/// <summary>
/// The sweep's window drawdowns (drawdown2008, drawdown2020) are the study's: measured from the close before the
/// window's first trading day (StudyEngine's windows), so a fall on that first day counts.
/// </summary>
public class RunMetricsTests
{
    // The 2008 window opens on 2008-09-01, Labor Day: its first trading day is 2008-09-02, the close before it 2008-08-29.
    private static readonly DateOnly[] Dates =
    [
        new(2008, 8, 28), new(2008, 8, 29), new(2008, 9, 2), new(2008, 9, 3), new(2008, 9, 4),
        new(2009, 6, 29), new(2009, 6, 30), new(2009, 7, 1),
    ];

    // The trading days of these tests (the equity data's calendar around the windows).
    private static readonly Alvh.MarketData.TradingCalendar Calendar = new(Dates);

    /// <summary>
    /// A run from the window's first trading day covers it, though the window opens on a holiday: a run from 2008-09-01
    /// (Labor Day) starts on 2008-09-02, and its drawdown2008 was n/a, where a run from 2020-02-19, the 2020 window's first
    /// day and a trading day, had one. Hand-worked: from the run's first close, 99, to the trough 88 on 2008-09-03:
    /// 88 / 99 − 1 = −1/9.
    /// </summary>
    [Fact]
    public void A_run_from_the_windows_first_trading_day_covers_it()
    {
        double[] equity = [99, 88, 95, 100, 104, 120];
        RunMetrics.WindowDrawdown(equity, Dates[2..], StudyWindows.FinancialCrisis2008, Calendar).Should().BeApproximately(-1.0 / 9, 1e-15);
    }

    [Fact]
    public void A_fall_on_the_windows_first_day_counts_as_in_the_study()
    {
        // Hand-worked: the peak inside the study's window is 2008-08-29's close, 110; the trough 88 on 2008-09-03:
        // 88 / 110 − 1 = −0.2. From 2008-09-02's close (99) it read 88 / 99 − 1 = −0.1111, missing the first day's fall.
        double[] equity = [100, 110, 99, 88, 95, 100, 104, 120];
        RunMetrics.WindowDrawdown(equity, Dates, StudyWindows.FinancialCrisis2008, Calendar).Should().BeApproximately(-0.2, 1e-15);
    }

    [Fact]
    public void A_run_that_starts_on_the_close_before_the_window_measures_from_it()
    {
        // The run's first close, 2008-08-29's 110, is the close before the window: 88 / 110 − 1 = −0.2.
        double[] equity = [110, 99, 88, 95, 100, 104, 120];
        RunMetrics.WindowDrawdown(equity, Dates[1..], StudyWindows.FinancialCrisis2008, Calendar).Should().BeApproximately(-0.2, 1e-15);
    }

    [Fact]
    public void A_window_the_run_does_not_cover_has_no_drawdown()
    {
        double[] equity = [100, 110, 99, 88, 95, 100, 104, 120];
        RunMetrics.WindowDrawdown(equity[3..], Dates[3..], StudyWindows.FinancialCrisis2008, Calendar).Should().Be(double.NaN);
        RunMetrics.WindowDrawdown(equity[..6], Dates[..6], StudyWindows.FinancialCrisis2008, Calendar).Should().Be(double.NaN);
    }
}
