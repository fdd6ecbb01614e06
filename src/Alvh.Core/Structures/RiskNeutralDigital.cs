using Alvh.Pricing;

namespace Alvh.Structures;

/// <summary>
/// Risk-neutral probabilities of the underlying finishing above a level, read off the smile's
/// call prices (Breeden–Litzenberger): P(S_T &gt; K) = −(1/D) ∂C/∂K.
/// </summary>
/// <remarks>
/// The derivative is the call-spread approximation of the digital, a central difference
/// [c(K − h) − c(K + h)] / 2h on undiscounted Black prices c with the smile's volatility at each
/// strike, h = 1e-4 × F. It therefore includes the skew term −vega ∂σ/∂K that a flat-vol N(d₂)
/// misses: P = N(d₂) − vega ∂σ/∂K, so on a downward skew (∂σ/∂K &lt; 0) N(d₂) at the strike's own volatility understates the
/// probability of finishing above it (differentiate C(K, σ(K)) in K: ∂C/∂K = −D N(d₂) + vega ∂σ/∂K, undiscounted vega).
/// Truncation error is O(h²) and rounding error about 1e-12; a smile with arbitrage can give a
/// value outside [0, 1], which is clamped.
/// </remarks>
public static class RiskNeutralDigital
{
    /// <summary>Relative half-width of the call spread, as a fraction of the forward.</summary>
    public const double RelativeHalfWidth = 1e-4;

    /// <summary>Risk-neutral probability that the underlying settles above <paramref name="level"/>.</summary>
    /// <param name="market">The expiry's market (forward, time, smile).</param>
    /// <param name="level">Level, currency units; ≤ 0 gives 1.</param>
    /// <returns>P(S_T &gt; level) in [0, 1].</returns>
    public static double ProbabilityAbove(OptionMarket market, double level)
    {
        ArgumentNullException.ThrowIfNull(market);
        if (level <= 0.0) return 1.0;
        if (double.IsPositiveInfinity(level)) return 0.0;
        double forward = market.Forward;
        double h = Math.Min(RelativeHalfWidth * forward, 0.5 * level);
        double lower = Undiscounted(market, forward, level - h);
        double upper = Undiscounted(market, forward, level + h);
        return Math.Clamp((lower - upper) / (2.0 * h), 0.0, 1.0);
    }

    private static double Undiscounted(OptionMarket market, double forward, double strike) =>
        Black76.Price(OptionRight.Call, forward, strike, 0.0, market.Smile.Vol(strike), market.YearsToExpiry);
}
