using Alvh.Pricing;

namespace Alvh.Model;

/// <summary>
/// Variance-swap value of a smile by the log-contract replication behind the VIX:
/// σ²_VS T = 2 ∫ OTM(K)/K² dK (forward prices of out-of-the-money puts below F and calls above;
/// Cboe, "VIX White Paper", 2019, eq. 1 without the discrete-strike and truncation terms;
/// Demeterfi, Derman, Kamal and Zou, "More Than You Ever Wanted to Know About Volatility Swaps",
/// Goldman Sachs 1999). Used to set the ATM level so that the smile prices the VIX.
/// </summary>
public static class VarianceSwap
{
    private const double ZLow = -15.0, ZHigh = 10.0;
    private const int Intervals = 500; // even, for Simpson

    /// <summary>
    /// Annualised variance-swap variance σ²_VS of an SSVI smile with ATM total variance
    /// <paramref name="atmTotalVariance"/> at tenor <paramref name="t"/> years. The integral runs
    /// over k in [−15, 10] ATM standard deviations by Simpson's rule with 500 intervals.
    /// </summary>
    /// <param name="atmTotalVariance">θ = σ_ATM² T.</param>
    /// <param name="shape">Smile shape.</param>
    /// <param name="t">Tenor, years.</param>
    /// <returns>σ²_VS, annualised variance (fraction²).</returns>
    public static double Variance(double atmTotalVariance, SsviShape shape, double t)
    {
        double atmStdDev = Math.Sqrt(atmTotalVariance);
        double h = (ZHigh - ZLow) / Intervals * atmStdDev;
        double sum = 0.0;
        for (int i = 0; i <= Intervals; i++)
        {
            double k = (ZLow * atmStdDev) + i * h;
            double stdDev = Math.Sqrt(shape.TotalVariance(k, atmTotalVariance));
            // Forward normalised to 1: strike e^k, OTM option, dK/K² = e^{−k} dk.
            double sign = k < 0.0 ? -1.0 : 1.0;
            double otm = BlackFormula.Undiscounted(sign, 1.0, Math.Exp(k), stdDev);
            double weight = i == 0 || i == Intervals ? 1.0 : (i % 2 == 1 ? 4.0 : 2.0);
            sum += weight * otm * Math.Exp(-k);
        }
        return 2.0 * sum * h / 3.0 / t;
    }

    /// <summary>
    /// The ATM volatility whose smile has variance-swap volatility <paramref name="varianceSwapVol"/>
    /// at tenor <paramref name="t"/> (fixed-point iteration σ ← σ·σ_VS/√VS(σ), which converges in a
    /// few steps because VS is close to proportional to σ²).
    /// </summary>
    /// <param name="varianceSwapVol">Target variance-swap volatility (e.g. VIX/100), annualised fraction.</param>
    /// <param name="shape">Smile shape.</param>
    /// <param name="t">Tenor, years.</param>
    /// <returns>ATM volatility, annualised fraction.</returns>
    public static double AtmVolFor(double varianceSwapVol, SsviShape shape, double t)
    {
        double atm = 0.85 * varianceSwapVol;
        for (int i = 0; i < 3; i++)
        {
            atm *= varianceSwapVol / Math.Sqrt(Variance(atm * atm * t, shape, t));
        }
        return atm;
    }
}
