using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Alvh.Pricing;

/// <summary>
/// Four-lane double-precision exp, log and standard normal CDF for the batch pricers, written as
/// plain polynomials on <see cref="Vector256{T}"/> (FMA where the hardware has it).
/// </summary>
/// <remarks>
/// Accuracy, measured against <see cref="Math.Exp"/>, <see cref="Math.Log(double)"/> and
/// <see cref="NormalDistribution.Cdf"/> by the tests:
/// <list type="bullet">
/// <item><see cref="Exp(Vector256{double})"/>: Cody–Waite reduction x = n ln2 + r, |r| ≤ ln2/2, then the degree-13
/// Taylor polynomial (truncation &lt; 5e-18); within 2 ulp (≈ 4.4e-16 relative) on [−708, 709];
/// exactly 0 below −708.</item>
/// <item><see cref="Log(Vector256{double})"/>: x = 2^e m with m in [√½, √2), ln m = 2 atanh((m−1)/(m+1)) by its
/// odd series to s²¹ (truncation &lt; 5e-18); within 2 ulp for positive normal x.</item>
/// <item><see cref="NormalCdf(Vector256{double}, Vector256{double})"/>: Cody's three rational approximations (the scalar kernel's
/// coefficients), blended per lane, with exp(−y²/2) corrected for the rounding of y² by one
/// FMA; within ~8e-16 relative in the lower tail, i.e. well inside 1e-14.</item>
/// </list>
/// Out-of-domain inputs (NaN, negative log arguments) are not handled: callers filter them.
/// </remarks>
internal static partial class VectorMath
{
    private const double Log2E = 1.4426950408889634074;
    private const double Ln2Hi = 6.93147180369123816490e-01; // fdlibm split: n × Ln2Hi is exact for |n| < 2^20
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double Sqrt2 = 1.41421356237309504880;
    private const double TwoPow52 = 4503599627370496.0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Fma(Vector256<double> a, Vector256<double> b, Vector256<double> c)
        => Vector256.FusedMultiplyAdd(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> C(double value) => Vector256.Create(value);

    /// <summary>e^x per lane of two vectors (see <see cref="BlackScholes"/>' eight-option loop).</summary>
    public static (Vector256<double> A, Vector256<double> B) Exp(Vector256<double> a, Vector256<double> b)
    {
        // Exp's steps, each on both: the two Horner chains interleaved (written out: they are the point).
        var (nA, rA) = ExpReduce(a);
        var (nB, rB) = ExpReduce(b);
        Vector256<double> pA = C(1.0 / 6227020800.0), pB = pA;
        pA = Fma(pA, rA, C(1.0 / 479001600.0)); pB = Fma(pB, rB, C(1.0 / 479001600.0));
        pA = Fma(pA, rA, C(1.0 / 39916800.0)); pB = Fma(pB, rB, C(1.0 / 39916800.0));
        pA = Fma(pA, rA, C(1.0 / 3628800.0)); pB = Fma(pB, rB, C(1.0 / 3628800.0));
        pA = Fma(pA, rA, C(1.0 / 362880.0)); pB = Fma(pB, rB, C(1.0 / 362880.0));
        pA = Fma(pA, rA, C(1.0 / 40320.0)); pB = Fma(pB, rB, C(1.0 / 40320.0));
        pA = Fma(pA, rA, C(1.0 / 5040.0)); pB = Fma(pB, rB, C(1.0 / 5040.0));
        pA = Fma(pA, rA, C(1.0 / 720.0)); pB = Fma(pB, rB, C(1.0 / 720.0));
        pA = Fma(pA, rA, C(1.0 / 120.0)); pB = Fma(pB, rB, C(1.0 / 120.0));
        pA = Fma(pA, rA, C(1.0 / 24.0)); pB = Fma(pB, rB, C(1.0 / 24.0));
        pA = Fma(pA, rA, C(1.0 / 6.0)); pB = Fma(pB, rB, C(1.0 / 6.0));
        pA = Fma(pA, rA, C(0.5)); pB = Fma(pB, rB, C(0.5));
        pA = Fma(pA, rA, C(1.0)); pB = Fma(pB, rB, C(1.0));
        pA = Fma(pA, rA, C(1.0)); pB = Fma(pB, rB, C(1.0));
        return (ExpScale(a, nA, pA), ExpScale(b, nB, pB));
    }

    // x = n ln 2 + r, |r| ≤ ln 2 / 2 (x clamped to the doubles' range): Exp's reduction.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double> N, Vector256<double> R) ExpReduce(Vector256<double> x)
    {
        Vector256<double> clamped = Vector256.Min(Vector256.Max(x, C(-708.0)), C(709.0));
        Vector256<double> n = Vector256.Round(clamped * C(Log2E));
        return (n, Fma(-n, C(Ln2Lo), Fma(-n, C(Ln2Hi), clamped)));
    }

    // e^r 2^n from the polynomial p = e^r: 2^n as n + 1023 in the low mantissa bits of (n + 1023 + 2^52) shifted into the
    // exponent; 0 below e^-708.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> ExpScale(Vector256<double> x, Vector256<double> n, Vector256<double> p)
    {
        Vector256<double> scale = Vector256.ShiftLeft((n + C(1023.0 + TwoPow52)).AsUInt64(), 52).AsDouble();
        return Vector256.ConditionalSelect(Vector256.LessThan(x, C(-708.0)), Vector256<double>.Zero, p * scale);
    }

    /// <summary>Natural logarithm per lane of two vectors.</summary>
    public static (Vector256<double> A, Vector256<double> B) Log(Vector256<double> a, Vector256<double> b)
    {
        // Log's steps, each on both.
        var (mA, eA) = LogReduce(a);
        var (mB, eB) = LogReduce(b);
        Vector256<double> sA = (mA - C(1.0)) / (mA + C(1.0)), sB = (mB - C(1.0)) / (mB + C(1.0));
        Vector256<double> zA = sA * sA, zB = sB * sB;
        Vector256<double> pA = C(1.0 / 21.0), pB = pA;
        pA = Fma(pA, zA, C(1.0 / 19.0)); pB = Fma(pB, zB, C(1.0 / 19.0));
        pA = Fma(pA, zA, C(1.0 / 17.0)); pB = Fma(pB, zB, C(1.0 / 17.0));
        pA = Fma(pA, zA, C(1.0 / 15.0)); pB = Fma(pB, zB, C(1.0 / 15.0));
        pA = Fma(pA, zA, C(1.0 / 13.0)); pB = Fma(pB, zB, C(1.0 / 13.0));
        pA = Fma(pA, zA, C(1.0 / 11.0)); pB = Fma(pB, zB, C(1.0 / 11.0));
        pA = Fma(pA, zA, C(1.0 / 9.0)); pB = Fma(pB, zB, C(1.0 / 9.0));
        pA = Fma(pA, zA, C(1.0 / 7.0)); pB = Fma(pB, zB, C(1.0 / 7.0));
        pA = Fma(pA, zA, C(1.0 / 5.0)); pB = Fma(pB, zB, C(1.0 / 5.0));
        pA = Fma(pA, zA, C(1.0 / 3.0)); pB = Fma(pB, zB, C(1.0 / 3.0));
        return (LogFinish(eA, sA, zA, pA), LogFinish(eB, sB, zB, pB));
    }

    // e ln 2 + 2s (1 + z p) with z = s²: Log's result from its series p.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> LogFinish(Vector256<double> exponent, Vector256<double> s, Vector256<double> z, Vector256<double> p)
    {
        Vector256<double> twoS = s + s;
        return Fma(exponent, C(Ln2Hi), Fma(exponent, C(Ln2Lo), Fma(twoS * z, p, twoS)));
    }

    // x = m 2^e with m in [√2/2, √2]: Log's reduction.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double> M, Vector256<double> E) LogReduce(Vector256<double> x)
    {
        Vector256<ulong> bits = x.AsUInt64();
        Vector256<double> m = ((bits & Vector256.Create(0x000FFFFFFFFFFFFFUL)) | Vector256.Create(0x3FF0000000000000UL)).AsDouble();
        // Biased exponent as a double, exactly: (2^52 + e) − 2^52.
        Vector256<double> exponent = (Vector256.ShiftRightLogical(bits, 52) | Vector256.Create(0x4330000000000000UL)).AsDouble() - C(TwoPow52 + 1023.0);
        Vector256<double> high = Vector256.GreaterThan(m, C(Sqrt2));
        return (Vector256.ConditionalSelect(high, m * C(0.5), m), exponent + (high & C(1.0)));
    }

    /// <summary>exp(−y²/2) per lane of two vectors.</summary>
    public static (Vector256<double> A, Vector256<double> B) ExpMinusHalfSquare(Vector256<double> a, Vector256<double> b)
    {
        Vector256<double> squareA = a * a, squareB = b * b;
        var (gaussA, gaussB) = Exp(squareA * C(-0.5), squareB * C(-0.5));
        return (Fma(gaussA, Fma(a, a, -squareA) * C(-0.5), gaussA), Fma(gaussB, Fma(b, b, -squareB) * C(-0.5), gaussB));
    }

    /// <summary>Φ per lane of two vectors, given their exp(−x²/2).</summary>
    public static (Vector256<double> A, Vector256<double> B) NormalCdf(Vector256<double> a, Vector256<double> gaussA, Vector256<double> b, Vector256<double> gaussB)
    {
        // The tail rational of both interleaved (the long chain); the rare central and far-tail lanes as NormalCdf does.
        Vector256<double> yA = Vector256.Abs(a), yB = Vector256.Abs(b);
        Vector256<double> numA = C(1.0765576773720192317e-8) * yA, numB = C(1.0765576773720192317e-8) * yB;
        Vector256<double> denA = yA, denB = yB;
        numA = (numA + C(0.39894151208813466764)) * yA; denA = (denA + C(22.266688044328115691)) * yA;
        numB = (numB + C(0.39894151208813466764)) * yB; denB = (denB + C(22.266688044328115691)) * yB;
        numA = (numA + C(8.8831497943883759412)) * yA; denA = (denA + C(235.38790178262499861)) * yA;
        numB = (numB + C(8.8831497943883759412)) * yB; denB = (denB + C(235.38790178262499861)) * yB;
        numA = (numA + C(93.506656132177855979)) * yA; denA = (denA + C(1519.377599407554805)) * yA;
        numB = (numB + C(93.506656132177855979)) * yB; denB = (denB + C(1519.377599407554805)) * yB;
        numA = (numA + C(597.27027639480026226)) * yA; denA = (denA + C(6485.558298266760755)) * yA;
        numB = (numB + C(597.27027639480026226)) * yB; denB = (denB + C(6485.558298266760755)) * yB;
        numA = (numA + C(2494.5375852903726711)) * yA; denA = (denA + C(18615.571640885098091)) * yA;
        numB = (numB + C(2494.5375852903726711)) * yB; denB = (denB + C(18615.571640885098091)) * yB;
        numA = (numA + C(6848.1904505362823326)) * yA; denA = (denA + C(34900.952721145977266)) * yA;
        numB = (numB + C(6848.1904505362823326)) * yB; denB = (denB + C(34900.952721145977266)) * yB;
        numA = (numA + C(11602.651437647350124)) * yA; denA = (denA + C(38912.003286093271411)) * yA;
        numB = (numB + C(11602.651437647350124)) * yB; denB = (denB + C(38912.003286093271411)) * yB;
        return (FinishCdf(a, yA, gaussA, numA + C(9842.7148383839780218), denA + C(19685.429676859990727)),
                FinishCdf(b, yB, gaussB, numB + C(9842.7148383839780218), denB + C(19685.429676859990727)));
    }

    /// <summary>e^x per lane.</summary>
    public static Vector256<double> Exp(Vector256<double> x)
    {
        var (n, r) = ExpReduce(x);

        // Taylor coefficients 1/k!, k = 13 .. 0.
        Vector256<double> p = C(1.0 / 6227020800.0);
        p = Fma(p, r, C(1.0 / 479001600.0));
        p = Fma(p, r, C(1.0 / 39916800.0));
        p = Fma(p, r, C(1.0 / 3628800.0));
        p = Fma(p, r, C(1.0 / 362880.0));
        p = Fma(p, r, C(1.0 / 40320.0));
        p = Fma(p, r, C(1.0 / 5040.0));
        p = Fma(p, r, C(1.0 / 720.0));
        p = Fma(p, r, C(1.0 / 120.0));
        p = Fma(p, r, C(1.0 / 24.0));
        p = Fma(p, r, C(1.0 / 6.0));
        p = Fma(p, r, C(0.5));
        p = Fma(p, r, C(1.0));
        p = Fma(p, r, C(1.0));
        return ExpScale(x, n, p);
    }

    /// <summary>Natural logarithm per lane, for positive normal finite x.</summary>
    public static Vector256<double> Log(Vector256<double> x)
    {
        var (m, exponent) = LogReduce(x);
        Vector256<double> s = (m - C(1.0)) / (m + C(1.0));
        Vector256<double> z = s * s;
        // 2 atanh(s) = 2s (1 + z/3 + z²/5 + … + z^10/21).
        Vector256<double> p = C(1.0 / 21.0);
        p = Fma(p, z, C(1.0 / 19.0));
        p = Fma(p, z, C(1.0 / 17.0));
        p = Fma(p, z, C(1.0 / 15.0));
        p = Fma(p, z, C(1.0 / 13.0));
        p = Fma(p, z, C(1.0 / 11.0));
        p = Fma(p, z, C(1.0 / 9.0));
        p = Fma(p, z, C(1.0 / 7.0));
        p = Fma(p, z, C(1.0 / 5.0));
        p = Fma(p, z, C(1.0 / 3.0));
        return LogFinish(exponent, s, z, p);
    }

    /// <summary>exp(−y²/2) per lane, with y² = p + e split exactly by an FMA: exp(−p/2)(1 − e/2).</summary>
    public static Vector256<double> ExpMinusHalfSquare(Vector256<double> y)
    {
        Vector256<double> square = y * y;
        Vector256<double> squareError = Fma(y, y, -square);
        Vector256<double> gauss = Exp(square * C(-0.5));
        return Fma(gauss, squareError * C(-0.5), gauss);
    }

    /// <summary>Standard normal CDF Φ(x) per lane (Cody's approximations, as the scalar kernel).</summary>
    public static Vector256<double> NormalCdf(Vector256<double> x) => NormalCdf(x, ExpMinusHalfSquare(Vector256.Abs(x)));

    /// <summary>
    /// Standard normal CDF Φ(x) per lane given <paramref name="gauss"/> = exp(−x²/2), which callers
    /// pricing d₁ and d₂ share: exp(−d₂²/2) = exp(−d₁²/2) F/K.
    /// </summary>
    public static Vector256<double> NormalCdf(Vector256<double> x, Vector256<double> gauss)
    {
        Vector256<double> y = Vector256.Abs(x);

        // 0.66291 < |x| ≤ √32: Φ(−|x|) = exp(−x²/2) P(|x|)/Q(|x|).
        Vector256<double> num = C(1.0765576773720192317e-8) * y;
        Vector256<double> den = y;
        num = (num + C(0.39894151208813466764)) * y; den = (den + C(22.266688044328115691)) * y;
        num = (num + C(8.8831497943883759412)) * y; den = (den + C(235.38790178262499861)) * y;
        num = (num + C(93.506656132177855979)) * y; den = (den + C(1519.377599407554805)) * y;
        num = (num + C(597.27027639480026226)) * y; den = (den + C(6485.558298266760755)) * y;
        num = (num + C(2494.5375852903726711)) * y; den = (den + C(18615.571640885098091)) * y;
        num = (num + C(6848.1904505362823326)) * y; den = (den + C(34900.952721145977266)) * y;
        num = (num + C(11602.651437647350124)) * y; den = (den + C(38912.003286093271411)) * y;
        return FinishCdf(x, y, gauss, num + C(9842.7148383839780218), den + C(19685.429676859990727));
    }

    /// <summary>Φ(x) from the tail rational's numerator and denominator at y = |x|: the central and far-tail lanes replaced.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> FinishCdf(Vector256<double> x, Vector256<double> y, Vector256<double> gauss, Vector256<double> num, Vector256<double> den)
    {
        Vector256<double> central = Vector256.LessThanOrEqual(y, C(NormalDistribution.CentralLimit));
        bool anyCentral = central != Vector256<double>.Zero;
        if (anyCentral)
        {
            // |x| ≤ 0.66291: Φ(x) = ½ + x A(x²)/B(x²). Blended into one division with the above.
            Vector256<double> xsq = x * x;
            Vector256<double> cn = C(0.065682337918207449113) * xsq;
            Vector256<double> cd = xsq;
            cn = (cn + C(2.2352520354606839287)) * xsq; cd = (cd + C(47.20258190468824187)) * xsq;
            cn = (cn + C(161.02823106855587881)) * xsq; cd = (cd + C(976.09855173777669322)) * xsq;
            cn = (cn + C(1067.6894854603709582)) * xsq; cd = (cd + C(10260.932208618978205)) * xsq;
            num = Vector256.ConditionalSelect(central, cn + C(18154.981253343561249), num);
            den = Vector256.ConditionalSelect(central, cd + C(45507.789335026729956), den);
        }

        Vector256<double> ratio = num / den;
        Vector256<double> lowerTail = gauss * ratio;

        Vector256<double> farTail = Vector256.GreaterThan(y, C(NormalDistribution.TailLimit));
        if (farTail != Vector256<double>.Zero)
        {
            // |x| > √32: asymptotic rational in z = 1/x².
            Vector256<double> z = C(1.0) / (y * y);
            Vector256<double> tn = C(0.02307344176494017303) * z;
            Vector256<double> td = z;
            tn = (tn + C(0.21589853405795699)) * z; td = (td + C(1.28426009614491121)) * z;
            tn = (tn + C(0.1274011611602473639)) * z; td = (td + C(0.468238212480865118)) * z;
            tn = (tn + C(0.022235277870649807)) * z; td = (td + C(0.0659881378689285515)) * z;
            tn = (tn + C(0.001421619193227893466)) * z; td = (td + C(0.00378239633202758244)) * z;
            Vector256<double> tailRatio = z * (tn + C(2.9112874951168792e-5)) / (td + C(7.29751555083966205e-5));
            Vector256<double> tail = gauss * (C(NormalDistribution.InvSqrt2Pi) - tailRatio) / y;
            tail = Vector256.ConditionalSelect(Vector256.GreaterThan(y, C(NormalDistribution.UnderflowLimit)), Vector256<double>.Zero, tail);
            lowerTail = Vector256.ConditionalSelect(farTail, tail, lowerTail);
        }

        Vector256<double> result = Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<double>.Zero), C(1.0) - lowerTail, lowerTail);
        if (anyCentral)
        {
            result = Vector256.ConditionalSelect(central, C(0.5) + x * ratio, result);
        }

        return result;
    }
}
