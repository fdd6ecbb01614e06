namespace Alvh.Model;

/// <summary>
/// The shape of a volatility smile in standardised moneyness z = k / (σ_ATM √T), k = ln(K/F):
/// σ(z) = σ_ATM · (1 + Slope·ζ + Curvature·ζ²) with ζ = WingLimit · tanh(z / WingLimit).
/// </summary>
/// <remarks>
/// <para>
/// The tanh saturation is a smooth clip: for |z| ≪ WingLimit, ζ ≈ z (a quadratic smile); far in
/// the wings the volatility flattens to a constant, so the smile neither explodes (Lee's moment
/// formula caps wing total variance at 2|k|) nor turns negative. A hard clip would leave a kink in
/// σ(K) at the clip point, and a kink where the slope jumps downward is a negative butterfly
/// (a negative density) — the smooth clip avoids it.
/// </para>
/// <para>
/// Measuring moneyness in ATM standard deviations makes the smile sticky-delta: a 25-delta option
/// sits at z ≈ ∓0.674 whatever the level of volatility and tenor, so the 25-delta risk reversal is
/// ≈ 1.35 · Slope · σ_ATM and the butterfly ≈ 0.45 · Curvature · σ_ATM. The factor is positive
/// whenever Slope² &lt; 4·Curvature or |Slope|·WingLimit &lt; 1 (checked by <see cref="IsValid"/>).
/// </para>
/// </remarks>
/// <param name="Slope">Linear coefficient (dimensionless; negative = put skew).</param>
/// <param name="Curvature">Quadratic coefficient (dimensionless; positive = smile).</param>
/// <param name="WingLimit">Saturation level of |ζ|, in ATM standard deviations (&gt; 0).</param>
public readonly record struct SmileShape(double Slope, double Curvature, double WingLimit)
{
    /// <summary>σ / σ_ATM at standardised moneyness <paramref name="z"/>.</summary>
    public double Factor(double z)
    {
        double zeta = WingLimit * Math.Tanh(z / WingLimit);
        return 1.0 + zeta * (Slope + Curvature * zeta);
    }

    /// <summary>True when the factor is positive for every z (so every volatility is positive).</summary>
    public bool IsValid
    {
        get
        {
            if (!(WingLimit > 0.0) || double.IsNaN(Slope) || double.IsNaN(Curvature)) return false;
            // The factor is a quadratic in ζ on [−L, L]: check its ends and, if inside, its vertex.
            double lo = 1.0 - WingLimit * Slope + Curvature * WingLimit * WingLimit;
            double hi = 1.0 + WingLimit * Slope + Curvature * WingLimit * WingLimit;
            double min = Math.Min(lo, hi);
            if (Curvature > 0.0)
            {
                double vertex = -Slope / (2.0 * Curvature);
                if (Math.Abs(vertex) < WingLimit) min = Math.Min(min, 1.0 - Slope * Slope / (4.0 * Curvature));
            }
            return min > 0.0;
        }
    }
}
