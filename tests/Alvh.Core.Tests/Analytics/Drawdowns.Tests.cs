using Alvh.Analytics;

namespace Alvh.Core.Tests.Analytics;

public class DrawdownsTests
{
    // Hand-built curve on trading days of January 2024:
    //  idx  date        equity  running high  drawdown
    //   0   Tue 01-02    100     100            0
    //   1   Wed 01-03    110     110            0
    //   2   Thu 01-04     99     110           −0.10
    //   3   Fri 01-05     88     110           −0.20   ← deepest
    //   4   Mon 01-08     95     110           −15/110
    //   5   Tue 01-09    110     110            0      ← recovery (back at the peak)
    //   6   Wed 01-10    120     120            0
    //   7   Thu 01-11    108     120           −0.10
    //   8   Fri 01-12    114     120           −0.05   (not recovered)
    private static readonly double[] Equity = [100, 110, 99, 88, 95, 110, 120, 108, 114];
    private static readonly DateOnly[] Dates = AnalyticsTestData.Weekdays(new DateOnly(2024, 1, 2), 9);

    [Fact]
    public void Underwater_curve_by_hand()
    {
        var dd = Drawdowns.Series(Equity);
        double[] expected = [0, 0, -0.1, -0.2, -15.0 / 110, 0, 0, -0.1, -0.05];
        for (int i = 0; i < expected.Length; i++) dd[i].Should().BeApproximately(expected[i], 1e-15);
    }

    [Fact]
    public void Maximum_drawdown_with_peak_trough_and_recovery_by_hand()
    {
        var max = Drawdowns.Maximum(Equity, Dates);
        max.Depth.Should().BeApproximately(-0.2, 1e-15);
        max.PeakDate.Should().Be(new DateOnly(2024, 1, 3));
        max.TroughDate.Should().Be(new DateOnly(2024, 1, 5));
        max.RecoveryDate.Should().Be(new DateOnly(2024, 1, 9));
        max.DurationTradingDays.Should().Be(2);
        max.RecoveryTradingDays.Should().Be(2);
        max.DurationCalendarDays.Should().Be(2);
        max.RecoveryCalendarDays.Should().Be(4);
    }

    [Fact]
    public void Window_drawdown_uses_the_windows_own_curve()
    {
        // [01-04, 01-09]: 99, 88, 95, 110 — the window starts at 99, so the drawdown is 88/99 − 1, recovered on 01-09.
        var inner = Drawdowns.MaximumInWindow(Equity, Dates, new DateOnly(2024, 1, 4), new DateOnly(2024, 1, 9));
        inner.Depth.Should().BeApproximately(88.0 / 99 - 1, 1e-15);
        inner.PeakIndex.Should().Be(2);
        inner.TroughIndex.Should().Be(3);
        inner.RecoveryIndex.Should().Be(5);
        // [01-10, 01-14 (a Sunday)]: 120, 108, 114 — −10 %, not recovered inside the window.
        var tail = Drawdowns.MaximumInWindow(Equity, Dates, new DateOnly(2024, 1, 10), new DateOnly(2024, 1, 14));
        tail.Depth.Should().BeApproximately(-0.1, 1e-15);
        tail.PeakDate.Should().Be(new DateOnly(2024, 1, 10));
        tail.TroughDate.Should().Be(new DateOnly(2024, 1, 11));
        tail.RecoveryDate.Should().BeNull();
        tail.RecoveryTradingDays.Should().BeNull();
        var empty = () => Drawdowns.MaximumInWindow(Equity, Dates, new DateOnly(2024, 1, 13), new DateOnly(2024, 1, 14));
        empty.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Rising_curve_has_no_drawdown()
    {
        var max = Drawdowns.Maximum([1.0, 2, 3], AnalyticsTestData.Weekdays(new DateOnly(2024, 1, 1), 3));
        max.Depth.Should().Be(0);
        max.PeakIndex.Should().Be(0);
        max.TroughIndex.Should().Be(0);
        max.RecoveryIndex.Should().Be(0);
    }

    [Fact]
    public void Ulcer_index_by_hand()
    {
        // √((0.1² + 0.2² + (15/110)² + 0.1² + 0.05²)/9) = √(0.0810950413/9) = 0.0949239703 (fraction; 9.49 in Martin's percent).
        Drawdowns.UlcerIndex(Equity).Should().BeApproximately(0.0949239703495581, 1e-13);
        Drawdowns.UlcerIndex([1.0, 2.0]).Should().Be(0.0);
    }

    [Fact]
    public void Property_max_drawdown_is_within_minus_one_and_zero_and_matches_the_underwater_minimum()
    {
        for (int seed = 0; seed < 50; seed++)
        {
            var returns = AnalyticsTestData.NormalReturns(7000 + seed, 500, 0.0, 0.03);
            for (int i = 0; i < returns.Length; i++) returns[i] = Math.Max(returns[i], -0.99);
            var equity = AnalyticsTestData.Curve(returns);
            var dates = AnalyticsTestData.Weekdays(new DateOnly(2000, 1, 3), equity.Length);
            var max = Drawdowns.Maximum(equity, dates);
            max.Depth.Should().BeInRange(-1.0, 0.0);
            max.Depth.Should().BeApproximately(Drawdowns.Series(equity).Min(), 1e-15);
            max.PeakIndex.Should().BeLessThanOrEqualTo(max.TroughIndex);
            equity[max.PeakIndex].Should().Be(equity[..(max.TroughIndex + 1)].Max());
            if (max.RecoveryIndex is { } r) equity[r].Should().BeGreaterThanOrEqualTo(equity[max.PeakIndex]);
            Drawdowns.UlcerIndex(equity).Should().BeInRange(0.0, -max.Depth);
        }
    }
}
