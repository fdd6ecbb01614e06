using Alvh.Pricing;

namespace Alvh.Model;

/// <summary>
/// One tenor of an SSVI smile (an <see cref="SpxSurface"/> tenor, or a VIX option expiry) as a
/// volatility-by-strike function, for <see cref="StrikeFromDelta.ForSmile{TSmile}(OptionRight, double, double, double, double, double, TSmile, DeltaConvention)"/> and other
/// generic solvers (a struct: no boxing): σ(K) = √(w(ln(K/F), θ)/T).
/// </summary>
/// <param name="Forward">Forward to the tenor (index points).</param>
/// <param name="AtmTotalVariance">θ = σ_ATM² T.</param>
/// <param name="T">Tenor, years.</param>
/// <param name="Shape">The SSVI shape.</param>
public readonly record struct ShapedSmile(double Forward, double AtmTotalVariance, double T, SsviShape Shape) : IVolSmile
{
    /// <summary>ATM volatility, annualised fraction.</summary>
    public double AtmVol => T > 0.0 ? Math.Sqrt(AtmTotalVariance / T) : 0.0;

    /// <inheritdoc />
    public double Vol(double strike) => VolAtLogMoneyness(Math.Log(strike / Forward));

    /// <summary>Volatility at log-moneyness k = ln(K/F), annualised fraction.</summary>
    public double VolAtLogMoneyness(double k) => T > 0.0 ? Math.Sqrt(Shape.TotalVariance(k, AtmTotalVariance) / T) : 0.0;
}
