using Alvh.Reports.Tests.Support;
using Alvh.Study;

namespace Alvh.Reports.Tests;

/// <summary>The verdict's sentences where a difference rounds to nothing.</summary>
public class VerdictWordingTests
{
    /// <summary>
    /// drip-alvh against a same-volatility DRIP with the same returns: the verdict said "the hedge alone earned 0.0 points
    /// a year" (an --as-if study, review); it now says the hedge matched its return.
    /// </summary>
    [Fact]
    public void A_difference_that_rounds_to_nothing_is_said_in_words()
    {
        var (study, _) = SyntheticStudy.Build();
        var alvh = study.Runs.Single(r => r.Name == "drip-alvh");
        var twin = alvh with { Name = StudyEngine.SameVolatilityAsHedge, Backtest = null };
        var withTwin = study with
        {
            Runs = [.. study.Runs, twin],
            Baselines = [.. study.Baselines, new BaselineFit(StudyEngine.SameVolatilityAsHedge, "volatility", alvh.Metrics.Volatility, 0.9, alvh.Metrics.Volatility, null)],
        };

        string verdict = Verdict.Write(withTwin);

        verdict.Should().Contain("the hedge alone matched its return and fell about as far").And.NotContain("0.0 points a year");
    }

    /// <summary>
    /// The conclusion after the figures reads the rounded figures too: with a return that rounds to nothing ("matched
    /// its return") and a shallower drawdown the hedge earns its keep; it read "a trade of return against drawdown",
    /// the raw difference being a hair below 0. With both the same it is no trade at all.
    /// </summary>
    [Theory]
    [InlineData(1e-6, -0.05, "the hedge alone matched its return and fell 5.0 points less far: it earns its keep against that fair baseline.")]
    [InlineData(0, 0, "the hedge alone matched its return and fell about as far: no different from that fair baseline.")]
    [InlineData(1e-6, 0.05, "the hedge alone matched its return and fell 5.0 points further: holding less equity did as well on return and better on drawdown.")]
    public void The_conclusion_reads_the_rounded_differences(double baselineCagrAbove, double baselineDrawdownAbove, string expected)
    {
        var (study, _) = SyntheticStudy.Build();
        var alvh = study.Runs.Single(r => r.Name == "drip-alvh");
        var twin = alvh with
        {
            Name = StudyEngine.SameVolatilityAsHedge,
            Backtest = null,
            Metrics = alvh.Metrics with { Cagr = alvh.Metrics.Cagr + baselineCagrAbove, MaxDrawdown = alvh.Metrics.MaxDrawdown + baselineDrawdownAbove },
        };
        var withTwin = study with
        {
            Runs = [.. study.Runs, twin],
            Baselines = [.. study.Baselines, new BaselineFit(StudyEngine.SameVolatilityAsHedge, "volatility", alvh.Metrics.Volatility, 0.9, alvh.Metrics.Volatility, null)],
        };

        Verdict.Write(withTwin).Should().Contain(expected);
    }
}
