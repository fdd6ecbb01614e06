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
}
