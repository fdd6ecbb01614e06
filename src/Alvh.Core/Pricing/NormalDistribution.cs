namespace Alvh.Pricing;

/// <summary>
/// The standard normal distribution N(0, 1): density, cumulative distribution and its inverse,
/// accurate to about one part in 1e-15 (relative) over the whole double range.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Cdf"/> evaluates W. J. Cody's near-minimax rational Chebyshev approximations
/// ("Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969) 631–637;
/// ACM TOMS Algorithm 715 SPECFUN, routine ANORM), which are good to ~18 significant digits in
/// exact arithmetic; the lower tail keeps full <em>relative</em> accuracy down to the underflow
/// threshold because it never forms 1 − Φ(|x|). The same coefficients are used by R's
/// <c>pnorm</c>, so values agree with R to the last bit or two.
/// </para>
/// <para>
/// <see cref="InverseCdf"/> is M. J. Wichura's Algorithm AS 241 (PPND16, Applied Statistics 37
/// (1988) 477–484), accurate to about 1 part in 1e16; it is also R's <c>qnorm</c>.
/// </para>
/// </remarks>
public static class NormalDistribution
{
    /// <summary>1 / √(2π).</summary>
    internal const double InvSqrt2Pi = 0.398942280401432677939946059934;

    /// <summary>|x| at or below which the central approximation is used (Cody).</summary>
    internal const double CentralLimit = 0.66291;

    /// <summary>√32: |x| above which the asymptotic approximation is used (Cody).</summary>
    internal const double TailLimit = 5.65685424949238019520980;

    /// <summary>|x| beyond which Φ(−|x|) is below the smallest normal double and is returned as 0.</summary>
    internal const double UnderflowLimit = 37.5193;

    /// <summary>Standard normal density φ(x) = exp(−x²/2) / √(2π).</summary>
    /// <param name="x">Abscissa, in standard deviations.</param>
    /// <returns>The density at <paramref name="x"/>; 0 for |x| ≳ 38.6, NaN for NaN.</returns>
    public static double Pdf(double x)
    {
        double y = Math.Abs(x);
        return y < 40.0 ? InvSqrt2Pi * ExpMinusHalfSquare(y) : y >= 40.0 ? 0.0 : double.NaN;
    }

    /// <summary>Standard normal cumulative distribution Φ(x) = P[Z ≤ x].</summary>
    /// <param name="x">Abscissa, in standard deviations; ±∞ give 0 and 1.</param>
    /// <returns>Φ(x) in [0, 1], with ~1e-15 relative accuracy in the lower tail; NaN for NaN.</returns>
    public static double Cdf(double x)
    {
        // Cody's coefficients (SPECFUN ANORM, also R's pnorm_both), inlined as literals: no
        // tables, no allocation, and the same Horner order as the published code.
        double y = Math.Abs(x);
        if (y <= CentralLimit)
        {
            double xsq = x * x;
            double num = 0.065682337918207449113 * xsq;
            double den = xsq;
            num = (num + 2.2352520354606839287) * xsq; den = (den + 47.20258190468824187) * xsq;
            num = (num + 161.02823106855587881) * xsq; den = (den + 976.09855173777669322) * xsq;
            num = (num + 1067.6894854603709582) * xsq; den = (den + 10260.932208618978205) * xsq;
            return 0.5 + x * (num + 18154.981253343561249) / (den + 45507.789335026729956);
        }

        double lowerTail; // Φ(−|x|)
        if (y <= TailLimit)
        {
            double num = 1.0765576773720192317e-8 * y;
            double den = y;
            num = (num + 0.39894151208813466764) * y; den = (den + 22.266688044328115691) * y;
            num = (num + 8.8831497943883759412) * y; den = (den + 235.38790178262499861) * y;
            num = (num + 93.506656132177855979) * y; den = (den + 1519.377599407554805) * y;
            num = (num + 597.27027639480026226) * y; den = (den + 6485.558298266760755) * y;
            num = (num + 2494.5375852903726711) * y; den = (den + 18615.571640885098091) * y;
            num = (num + 6848.1904505362823326) * y; den = (den + 34900.952721145977266) * y;
            num = (num + 11602.651437647350124) * y; den = (den + 38912.003286093271411) * y;
            lowerTail = ExpMinusHalfSquare(y) * (num + 9842.7148383839780218) / (den + 19685.429676859990727);
        }
        else if (y <= UnderflowLimit)
        {
            double z = 1.0 / (y * y);
            double num = 0.02307344176494017303 * z;
            double den = z;
            num = (num + 0.21589853405795699) * z; den = (den + 1.28426009614491121) * z;
            num = (num + 0.1274011611602473639) * z; den = (den + 0.468238212480865118) * z;
            num = (num + 0.022235277870649807) * z; den = (den + 0.0659881378689285515) * z;
            num = (num + 0.001421619193227893466) * z; den = (den + 0.00378239633202758244) * z;
            double ratio = z * (num + 2.9112874951168792e-5) / (den + 7.29751555083966205e-5);
            lowerTail = ExpMinusHalfSquare(y) * (InvSqrt2Pi - ratio) / y;
        }
        else if (double.IsNaN(y))
        {
            return double.NaN;
        }
        else
        {
            lowerTail = 0.0;
        }

        return x > 0.0 ? 1.0 - lowerTail : lowerTail;
    }

