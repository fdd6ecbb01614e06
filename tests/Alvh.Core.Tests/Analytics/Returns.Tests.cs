using Alvh.Analytics;

namespace Alvh.Core.Tests.Analytics;

public class ReturnsTests
{
    [Fact]
    public void Simple_and_log_returns_by_hand()
    {
        double[] equity = [100, 110, 99, 99];
        var simple = Returns.Simple(equity);
        simple[0].Should().BeApproximately(0.1, 1e-15);
        simple[1].Should().BeApproximately(-0.1, 1e-15);
        simple[2].Should().Be(0.0);
        var log = Returns.Log(equity);
        log[0].Should().BeApproximately(Math.Log(1.1), 1e-15);
        log[1].Should().BeApproximately(Math.Log(0.9), 1e-15);
        log[2].Should().Be(0.0);
        Returns.Total(equity).Should().BeApproximately(-0.01, 1e-15);
        Returns.Compound(Returns.Simple(equity)).Should().BeApproximately(-0.01, 1e-15);
    }

    [Fact]
    public void Cagr_of_a_doubling_over_four_julian_years_is_the_fourth_root_of_two()
    {
        // 2020-01-01 → 2024-01-01 is 1461 calendar days = 4 × 365.25 exactly, so years = 4.
        var dates = new[] { new DateOnly(2020, 1, 1), new DateOnly(2024, 1, 1) };
        Returns.Cagr([100.0, 200.0], dates).Should().BeApproximately(Math.Pow(2, 0.25) - 1, 1e-14); // 0.189207115
        Returns.Cagr([100.0, 400.0], dates).Should().BeApproximately(Math.Sqrt(2) - 1, 1e-14);
    }

    [Fact]
    public void Cagr_of_a_doubling_over_two_calendar_years_uses_731_over_365_25()
    {
        // 2020 is a leap year: 731 days = 2.00137 years; 2^(365.25/731) − 1 = 0.4138783565 (computed by hand in Python).
        Returns.Cagr(1.0, new DateOnly(2020, 1, 1), new DateOnly(2022, 1, 1)).Should().BeApproximately(0.4138783565025832, 1e-12);
        Returns.Cagr(1.0, new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 1)).Should().Be(double.NaN);
    }

    [Fact]
    public void Time_weighted_returns_remove_flows_booked_on_or_after_their_date()
    {
        // Day 2: 50 contributed, equity 160 → (160 − 50)/110 − 1 = 0. A flow on Saturday 2024-01-06 books on Monday 01-08.
        double[] equity = [100, 110, 160, 150, 140];
        var dates = new[] { new DateOnly(2024, 1, 2), new(2024, 1, 3), new(2024, 1, 4), new(2024, 1, 5), new(2024, 1, 8) };
        ExternalFlow[] flows = [new(new DateOnly(2024, 1, 4), 50), new(new DateOnly(2024, 1, 6), -10), new(new DateOnly(2023, 12, 29), 1000)];
        var r = new double[4];
        Returns.TimeWeighted(equity, dates, flows, r);
        r[0].Should().BeApproximately(0.1, 1e-15);
        r[1].Should().BeApproximately(0.0, 1e-15);
        r[2].Should().BeApproximately(-0.0625, 1e-15);
        r[3].Should().BeApproximately(150.0 / 150 - 1, 1e-15); // (140 + 10)/150 − 1 = 0
        var act = () => Returns.TimeWeighted(equity, dates, [new(new DateOnly(2024, 1, 9), 1)], r);
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Time_weighted_returns_without_flows_equal_simple_returns()
    {
        var equity = AnalyticsTestData.Curve(AnalyticsTestData.NormalReturns(1, 300, 0.0003, 0.01));
        var dates = AnalyticsTestData.Weekdays(new DateOnly(2020, 1, 1), equity.Length);
        var r = new double[equity.Length - 1];
        Returns.TimeWeighted(equity, dates, [], r);
        r.Should().Equal(Returns.Simple(equity));
    }
}
