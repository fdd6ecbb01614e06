namespace Alvh.Model;

/// <summary>
/// Calibration of the VIX option volatility: ATM vol(τ) = AtmToVvixRatio · VVIX ·
/// (max(τ, MinTenorDays)/30)^(−TermDecayBeta), times an upward-sloping SSVI smile
/// (<see cref="SsviShape"/>). VVIX in index points (100 = 100% vol of VIX).
/// </summary>
public sealed record VixOptionParameters
{
    /// <summary>The default calibration.</summary>
    public static VixOptionParameters Default { get; } = new();

    /// <summary>
    /// Power-law decay of VIX option ATM vol with tenor. Futures on a mean-reverting VIX get less
    /// volatile the further out they expire (an Ornstein–Uhlenbeck log-VIX with κ ≈ 5/yr gives a
    /// 120-day/30-day vol ratio ≈ 0.65, i.e. β ≈ 0.3); rough-volatility estimates of H ≈ 0.1
    /// (Gatheral, Jaisson and Rosenbaum, "Volatility is Rough", Quantitative Finance 18(6), 2018)
    /// imply a vol-of-vol term structure ∝ τ^{H−1/2}, β ≈ 0.4; Bergomi ("Stochastic Volatility
    /// Modeling", 2016, ch. 7) reports VIX implied vols decaying roughly as a power of maturity.
    /// </summary>
    public double TermDecayBeta { get; init; } = 0.4;

    /// <summary>Shortest tenor, calendar days, at which the power law is evaluated (it diverges as τ → 0).</summary>
    public double MinTenorDays { get; init; } = 7.0;

    /// <summary>
    /// SSVI ρ of the VIX smile, positive: VIX calls are bid (VIX jumps up in sell-offs). With
    /// <see cref="SmileEta"/> it gives a 30-day 25-delta risk reversal ≈ +1.35·ρη/2 ≈ +0.2·σ_ATM
    /// (≈ +16 vol points at ATM 80%), in line with the upward VIX smile documented by Park
    /// ("Effects of Asymmetric Volatility and Jumps on the Pricing of VIX Derivatives", Journal of
    /// Econometrics 192(1), 2016).
    /// </summary>
    public double SmileRho { get; init; } = 0.6;

    /// <summary>SSVI η of the VIX smile; η(1 + |ρ|) = 0.8 ≤ 2 (no butterfly arbitrage).</summary>
    public double SmileEta { get; init; } = 0.5;

    /// <summary>
    /// σ_ATM(30 d) / VVIX. Null (default): derived once so that the 30-day smile's variance-swap
    /// value (log-contract replication, as in the VVIX methodology) equals VVIX² at VVIX 90.
    /// </summary>
    public double? AtmToVvixRatio { get; init; }

    /// <summary>First date on which VVIX is trusted (PROVENANCE: rows before about 2006-09 are sparse and partly bogus).</summary>
    public DateOnly VvixUsableFrom { get; init; } = new(2007, 1, 1);

    /// <summary>The SSVI smile shape (γ = ½).</summary>
    public SsviShape Shape => new(SmileRho, SmileEta, 0.5);

    /// <summary>ATM vol (annualised fraction) for a VVIX level (points), the 30-day ATM/VVIX ratio and a tenor in calendar days.</summary>
    public double AtmVol(double vvix, double atmToVvixRatio, double days) => ScaleAtm(vvix, atmToVvixRatio, TermFactor(days));

    /// <summary>The ATM vol's term factor (max(τ, <see cref="MinTenorDays"/>)/30)^(−<see cref="TermDecayBeta"/>) for a tenor in calendar days.</summary>
    public double TermFactor(double days) => Math.Pow(Math.Max(days, MinTenorDays) / 30.0, -TermDecayBeta);

    /// <summary><see cref="AtmVol"/> from its term factor (<see cref="TermFactor"/>): the same operations in the same order.</summary>
    internal static double ScaleAtm(double vvix, double atmToVvixRatio, double termFactor) => atmToVvixRatio * vvix / 100.0 * termFactor;
}
