using Alvh.Analytics;

namespace Alvh.Core.Tests.Analytics;

public class TailRiskTests
{
    // Sorted: −0.05, −0.03, −0.02, −0.01, 0, 0.01, 0.015, 0.02, 0.03, 0.04 (n = 10).
    private static readonly double[] Sample = [-0.05, 0.02, -0.01, 0.03, -0.03, 0.01, 0.00, -0.02, 0.04, 0.015];

    [Fact]
    public void Var_and_cvar_at_95_percent_by_hand_with_linear_interpolation()
    {
        // p = 0.05, h = 9 × 0.05 = 0.45: Q = −0.05 + 0.45 × (−0.03 + 0.05) = −0.041 (numpy default / type 7).
        // Returns at or below −0.041: {−0.05} → ES = −0.05.
        TailRisk.ValueAtRisk(Sample, 0.95).Should().BeApproximately(-0.041, 1e-15);
        TailRisk.ConditionalValueAtRisk(Sample, 0.95).Should().BeApproximately(-0.05, 1e-15);
    }

    [Fact]
    public void Var_and_cvar_at_80_percent_by_hand()
    {
        // p = 0.2, h = 1.8: Q = −0.03 + 0.8 × 0.01 = −0.022; at or below: {−0.05, −0.03} → ES = −0.04.
        TailRisk.ValueAtRisk(Sample, 0.8).Should().BeApproximately(-0.022, 1e-15);
        TailRisk.ConditionalValueAtRisk(Sample, 0.8).Should().BeApproximately(-0.04, 1e-15);
    }

    [Fact]
    public void Quantile_hits_order_statistics_exactly()
    {
        double[] sorted = [1, 2, 3, 4, 5];
        TailRisk.QuantileOfSorted(sorted, 0.0).Should().Be(1);
        TailRisk.QuantileOfSorted(sorted, 0.25).Should().Be(2);
        TailRisk.QuantileOfSorted(sorted, 0.5).Should().Be(3);
        TailRisk.QuantileOfSorted(sorted, 1.0).Should().Be(5);
        TailRisk.QuantileOfSorted(sorted, 0.1).Should().BeApproximately(1.4, 1e-15);
    }

    [Fact]
    public void Input_is_not_modified_and_scratch_overload_agrees()
    {
        var copy = Sample.ToArray();
        var scratch = new double[20];
        TailRisk.ValueAtRisk(Sample, 0.95, scratch).Should().Be(TailRisk.ValueAtRisk(Sample, 0.95));
        Sample.Should().Equal(copy);
        var act = () => TailRisk.ValueAtRisk(Sample, 1.0);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Property_cvar_is_never_above_var()
    {
        for (int seed = 0; seed < 30; seed++)
        {
            var r = AnalyticsTestData.NormalReturns(8000 + seed, 1 + seed * 17, 0, 0.01);
            TailRisk.ConditionalValueAtRisk(r, 0.95).Should().BeLessThanOrEqualTo(TailRisk.ValueAtRisk(r, 0.95));
        }
    }

    [Fact]
    public void Property_selection_agrees_with_a_full_sort_including_ties()
    {
        // Rounded to 0.1 % so many returns tie; reference: sort, type-7 quantile, mean of the values at or below it.
        var random = new Random(8100);
        foreach (double confidence in new[] { 0.5, 0.9, 0.95, 0.99, 0.999 })
        {
            for (int trial = 0; trial < 40; trial++)
            {
                int n = 1 + random.Next(3000);
                var r = AnalyticsTestData.NormalReturns(random.Next(), n, 0, 0.01).Select(x => Math.Round(x, 3)).ToArray();
                var sorted = r.OrderBy(x => x).ToArray();
                double var = TailRisk.QuantileOfSorted(sorted, 1 - confidence);
                TailRisk.ValueAtRisk(r, confidence).Should().Be(var);
                TailRisk.ConditionalValueAtRisk(r, confidence).Should().BeApproximately(sorted.Where(x => x <= var).Average(), 1e-15);
            }
        }
    }
}
