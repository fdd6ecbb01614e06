namespace Alvh.Pricing;

/// <summary>Which delta a quoted "25-delta put" refers to.</summary>
public enum DeltaConvention
{
    /// <summary>
    /// Spot delta ∂V/∂S of the Black–Scholes–Merton price: ω e^{−qT} N(ωd₁). A call's lies in
    /// (0, e^{−qT}), a put's in (−e^{−qT}, 0).
    /// </summary>
    Spot = 0,

    /// <summary>
    /// Forward (undiscounted) delta ω N(ωd₁), the sensitivity of the forward value to the forward,
    /// as quoted on listed index and VIX option screens. A call's lies in (0, 1), a put's in (−1, 0).
    /// </summary>
    Forward = 1,
}