    /// <summary>Inverse of <see cref="Cdf"/>: the x with Φ(x) = <paramref name="probability"/>.</summary>
    /// <param name="probability">Probability in [0, 1].</param>
    /// <returns>The quantile, in standard deviations; −∞ at 0, +∞ at 1, NaN outside [0, 1].</returns>
    public static double InverseCdf(double probability)
    {
        if (!(probability >= 0.0 && probability <= 1.0))
        {
            return double.NaN;
        }

        if (probability == 0.0)
        {
            return double.NegativeInfinity;
        }

        if (probability == 1.0)
        {
            return double.PositiveInfinity;
        }

        double q = probability - 0.5;
        if (Math.Abs(q) <= 0.425)
        {
            double r = 0.180625 - q * q;
            return q * (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r
                + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                + 133.14166789178437745) * r + 3.387132872796366608)
                / (((((((r * 5226.495278852854561 + 28729.085735721942674) * r + 39307.89580009271061) * r
                + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
                + 42.313330701600911252) * r + 1.0);
        }

        double tail = q < 0.0 ? probability : 1.0 - probability;
        double s = Math.Sqrt(-Math.Log(tail));
        double value;
        if (s <= 5.0)
        {
            s -= 1.6;
            value = (((((((s * 7.7454501427834140764e-4 + 0.0227238449892691845833) * s + 0.24178072517745061177) * s
                + 1.27045825245236838258) * s + 3.64784832476320460504) * s + 5.7694972214606914055) * s
                + 4.6303378461565452959) * s + 1.42343711074968357734)
                / (((((((s * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * s + 0.0151986665636164571966) * s
                + 0.14810397642748007459) * s + 0.68976733498510000455) * s + 1.6763848301838038494) * s
                + 2.05319162663775882187) * s + 1.0);
        }
        else
        {
            s -= 5.0;
            value = (((((((s * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * s + 0.0012426609473880784386) * s
                + 0.026532189526576123093) * s + 0.29656057182850489123) * s + 1.7848265399172913358) * s
                + 5.4637849111641143699) * s + 6.6579046435011037772)
                / (((((((s * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * s + 1.8463183175100546818e-5) * s
                + 7.868691311456132591e-4) * s + 0.0148753612908506148525) * s + 0.13692988092273580531) * s
                + 0.59983220655588793769) * s + 1.0);
        }

        return q < 0.0 ? -value : value;
    }

    /// <summary>
    /// exp(−y²/2) without the relative error y² × ε that forming y² first would cost: Cody splits
    /// y = h + δ with h = ⌊16y⌋/16, so that h² is exact and exp(−h²/2) × exp(−δ(y + h)/2) loses
    /// only a few ulps even at y ≈ 38.
    /// </summary>
    internal static double ExpMinusHalfSquare(double y)
    {
        double head = Math.Floor(y * 16.0) / 16.0;
        double del = (y - head) * (y + head);
        return Math.Exp(-0.5 * head * head) * Math.Exp(-0.5 * del);
    }
}
