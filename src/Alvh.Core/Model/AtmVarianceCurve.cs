namespace Alvh.Model;

/// <summary>
/// The at-the-money total-variance term structure of one day: ATM total variance w(T) = σ²T at
/// the four pillar tenors of the Cboe indices (9, 30, 93 and 186 calendar days), interpolated
/// linearly in total variance between pillars and extrapolated with flat volatility outside.
/// </summary>
/// <remarks>
/// Linear interpolation in w keeps w non-decreasing in T whenever the pillars are, which is the
/// calendar no-arbitrage condition at fixed log-moneyness (Gatheral, "The Volatility Surface",
/// 2006, ch. 2). Flat-vol extrapolation (w = σ²T with the end pillar's σ) is also non-decreasing.
/// </remarks>
/// <param name="W9">Total variance at 9 days (σ² · 9/365).</param>
/// <param name="W30">Total variance at 30 days.</param>
/// <param name="W93">Total variance at 93 days.</param>
/// <param name="W186">Total variance at 186 days.</param>
public readonly record struct AtmVarianceCurve(double W9, double W30, double W93, double W186)
{
    /// <summary>Pillar tenors in calendar days: VIX9D, VIX, VIX3M, VIX6M.</summary>
    public static ReadOnlySpan<double> PillarDays => [9.0, 30.0, 93.0, 186.0];

    /// <summary>Calendar days per year used for every tenor in the model.</summary>
    public const double DaysPerYear = 365.0;

    private const double T9 = 9.0 / DaysPerYear, T30 = 30.0 / DaysPerYear, T93 = 93.0 / DaysPerYear, T186 = 186.0 / DaysPerYear;

    /// <summary>Builds the curve from pillar volatilities (annualised fractions), forcing w non-decreasing by taking running maxima.</summary>
    public static AtmVarianceCurve FromVols(double vol9, double vol30, double vol93, double vol186)
    {
        double w9 = vol9 * vol9 * T9;
        double w30 = Math.Max(vol30 * vol30 * T30, w9);
        double w93 = Math.Max(vol93 * vol93 * T93, w30);
        double w186 = Math.Max(vol186 * vol186 * T186, w93);
        return new AtmVarianceCurve(w9, w30, w93, w186);
    }

    /// <summary>ATM total variance at <paramref name="t"/> years (0 for t ≤ 0).</summary>
    public double TotalVariance(double t)
    {
        if (!(t > 0.0)) return 0.0;
        if (t <= T9) return W9 / T9 * t;
        if (t <= T30) return W9 + (W30 - W9) * (t - T9) / (T30 - T9);
        if (t <= T93) return W30 + (W93 - W30) * (t - T30) / (T93 - T30);
        if (t <= T186) return W93 + (W186 - W93) * (t - T93) / (T186 - T93);
        return W186 / T186 * t;
    }

    /// <summary>ATM volatility at <paramref name="t"/> years, annualised fraction (the 9-day vol for t ≤ 0).</summary>
    public double Vol(double t) => t > 0.0 ? Math.Sqrt(TotalVariance(t) / t) : Math.Sqrt(W9 / T9);
}
