using Alvh.Study;

namespace Alvh.Core.Tests.Study;

/// <summary>The clause that gives the calm-year cost without the calm years holding a named crisis window.</summary>
public class CalmYearCostTests
{
    [Fact]
    public void Names_the_calm_years_left_out_and_their_cost_without_them()
    {
        var two = new CalmYearCost("drip-alvh", [2014, 2015, 2016, 2018], 0.003, [2014, 2016], 0.005);
        two.WithoutCrisisYears(Verdict.P).Should().Be("; 0.5%/yr in the 2 without a named crisis window (2015 and 2018 hold one)");
        var three = new CalmYearCost("drip-alvh", [2011, 2014, 2015, 2018], 0.003, [2014], -0.001);
        three.WithoutCrisisYears(Verdict.P).Should().Be("; -0.1%/yr in the 1 without a named crisis window (2011, 2015 and 2018 hold one)");
        var one = new CalmYearCost("drip-alvh", [2014, 2015], 0.003, [2014], 0.004);
        one.WithoutCrisisYears(Verdict.P).Should().Be("; 0.4%/yr in the 1 without a named crisis window (2015 holds one)");
    }

    [Fact]
    public void Says_nothing_when_no_calm_year_holds_a_window_and_says_so_when_every_one_does()
    {
        new CalmYearCost("drip-alvh", [2014, 2016], 0.003, [2014, 2016], 0.003).WithoutCrisisYears(Verdict.P).Should().BeEmpty();
        new CalmYearCost("drip-alvh", [], double.NaN, [], double.NaN).WithoutCrisisYears(Verdict.P).Should().BeEmpty();
        new CalmYearCost("drip-alvh", [2015, 2018], 0.003, [], double.NaN).WithoutCrisisYears(Verdict.P)
            .Should().Be("; every one of them holds a named crisis window");
    }
}
