using Alvh.Indicators;

namespace Alvh.Core.Tests.Indicators;

public class ParkinsonVolatilityTests
{
    [Fact]
    public void Matches_the_Parkinson_formula()
    {
        // Hand computation: every bar has ln(H/L) = 0.02 → σ² = 0.0004/(4 ln 2) per day, ×252 annualised.
        var high = Enumerable.Repeat(100 * Math.Exp(0.02), 5).ToArray();
        var low = Enumerable.Repeat(100.0, 5).ToArray();
        var vol = ParkinsonVolatility.Compute(high, low, 3);
        double.IsNaN(vol[1]).Should().BeTrue();
        vol[2].Should().BeApproximately(Math.Sqrt(252 * 0.0004 / (4 * Math.Log(2))), 1e-12);
    }

    [Fact]
    public void Flat_bars_give_zero() =>
        ParkinsonVolatility.Compute([5.0, 5, 5], [5.0, 5, 5], 2)[1..].Should().OnlyContain(x => x == 0);
}
