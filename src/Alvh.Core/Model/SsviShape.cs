namespace Alvh.Model;

/// <summary>
/// The smile of a surface in the SSVI form of Gatheral and Jacquier ("Arbitrage-free SVI
/// volatility surfaces", Quantitative Finance 14(1), 2014): total implied variance at
/// log-moneyness k = ln(K/F) and ATM total variance θ
/// w(k, θ) = θ/2 · (1 + ρφk + √((φk + ρ)² + 1 − ρ²)), with the power-law
/// φ(θ) = η / (θ^γ (1 + θ)^{1−γ}).
/// </summary>
/// <remarks>
/// <para>
/// Why SSVI: it is free of static arbitrage by construction — no butterfly arbitrage when
/// η(1 + |ρ|) ≤ 2 with 0 &lt; γ ≤ ½ (their Remark 4.4 / Corollary 4.1), and no calendar arbitrage
/// when θ is non-decreasing in tenor (their Theorem 4.1) — so the no-arbitrage checks hold for
/// every day, not only the calibrated ones. (A quadratic smile in k/√T with clipped wings, the
/// obvious alternative, leaves butterfly arbitrage where the clip bends the smile.)
/// </para>
/// <para>
/// Reading the parameters: w(0, θ) = θ, so θ is the ATM total variance. The ATM slope of
/// implied vol per ATM standard deviation is ρφ√θ/2 ≈ ρη/2 for small θ (γ = ½), the same at
/// every tenor: the skew in k scales like 1/√T. The 30-day 25-delta risk reversal is then about
/// 1.35·ρη/2 ATM vols and wings are linear in k (Lee's moment bound is respected).
/// </para>
/// </remarks>
/// <param name="Rho">Correlation-like skew parameter, in (−1, 1); negative = put skew.</param>
/// <param name="Eta">Level of the curvature function φ (&gt; 0).</param>
/// <param name="Gamma">Power of the curvature function, in (0, ½].</param>
public readonly record struct SsviShape(double Rho, double Eta, double Gamma)
{
    /// <summary>Curvature φ(θ) = η / (θ^γ (1 + θ)^{1−γ}).</summary>
    public double Phi(double atmTotalVariance)
        => Gamma == 0.5
            ? Eta / Math.Sqrt(atmTotalVariance * (1.0 + atmTotalVariance))
            : Eta / (Math.Pow(atmTotalVariance, Gamma) * Math.Pow(1.0 + atmTotalVariance, 1.0 - Gamma));

    /// <summary>Total implied variance w(k, θ) (dimensionless: σ²T).</summary>
    /// <param name="logMoneyness">k = ln(K/F).</param>
    /// <param name="atmTotalVariance">θ = σ_ATM² T (&gt; 0; 0 gives 0).</param>
    public double TotalVariance(double logMoneyness, double atmTotalVariance)
    {
        if (!(atmTotalVariance > 0.0)) return 0.0;
        double phiK = Phi(atmTotalVariance) * logMoneyness;
        double shifted = phiK + Rho;
        return 0.5 * atmTotalVariance * (1.0 + Rho * phiK + Math.Sqrt(shifted * shifted + 1.0 - Rho * Rho));
    }

    /// <summary>True when the Gatheral–Jacquier sufficient conditions for no static arbitrage hold: |ρ| &lt; 1, η &gt; 0, 0 &lt; γ ≤ ½, η(1 + |ρ|) ≤ 2.</summary>
    public bool IsArbitrageFree => Math.Abs(Rho) < 1.0 && Eta > 0.0 && Gamma > 0.0 && Gamma <= 0.5 && Eta * (1.0 + Math.Abs(Rho)) <= 2.0 + 1e-12;
}
