using Alvh.Analytics;

namespace Alvh.Core.Tests.Analytics;

public class DeleveredBaselineTests
{
    private const int Days = 2520;
    // Equity clearly out-grows bills: growth-optimal weight ≈ (μ − r_f)/σ² ≈ 0.0007/0.0001 = 7 ≫ 1, so the mix CAGR
    // rises over all of [0, 1] (with a weaker edge it can peak inside [0, 1]; see the last test).
    private static readonly double[] Equity = AnalyticsTestData.NormalReturns(4242, Days, 0.0008, 0.01);
    private static readonly double[] Bills = Enumerable.Range(0, Days).Select(i => 0.0001 + 0.00005 * Math.Sin(i / 200.0)).ToArray();
    private static readonly double Years = Days / 252.0;

    [Fact]
    public void Property_volatility_scales_linearly_with_weight_over_constant_bills()
    {
        var constantBills = Enumerable.Repeat(0.0001, Days).ToArray();
        double full = SampleStatistics.AnnualisedVolatility(Equity);
        foreach (double w in new[] { 0.0, 0.1, 0.25, 0.5, 0.8, 1.0, 1.5 })
            DeleveredBaseline.MixVolatility(Equity, constantBills, w).Should().BeApproximately(w * full, 1e-12);
    }

    [Fact]
    public void Closed_form_volatility_equals_the_volatility_of_the_mixed_returns()
    {
        var mix = new double[Days];
        DeleveredBaseline.MixReturns(Equity, Bills, 0.6, mix);
        DeleveredBaseline.MixVolatility(Equity, Bills, 0.6).Should().BeApproximately(SampleStatistics.AnnualisedVolatility(mix), 1e-12);
        DeleveredBaseline.MixCagr(Equity, Bills, 0.6, Years).Should().BeApproximately(Math.Pow(1 + Returns.Compound(mix), 1 / Years) - 1, 1e-12);
    }

    [Fact]
    public void Property_solving_the_weight_for_a_target_volatility_round_trips()
    {
        var random = new Random(5150);
        for (int trial = 0; trial < 100; trial++)
        {
            double w = random.NextDouble();
            double target = DeleveredBaseline.MixVolatility(Equity, Bills, w);
            var solution = DeleveredBaseline.WeightForVolatility(Equity, Bills, target);
            solution.IsSolved.Should().BeTrue(solution.Reason);
            solution.Weight.Should().BeApproximately(w, 1e-9);
            solution.Achieved.Should().BeApproximately(target, 1e-12);
        }
    }

    [Fact]
    public void Property_solving_the_weight_for_a_target_cagr_round_trips()
    {
        var random = new Random(5151);
        for (int trial = 0; trial < 50; trial++)
        {
            double w = random.NextDouble();
            double target = DeleveredBaseline.MixCagr(Equity, Bills, w, Years);
            var solution = DeleveredBaseline.WeightForCagr(Equity, Bills, target, Years);
            solution.IsSolved.Should().BeTrue(solution.Reason);
            solution.Weight.Should().BeApproximately(w, 1e-9);
        }
    }

    [Fact]
    public void Unreachable_targets_return_NaN_with_a_reason()
    {
        double equityVol = DeleveredBaseline.MixVolatility(Equity, Bills, 1.0);
        var tooRisky = DeleveredBaseline.WeightForVolatility(Equity, Bills, 1.5 * equityVol);
        tooRisky.Weight.Should().Be(double.NaN);
        tooRisky.Reason.Should().Be("target volatility needs an equity weight of 150.0%, above the most allowed, 100.0%", "the weight is 1.5 × the equity's volatility over it");
        DeleveredBaseline.WeightForVolatility(Equity, Bills, 1.5 * equityVol, maxWeight: 2.0).Weight.Should().BeApproximately(1.5, 0.01);

        double equityCagr = DeleveredBaseline.MixCagr(Equity, Bills, 1.0, Years);
        var tooFast = DeleveredBaseline.WeightForCagr(Equity, Bills, equityCagr + 0.01, Years);
        tooFast.IsSolved.Should().BeFalse();
        tooFast.Reason.Should().Contain("above the best attainable");
        DeleveredBaseline.WeightForCagr(Equity, Bills, -0.5, Years).Reason.Should().Contain("below the bills");

        // Equity that loses to bills: the CAGR falls as w rises from 0.
        var losing = Equity.Select(r => r - 0.002).ToArray();
        DeleveredBaseline.WeightForCagr(losing, Bills, 0.05, Years).Reason.Should().Contain("does not out-grow");
    }

    [Fact]
    public void Cagr_beyond_the_growth_optimal_weight_is_not_reachable_on_the_falling_branch()
    {
        // Very volatile equity with a small edge: the growth-optimal w* = μ/σ² ≈ 0.0004/0.0016 = 0.25 < 1,
        // so the CAGR peaks inside [0, 1]; targets are solved on [0, w*] and the best CAGR is the limit.
        var wild = AnalyticsTestData.NormalReturns(77, Days, 0.0005, 0.04);
        var zeroBills = new double[Days];
        var peak = DeleveredBaseline.WeightForCagr(wild, zeroBills, 1.0, Years);
        peak.IsSolved.Should().BeFalse();
        peak.Reason.Should().Contain("(at an equity weight of ");
        double atQuarter = DeleveredBaseline.MixCagr(wild, zeroBills, 0.1, Years);
        DeleveredBaseline.WeightForCagr(wild, zeroBills, atQuarter, Years).Weight.Should().BeApproximately(0.1, 1e-9);
    }
}
