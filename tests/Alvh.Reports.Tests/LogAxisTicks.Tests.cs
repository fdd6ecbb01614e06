using Alvh.Reports.Charts;

namespace Alvh.Reports.Tests;

/// <summary>The labelled multiples of the log axes: the growth of $1 and the Monte Carlo's terminal wealth.</summary>
public sealed class LogAxisTicksTests
{
    private static readonly double[] Growth = [0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 50, 75, 100];

    /// <summary>
    /// A walk-forward of drip over 2014-2015 grew $1 to between 0.94 and 1.17: its growth axis was labelled 1× alone,
    /// so no level on it could be read. Now at least three labels fall inside the data, evenly spaced.
    /// </summary>
    [Fact]
    public void A_narrow_range_gets_at_least_three_labels_inside_its_data()
    {
        var ticks = LogAxisTicks.Choose(Growth, 0.94, 1.17, 0.94 / 1.2, 1.17 * 1.2);
        ticks.Count(t => t >= 0.94 && t <= 1.17).Should().BeGreaterThanOrEqualTo(3);
        ticks.Should().Contain([0.95, 1.0, 1.05, 1.1, 1.15]);
        ticks.Select(LogAxisTicks.Label).Should().Contain(["0.95×", "1×", "1.05×"]);
    }

    /// <summary>Twenty two-year Monte Carlo paths ended with 0.82 to 1.62 times their capital: 1× and 1.5× were its only labels.</summary>
    [Fact]
    public void A_monte_carlo_wealth_axis_of_two_years_is_labelled_every_tenth()
    {
        double[] wealth = [0.1, 0.2, 0.5, 1, 1.5, 2, 3, 5, 7.5, 10, 15, 20, 30, 50, 100];
        double min = Math.Log10(0.82), max = Math.Log10(1.62);
        var ticks = LogAxisTicks.Choose(wealth, 0.82, 1.62, Math.Pow(10, min - 0.1), Math.Pow(10, max + 0.1));
        ticks.Where(t => t >= 0.82 && t <= 1.62).Should().Equal(0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6);
    }

    /// <summary>The study's twenty years (0.56 to 7.8 times) keep the round multiples they always had, so its charts are unchanged.</summary>
    [Fact]
    public void A_wide_range_keeps_the_round_multiples()
    {
        LogAxisTicks.Choose(Growth, 0.56, 7.8, 0.56 / 1.2, 7.8 * 1.2).Should().Equal(0.5, 0.75, 1, 1.5, 2, 3, 4, 5, 6, 8);
    }
}
