namespace Alvh.Pricing;

/// <summary>
/// The undiscounted Black formula on a forward, shared by <see cref="BlackScholes"/>,
/// <see cref="Black76"/> and the solvers. Works in total standard deviation s = σ√T.
/// </summary>
internal static class BlackFormula
{
    /// <summary>+1 for a call, −1 for a put.</summary>
    public static double Sign(OptionRight right) => right == OptionRight.Put ? -1.0 : 1.0;

    /// <summary>
    /// Undiscounted price ω(F N(ωd₁) − K N(ωd₂)); for s = 0 the intrinsic value on the forward,
    /// max(ω(F − K), 0).
    /// </summary>
    public static double Undiscounted(double sign, double forward, double strike, double stdDev)
    {
        if (!(stdDev > 0.0) || strike <= 0.0)
        {
            return Math.Max(sign * (forward - strike), 0.0);
        }

        double d1 = Math.Log(forward / strike) / stdDev + 0.5 * stdDev;
        double d2 = d1 - stdDev;
        double value = sign * (forward * NormalDistribution.Cdf(sign * d1) - strike * NormalDistribution.Cdf(sign * d2));
        return Math.Max(value, 0.0);
    }

    /// <summary>d₁ = ln(F/K)/s + s/2.</summary>
    public static double D1(double forward, double strike, double stdDev)
        => Math.Log(forward / strike) / stdDev + 0.5 * stdDev;
}
