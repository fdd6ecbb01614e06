using Alvh.Analytics;

namespace Alvh.Core.Tests.Analytics;

public class CapmTests
{
    [Fact]
    public void Beta_alpha_and_correlation_by_hand()
    {
        // b = 0.01, −0.02, 0, 0.02 (mean 0.0025); r = 0.02, −0.01, 0, 0.03 (mean 0.01).
        // Σdx² = 0.000875, Σdxdy = 0.0009, Σdy² = 0.001 → β = 36/35, α = 0.01 − (36/35)(0.0025) = 0.26/35,
        // α × 252 = 1.872, ρ = 0.0009/√(0.000875 × 0.001) = 0.9621404709.
        var capm = Capm.Regress([0.02, -0.01, 0.0, 0.03], [0.01, -0.02, 0.0, 0.02], []);
        capm.Beta.Should().BeApproximately(36.0 / 35, 1e-13);
        capm.AlphaDaily.Should().BeApproximately(0.26 / 35, 1e-15);
        capm.AlphaAnnualised.Should().BeApproximately(1.872, 1e-12);
        capm.Correlation.Should().BeApproximately(0.9621404708847279, 1e-13);
        capm.Observations.Should().Be(4);
    }

    [Fact]
    public void Excess_returns_shift_alpha_by_the_bill_rate_times_one_minus_beta()
    {
        // r = 2b + 0.001; with r_f = 0.0005: (r − r_f) = 2(b − r_f) + 0.0015, so β = 2, α = 0.0015/day, 0.378/yr.
        double[] b = [0.01, -0.01, 0.02, 0.0];
        var r = b.Select(x => 2 * x + 0.001).ToArray();
        var noBills = Capm.Regress(r, b, []);
        noBills.Beta.Should().BeApproximately(2, 1e-13);
        noBills.AlphaAnnualised.Should().BeApproximately(0.252, 1e-13);
        var withBills = Capm.Regress(r, b, [0.0005, 0.0005, 0.0005, 0.0005]);
        withBills.Beta.Should().BeApproximately(2, 1e-13);
        withBills.AlphaDaily.Should().BeApproximately(0.0015, 1e-15);
        withBills.AlphaAnnualised.Should().BeApproximately(0.378, 1e-13);
    }

    [Fact]
    public void Constant_benchmark_gives_NaN()
    {
        var capm = Capm.Regress([0.01, 0.02], [0.0, 0.0], []);
        capm.Beta.Should().Be(double.NaN);
        capm.AlphaAnnualised.Should().Be(double.NaN);
    }
}
