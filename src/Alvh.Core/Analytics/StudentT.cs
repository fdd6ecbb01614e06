namespace Alvh.Analytics;

/// <summary>
/// Student's t distribution with an integer number of degrees of freedom: the distribution function by the
/// closed forms of Abramowitz &amp; Stegun 26.7.3 (ν odd) and 26.7.4 (ν even), and its quantile by bisection on
/// them. Exact up to rounding for every integer ν (no series truncation, no normal approximation), which is
/// what a confidence interval over a sample of n values needs (ν = n − 1).
/// </summary>
public static class StudentT
{
    /// <summary>P(T ≤ <paramref name="t"/>) for T with <paramref name="degreesOfFreedom"/> degrees of freedom.</summary>
    /// <param name="t">The point.</param>
    /// <param name="degreesOfFreedom">ν ≥ 1.</param>
    /// <returns>The probability; NaN for NaN.</returns>
    public static double Cdf(double t, int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        if (double.IsNaN(t)) return double.NaN;
        if (double.IsPositiveInfinity(t)) return 1;
        if (double.IsNegativeInfinity(t)) return 0;
        double a = TwoSided(Math.Abs(t), degreesOfFreedom);
        return t >= 0 ? 0.5 + 0.5 * a : 0.5 - 0.5 * a;
    }

    /// <summary>The <paramref name="p"/>-quantile: the t with P(T ≤ t) = p.</summary>
    /// <param name="p">Probability, strictly between 0 and 1.</param>
    /// <param name="degreesOfFreedom">ν ≥ 1.</param>
    /// <returns>The quantile.</returns>
    public static double Quantile(double p, int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        if (!(p > 0 && p < 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "The probability must lie strictly between 0 and 1.");
        if (p == 0.5) return 0;
        // Symmetric: solve A(t) = |2p − 1| for t ≥ 0, then give it p's sign.
        double target = Math.Abs(2 * p - 1);
        double lo = 0, hi = 1;
        while (TwoSided(hi, degreesOfFreedom) < target)
        {
            lo = hi;
            hi *= 2;
            if (double.IsInfinity(hi)) return p > 0.5 ? double.PositiveInfinity : double.NegativeInfinity;
        }
        // A(t) increases in t: bisect to the last representable step.
        for (int i = 0; i < 200 && hi - lo > 4 * double.Epsilon * hi; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) break;
            if (TwoSided(mid, degreesOfFreedom) < target) lo = mid;
            else hi = mid;
        }
        double q = 0.5 * (lo + hi);
        return p > 0.5 ? q : -q;
    }

    /// <summary>A(t | ν) = P(|T| ≤ t), t ≥ 0 (Abramowitz &amp; Stegun 26.7.3 and 26.7.4, θ = arctan(t/√ν)).</summary>
    private static double TwoSided(double t, int nu)
    {
        double theta = Math.Atan(t / Math.Sqrt(nu));
        double s = Math.Sin(theta), c = Math.Cos(theta), c2 = c * c;
        if (nu % 2 == 1)
        {
            if (nu == 1) return 2 * theta / Math.PI;
            // θ + sinθ [cosθ + (2/3)cos³θ + (2·4)/(3·5)cos⁵θ + … + (2·4···(ν−3))/(3·5···(ν−2)) cos^(ν−2)θ]
            double term = c, sum = c;
            for (int j = 1; 2 * j + 1 <= nu - 2; j++)
            {
                term *= c2 * (2.0 * j) / (2.0 * j + 1);
                sum += term;
            }
            return 2 / Math.PI * (theta + s * sum);
        }
        else
        {
            // sinθ [1 + (1/2)cos²θ + (1·3)/(2·4)cos⁴θ + … + (1·3···(ν−3))/(2·4···(ν−2)) cos^(ν−2)θ]
            double term = 1, sum = 1;
            for (int j = 1; 2 * j <= nu - 2; j++)
            {
                term *= c2 * (2.0 * j - 1) / (2.0 * j);
                sum += term;
            }
            return s * sum;
        }
    }
}
