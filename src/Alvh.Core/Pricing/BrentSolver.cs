namespace Alvh.Pricing;

/// <summary>
/// Brent's bracketed root finder (R. P. Brent, Algorithms for Minimization without Derivatives,
/// 1973, ch. 4): inverse quadratic interpolation / secant steps, falling back to bisection so the
/// bracket always shrinks.
/// </summary>
internal static class BrentSolver
{
    /// <summary>
    /// Finds x in [a, b] with f(x) = 0, given f(a) and f(b) of opposite signs (or one zero).
    /// Returns NaN when the inputs do not bracket a root or the iteration limit is hit.
    /// </summary>
    public static double Solve<TFunction>(in TFunction function, double a, double b, double fa, double fb, double absoluteTolerance, int maxIterations = 200)
        where TFunction : IScalarFunction
    {
        int evaluations = 0;
        return Solve(function, new NeverResolved(), a, b, fa, fb, absoluteTolerance, ref evaluations, maxIterations);
    }

    /// <summary>
    /// As <see cref="Solve{TFunction}(in TFunction, double, double, double, double, double, int)"/>, and returns the current
    /// best estimate as soon as <paramref name="stop"/> finds the bracket resolved: every bracket holds the root and the
    /// ones after it (each lies inside the one before), so a caller that only needs, say, which listed strike the root
    /// rounds to can stop once both ends round to the same one. Adds the function's evaluations to
    /// <paramref name="evaluations"/>.
    /// </summary>
    public static double Solve<TFunction, TStop>(in TFunction function, in TStop stop, double a, double b, double fa, double fb, double absoluteTolerance, ref int evaluations, int maxIterations = 200)
        where TFunction : IScalarFunction
        where TStop : IBracketStop
    {
        if (fa == 0.0)
        {
            return a;
        }

        if (fb == 0.0)
        {
            return b;
        }

        if (Math.Sign(fa) == Math.Sign(fb) || double.IsNaN(fa) || double.IsNaN(fb))
        {
            return double.NaN;
        }

        double c = a, fc = fa, d = b - a, e = d;
        for (int i = 0; i < maxIterations; i++)
        {
            if (Math.Sign(fb) == Math.Sign(fc))
            {
                c = a;
                fc = fa;
                d = b - a;
                e = d;
            }

            if (Math.Abs(fc) < Math.Abs(fb))
            {
                (a, b, c) = (b, c, b);
                (fa, fb, fc) = (fb, fc, fb);
            }

            double tolerance = 2.0 * 2.220446049250313e-16 * Math.Abs(b) + 0.5 * absoluteTolerance;
            double half = 0.5 * (c - b);
            if (Math.Abs(half) <= tolerance || fb == 0.0 || stop.Resolved(b, c))
            {
                return b;
            }

            if (Math.Abs(e) >= tolerance && Math.Abs(fa) > Math.Abs(fb))
            {
                double p, q;
                double s = fb / fa;
                if (a == c)
                {
                    p = 2.0 * half * s;
                    q = 1.0 - s;
                }
                else
                {
                    double qa = fa / fc, r = fb / fc;
                    p = s * (2.0 * half * qa * (qa - r) - (b - a) * (r - 1.0));
                    q = (qa - 1.0) * (r - 1.0) * (s - 1.0);
                }

                if (p > 0.0)
                {
                    q = -q;
                }

                p = Math.Abs(p);
                if (2.0 * p < Math.Min(3.0 * half * q - Math.Abs(tolerance * q), Math.Abs(e * q)))
                {
                    e = d;
                    d = p / q;
                }
                else
                {
                    d = half;
                    e = d;
                }
            }
            else
            {
                d = half;
                e = d;
            }

            a = b;
            fa = fb;
            b += Math.Abs(d) > tolerance ? d : Math.CopySign(tolerance, half);
            fb = function.Evaluate(b);
            evaluations++;
        }

        return double.NaN;
    }
}

/// <summary>When a bracketed root finder may stop early: the bracket is narrow enough for the caller's use.</summary>
internal interface IBracketStop
{
    /// <summary>True when every point between <paramref name="best"/> and <paramref name="other"/> (either order) serves as the root.</summary>
    bool Resolved(double best, double other);
}

/// <summary>No early stop: the solver runs to its tolerance.</summary>
internal readonly struct NeverResolved : IBracketStop
{
    public bool Resolved(double best, double other) => false;
}
