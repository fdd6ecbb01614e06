namespace Alvh.Model;

/// <summary>
/// Every tunable of the SPX implied-volatility surface, with defaults and the reason for each
/// (printed by <see cref="SpxSurfaceModel.Assumptions"/>). Volatilities are annualised fractions;
/// VIX-family levels are in index points (VIX 20 = 20% variance-swap vol).
/// </summary>
/// <remarks>
/// Skew calibration: the 30-day 25-delta risk reversal of the smile is ≈ 1.35 · Slope · σ_ATM and
/// the butterfly ≈ 0.45 · Curvature · σ_ATM (see <see cref="SmileShape"/>). Public references for
/// SPX levels: Cboe's SKEW white paper and Bakshi, Kapadia and Madan (2003, Review of Financial
/// Studies 16(1), "Stock Return Characteristics, Skew Laws, and the Differential Pricing of
/// Individual Equity Options") document the persistent negative index skew; Foresi and Wu (2005,
/// Journal of Derivatives 12(4), "Crash-O-Phobia") report the index smile slope across
/// maturities; Mixon (2011, Journal of Derivatives 18(4), "What Does Implied Volatility Skew
/// Measure?") shows the scaled skew (σ25P − σ25C)/σ50 is largest when volatility is low. In calm
/// markets (VIX 11–14) the 30-day SPX 25-delta risk reversal is typically −5 to −8 vol points with
/// ATM vol 9–13% — a scaled skew of about 0.5; in stress (VIX 40+) the risk reversal widens in vol
/// points (≈ −10) but the scaled skew falls to about 0.25–0.3. The defaults reproduce both ends.
/// </remarks>
public sealed record SurfaceParameters
{
    /// <summary>The default calibration.</summary>
    public static SurfaceParameters Default { get; } = new();

    /// <summary>Smile slope (in ATM standard deviations) when VIX ≤ <see cref="VixCalm"/>; −0.40 gives RR25 ≈ −0.54·σ_ATM.</summary>
    public double SlopeCalm { get; init; } = -0.40;

    /// <summary>Smile slope when VIX ≥ <see cref="VixStressed"/>; −0.20 gives RR25 ≈ −0.27·σ_ATM.</summary>
    public double SlopeStressed { get; init; } = -0.20;

    /// <summary>VIX level (points) at and below which the calm slope applies.</summary>
    public double VixCalm { get; init; } = 12.0;

    /// <summary>VIX level (points) at and above which the stressed slope applies; linear in between.</summary>
    public double VixStressed { get; init; } = 40.0;

    /// <summary>Smile curvature; 0.20 gives a 25-delta butterfly ≈ 0.09·σ_ATM (≈ 1 vol point at ATM 12%) and a call-wing minimum ≈ 0.8·σ_ATM near the 15-delta call.</summary>
    public double Curvature { get; init; } = 0.20;

    /// <summary>Wing saturation in ATM standard deviations: beyond ≈ 2.5σ the smile flattens (Lee's moment bound; no exploding wings).</summary>
    public double WingLimit { get; init; } = 2.5;

    /// <summary>
    /// When true (default), the ATM level is chosen so that the smile's variance-swap value — the
    /// log-contract replication 2∫OTM(K)/K² dK of the Cboe VIX white paper — equals the pillar
    /// index squared; when false, σ_ATM = <see cref="AtmToVixRatio"/> · index.
    /// </summary>
    public bool AtmFromVarianceSwap { get; init; } = true;

    /// <summary>
    /// σ_ATM / VIX when <see cref="AtmFromVarianceSwap"/> is false. VIX is a variance-swap rate and
    /// exceeds ATM vol by a skew-dependent spread (Carr and Wu 2006, "A Tale of Two Indices",
    /// Journal of Derivatives 13(3); Cboe VIX white paper); 0.90 is mid of the 0.88–0.92 range.
    /// </summary>
    public double AtmToVixRatio { get; init; } = 0.90;

    /// <summary>Tenor of the variance-swap calibration, calendar days (VIX's 30 days).</summary>
    public double CalibrationDays { get; init; } = 30.0;

    /// <summary>Trailing window, trading days, of the VIX mean that sets the long-run level θ of the pre-2011 term-structure extrapolation.</summary>
    public int TrailingVixDays { get; init; } = 252;

    /// <summary>The smile shape for a day's VIX level (points).</summary>
    public SmileShape ShapeFor(double vix)
    {
        double weight = Math.Clamp((vix - VixCalm) / (VixStressed - VixCalm), 0.0, 1.0);
        if (double.IsNaN(weight)) weight = 0.0;
        return new SmileShape(SlopeCalm + (SlopeStressed - SlopeCalm) * weight, Curvature, WingLimit);
    }
}
