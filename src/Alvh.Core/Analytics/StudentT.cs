namespace Alvh.Analytics;

/// <summary>
/// Student's t distribution with an integer number of degrees of freedom ν, for confidence intervals over a sample
/// of n values (ν = n − 1). The upper tail Q(t) = P(T &gt; t) comes from the closed forms of Abramowitz &amp; Stegun
/// 26.7.3 (ν odd) and 26.7.4 (ν even) where it is large (t² &lt; ν), and from the tails of the same series where it
/// is small, so it keeps its relative accuracy far into the tails; the quantile is found by bisection on it.
/// </summary>
/// <remarks>
/// With θ = arctan(t/√ν), A(t|ν) = P(|T| ≤ t) is θ + sinθ Σ_{j&lt;(ν−1)/2} d_j cos^{2j+1}θ (times 2/π; ν odd,
/// d_j = 2·4···2j / 3·5···(2j+1)) or sinθ Σ_{j&lt;ν/2} c_j cos^{2j}θ (ν even, c_j = 1·3···(2j−1) / 2·4···2j).
/// The full series sum to π/2 − θ (arcsin x/√(1 − x²) = Σ d_j x^{2j+1} at x = cosθ) and to 1 (Σ c_j x^{2j} =
/// (1 − x²)^{−1/2}), so 1 − A is the part of the series A leaves out: no cancellation when A is close to 1.
/// Checked against the NIST/SEMATECH table and against arbitrary-precision values (mpmath) in the tests.
/// </remarks>
public static class StudentT
{
    /// <summary>P(T ≤ <paramref name="t"/>) for T with <paramref name="degreesOfFreedom"/> degrees of freedom, accurate relative to itself in both tails.</summary>
    /// <param name="t">The point.</param>
    /// <param name="degreesOfFreedom">ν ≥ 1.</param>
    /// <returns>The probability; NaN for NaN.</returns>
    public static double Cdf(double t, int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        if (double.IsNaN(t)) return double.NaN;
        return t >= 0 ? 1 - UpperTail(t, degreesOfFreedom) : UpperTail(-t, degreesOfFreedom);
    }

    /// <summary>The <paramref name="p"/>-quantile: the t with P(T ≤ t) = p.</summary>
    /// <param name="p">Probability, strictly between 0 and 1 (below ½ the result keeps its relative accuracy down to the smallest doubles; above ½ it is as accurate as 1 − p is).</param>
    /// <param name="degreesOfFreedom">ν ≥ 1.</param>
    /// <returns>The quantile.</returns>
    public static double Quantile(double p, int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        if (!(p > 0 && p < 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "The probability must lie strictly between 0 and 1.");
        if (p == 0.5) return 0;
        // Symmetric: the t ≥ 0 with Q(t) equal to the smaller tail, given p's side.
        double tail = p < 0.5 ? p : 1 - p;
        double lo = 0, hi = 1;
        while (UpperTail(hi, degreesOfFreedom) > tail)
        {
            lo = hi;
            hi *= 2;
            if (double.IsInfinity(hi)) return p > 0.5 ? double.MaxValue : -double.MaxValue;
        }
        // Q falls as t rises: bisect until the bracket is two adjacent doubles.
        while (true)
        {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) break;
            if (UpperTail(mid, degreesOfFreedom) > tail) lo = mid;
            else hi = mid;
        }
        double q = 0.5 * (lo + hi);
        return p > 0.5 ? q : -q;
    }

    /// <summary>Q(t) = P(T &gt; t) for t ≥ 0.</summary>
    private static double UpperTail(double t, int nu)
    {
        if (double.IsPositiveInfinity(t)) return 0;
        if (t == 0) return 0.5;
        double root = Math.Sqrt(nu + t * t);
        // cos²θ = ν/(ν + t²) and sinθ = t/√(ν + t²), without forming 1 − sin² or cos² of an angle.
        double s = t / root, c2 = nu / (root * root);
        if (nu == 1) return Math.Atan2(1, t) / Math.PI; // (π/2 − θ)/π
        return t * t < nu ? 0.5 - 0.5 * Central(s, c2, t, nu) : TailSeries(s, c2, nu);
    }

    /// <summary>A(t|ν) by the finite sums (fine where 1 − A is not small: t² &lt; ν).</summary>
    private static double Central(double s, double c2, double t, int nu)
    {
        if (nu % 2 == 1)
        {
            // (2/π)(θ + sinθ [cosθ + (2/3)cos³θ + … + (2·4···(ν−3))/(3·5···(ν−2)) cos^(ν−2)θ])
            double c = Math.Sqrt(c2), term = c, sum = c;
            for (int j = 1; 2 * j + 1 <= nu - 2; j++)
            {
                term *= c2 * (2.0 * j) / (2.0 * j + 1);
                sum += term;
            }
            return 2 / Math.PI * (Math.Atan(t / Math.Sqrt(nu)) + s * sum);
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

    /// <summary>1 − A(t|ν), halved, as the terms of the full series that A leaves out (where cos²θ ≤ ½, so they fall at least geometrically by ½).</summary>
    private static double TailSeries(double s, double c2, int nu)
    {
        bool odd = nu % 2 == 1;
        // First left-out index j0 and the log of its term: coefficient × cos^(power)θ.
        int j0 = odd ? (nu - 1) / 2 : nu / 2;
        double logC2 = Math.Log(c2);
        double logTerm = odd ? 0.5 * logC2 : 0; // d_0 cosθ, or c_0 = 1
        for (int j = 1; j <= j0; j++) logTerm += logC2 + Math.Log(odd ? 2.0 * j / (2.0 * j + 1) : (2.0 * j - 1) / (2.0 * j));
        double term = Math.Exp(logTerm), sum = 0;
        for (int j = j0 + 1; term > 1e-17 * sum || sum == 0; j++)
        {
            sum += term;
            if (term == 0) break;
            term *= c2 * (odd ? 2.0 * j / (2.0 * j + 1) : (2.0 * j - 1) / (2.0 * j));
        }
        // Odd: (2/π) sinθ Σ, halved; even: sinθ Σ, halved.
        return odd ? s * sum / Math.PI : 0.5 * s * sum;
    }
}
