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
            if (Math.Abs(half) <= tolerance || fb == 0.0)
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
        }

        return double.NaN;
    }
}
