using System.Globalization;
using Alvh.Pricing;

namespace Alvh.Model;

/// <summary>
/// Static no-arbitrage checks of an <see cref="SpxSurface"/> on a strike grid: for each tenor,
/// undiscounted call prices are non-increasing in strike with slope ≥ −1 (call spreads cost
/// between 0 and their width) and convex (butterflies cost ≥ 0); and at fixed log-moneyness the
/// total implied variance is non-decreasing in tenor (no calendar arbitrage; Gatheral,
/// "The Volatility Surface", 2006, ch. 2; Roper, "Arbitrage Free Implied Volatility Surfaces", 2010).
/// </summary>
public static class SurfaceChecks
{
    /// <summary>Default tenors checked, calendar days.</summary>
    public static IReadOnlyList<double> DefaultTenorDays { get; } = [1, 3, 7, 9, 14, 21, 30, 45, 60, 93, 120, 186, 270, 365, 730];

    /// <summary>
    /// Runs the checks on a grid of <paramref name="strikesPerTenor"/> strikes per tenor, uniform in
    /// strike between F·e^{−8σ√T} and F·e^{+5σ√T} (σ the ATM vol) for the price checks, and on a
    /// fixed log-moneyness grid (−1.5 … +0.5) for the calendar check. Tolerance: 1e-9 × forward.
    /// </summary>
    /// <param name="surface">The surface (must be valid).</param>
    /// <param name="tenorDays">Tenors, calendar days, increasing; <see cref="DefaultTenorDays"/> when null.</param>
    /// <param name="strikesPerTenor">Grid size per tenor (≥ 3).</param>
    public static SurfaceCheckResult Check(in SpxSurface surface, IReadOnlyList<double>? tenorDays = null, int strikesPerTenor = 201)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(strikesPerTenor, 3);
        var tenors = tenorDays ?? DefaultTenorDays;
        int checks = 0, violations = 0;
        string? first = null;
        void Fail(string what) { violations++; first ??= what; }
        var prices = new double[strikesPerTenor];
        foreach (double days in tenors)
        {
            double t = days / AtmVarianceCurve.DaysPerYear;
            var smile = surface.Smile(t);
            double forward = smile.Forward, atmStdDev = Math.Sqrt(smile.AtmTotalVariance);
            double lo = forward * Math.Exp(-8.0 * atmStdDev), hi = forward * Math.Exp(5.0 * atmStdDev);
            double h = (hi - lo) / (strikesPerTenor - 1);
            double tol = 1e-9 * forward;
            for (int i = 0; i < strikesPerTenor; i++)
            {
                double strike = lo + i * h;
                prices[i] = BlackFormula.Undiscounted(1.0, forward, strike, Math.Sqrt(smile.Shape.TotalVariance(Math.Log(strike / forward), smile.AtmTotalVariance)));
            }
            for (int i = 1; i < strikesPerTenor; i++)
            {
                checks += 2;
                double slope = (prices[i] - prices[i - 1]) / h;
                if (prices[i] > prices[i - 1] + tol) Fail(Describe(surface, days, lo + i * h, "call price increases in strike"));
                if (slope < -1.0 - tol / h) Fail(Describe(surface, days, lo + i * h, "call spread worth more than its width"));
                if (i + 1 < strikesPerTenor)
                {
                    checks++;
                    if (prices[i - 1] - 2.0 * prices[i] + prices[i + 1] < -tol) Fail(Describe(surface, days, lo + i * h, "negative butterfly (call price not convex)"));
                }
            }
        }
        for (int j = 0; j <= 80; j++)
        {
            double k = -1.5 + j * 0.025;
            double previous = 0.0;
            foreach (double days in tenors)
            {
                double w = surface.TotalVariance(k, days / AtmVarianceCurve.DaysPerYear);
                checks++;
                if (w < previous - 1e-12) Fail(Describe(surface, days, surface.Forward(days / AtmVarianceCurve.DaysPerYear) * Math.Exp(k), "total variance decreases with tenor"));
                previous = w;
            }
        }
        return new SurfaceCheckResult(checks, violations, first);
    }

    private static string Describe(in SpxSurface s, double days, double strike, string what)
        => string.Format(CultureInfo.InvariantCulture, "{0:yyyy-MM-dd} {1} days strike {2:0.00}: {3}", s.Date, days, strike, what);
}
