namespace Alvh.Pricing;

/// <summary>One expiry's volatility smile: Black volatility as a function of strike.</summary>
/// <remarks>
/// Implement on a <c>readonly struct</c> and pass it to the generic solvers to avoid boxing and
/// delegate allocation in hot loops.
/// </remarks>
public interface IVolSmile
{
    /// <summary>Black (lognormal) volatility at a strike.</summary>
    /// <param name="strike">Strike, currency units (&gt; 0).</param>
    /// <returns>Annualised volatility as a fraction (0.20 = 20%), ≥ 0.</returns>
    double Vol(double strike);
}
