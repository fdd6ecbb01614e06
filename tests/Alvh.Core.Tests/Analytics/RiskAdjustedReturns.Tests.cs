using Alvh.Analytics;

namespace Alvh.Core.Tests.Analytics;

public class RiskAdjustedReturnsTests
{
    // Hand computation: r = 0.01, −0.02, 0.03, 0.00; mean 0.005; deviations ±0.005, ±0.025 → Σd² = 0.0013,
    // sample sd = √(0.0013/3) = 0.0208166600; Sharpe = 0.005/0.02081666 × √252 = 3.8129334559.
    private static readonly double[] R = [0.01, -0.02, 0.03, 0.00];

    [Fact]
    public void Sharpe_by_hand()
    {
        RiskAdjustedReturns.Sharpe(R, 0.0).Should().BeApproximately(3.8129334558134556, 1e-12);
        RiskAdjustedReturns.Sharpe(R, ReadOnlySpan<double>.Empty).Should().BeApproximately(3.8129334558134556, 1e-12);
        // Constant T-bill 0.001/day: mean excess 0.004, same sd → 0.004/0.02081666 × √252 = 3.0503467647.
        RiskAdjustedReturns.Sharpe(R, [0.001, 0.001, 0.001, 0.001]).Should().BeApproximately(3.0503467646507647, 1e-12);
        RiskAdjustedReturns.Sharpe(R, 0.001).Should().BeApproximately(3.0503467646507647, 1e-12);
    }

    [Fact]
    public void Sortino_by_hand_uses_all_observations_in_the_downside_deviation()
    {
        // Shortfalls below 0: only −0.02 → DD = √(0.0004/4) = 0.01 (n = 4, Sortino & Price 1994);
        // Sortino = 0.005/0.01 × √252 = 7.9372539332; annualised DD = 0.01 × √252 = 0.1587450787.
        RiskAdjustedReturns.Sortino(R, 0.0).Should().BeApproximately(7.937253933193772, 1e-12);
        RiskAdjustedReturns.DownsideDeviation(R, []).Should().BeApproximately(0.15874507866387544, 1e-14);
        // Target 0.01/day: shortfalls 0, −0.03, 0, −0.01 → DD = √(0.001/4) = 0.0158113883; mean excess −0.005.
        RiskAdjustedReturns.Sortino(R, 0.01).Should().BeApproximately(-0.005 / Math.Sqrt(0.001 / 4) * Math.Sqrt(252), 1e-12);
        RiskAdjustedReturns.Sortino([0.01, 0.02], 0.0).Should().Be(double.NaN); // no downside
    }

    [Fact]
    public void Calmar_is_cagr_over_absolute_drawdown()
    {
        RiskAdjustedReturns.Calmar(0.12, -0.3).Should().BeApproximately(0.4, 1e-15);
        RiskAdjustedReturns.Calmar(0.12, 0.3).Should().BeApproximately(0.4, 1e-15);
        RiskAdjustedReturns.Calmar(0.12, 0.0).Should().Be(double.NaN);
    }

    [Fact]
    public void Mismatched_risk_free_length_throws()
    {
        var act = () => RiskAdjustedReturns.Sharpe(R, [0.001, 0.001]);
        act.Should().Throw<ArgumentException>();
    }
}
