namespace Alvh.Model;

/// <summary>
/// Every tunable of the SPX implied-volatility surface, with defaults and the reason for each
/// (printed by <see cref="SpxSurfaceModel.Assumptions"/>). Volatilities are annualised fractions;
/// VIX-family levels are in index points (VIX 20 = 20% variance-swap vol).
/// </summary>
/// <remarks>
/// Skew calibration: the smile is SSVI (<see cref="SsviShape"/>); its 30-day 25-delta risk
/// reversal is ≈ 1.35 · ρη/2 · σ_ATM and its 25-delta butterfly ≈ 0.06 · σ_ATM for the calm values. Public references for
/// SPX levels: Cboe's SKEW white paper and Bakshi, Kapadia and Madan (2003, Review of Financial
/// Studies 16(1), "Stock Return Characteristics, Skew Laws, and the Differential Pricing of
/// Individual Equity Options") document the persistent negative index skew; Foresi and Wu (2005,
/// Journal of Derivatives 12(4), "Crash-O-Phobia") report the index smile slope across
/// maturities; Mixon (2011, Journal of Derivatives 18(4), "What Does Implied Volatility Skew
/// Measure?") shows the scaled skew (σ25P − σ25C)/σ50 is largest when volatility is low. In calm
/// markets (VIX 11–14) the 30-day SPX 25-delta risk reversal is typically −5 to −8 vol points with
/// ATM vol 9–13% — a scaled skew of about 0.5–0.6; in stress (VIX 40+) the risk reversal widens in
/// vol points (≈ −10 at VIX 40, ≈ −18 at VIX 80 in this model) while the scaled skew falls to about
/// 0.25–0.3. The defaults reproduce both ends (on 2011–2026 calm days the model's 30-day RR25 is
/// −5.2 to −6.7 vol points, median −6.05; tested in SpxSurfaceModel.Tests).
/// </remarks>
public sealed record SurfaceParameters
{
    /// <summary>The default calibration.</summary>
    public static SurfaceParameters Default { get; } = new();

    /// <summary>SSVI ρ when VIX ≤ <see cref="VixCalm"/>: with η = 1.10, RR25 ≈ 1.35·ρη/2 ≈ −0.59·σ_ATM (≈ −5.9 vol points at ATM 10%).</summary>
    public double RhoCalm { get; init; } = -0.80;

    /// <summary>SSVI ρ when VIX ≥ <see cref="VixStressed"/>.</summary>
    public double RhoStressed { get; init; } = -0.55;

    /// <summary>SSVI η when VIX ≤ <see cref="VixCalm"/>; η(1 + |ρ|) = 1.98 ≤ 2 (no butterfly arbitrage).</summary>
    public double EtaCalm { get; init; } = 1.10;

    /// <summary>SSVI η when VIX ≥ <see cref="VixStressed"/>: RR25 ≈ −0.28·σ_ATM (≈ −10 to −15 vol points at ATM 35–55%), the lower scaled skew of stressed markets.</summary>
    public double EtaStressed { get; init; } = 0.75;

    /// <summary>VIX level (points) at and below which the calm ρ, η apply.</summary>
    public double VixCalm { get; init; } = 12.0;

    /// <summary>VIX level (points) at and above which the stressed ρ, η apply; linear in VIX in between.</summary>
    public double VixStressed { get; init; } = 40.0;

    /// <summary>SSVI power γ = ½: the ATM skew in k decays like 1/√T, the usual SPX shape at 1–12 months (Gatheral and Jacquier 2014, section 4).</summary>
    public double Gamma { get; init; } = 0.5;

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

    /// <summary>The SSVI shape for a day's VIX level (points).</summary>
    public SsviShape ShapeFor(double vix)
    {
        double weight = Math.Clamp((vix - VixCalm) / (VixStressed - VixCalm), 0.0, 1.0);
        if (double.IsNaN(weight)) weight = 0.0;
        return new SsviShape(RhoCalm + (RhoStressed - RhoCalm) * weight, EtaCalm + (EtaStressed - EtaCalm) * weight, Gamma);
    }
}
