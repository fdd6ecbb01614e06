using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Alvh.Pricing;

/// <summary>
/// Four-lane double-precision exp, log and standard normal CDF for the batch pricers, written as
/// plain polynomials on <see cref="Vector256{T}"/> (FMA where the hardware has it).
/// </summary>
/// <remarks>
/// Accuracy, measured against <see cref="Math.Exp"/>, <see cref="Math.Log(double)"/> and
/// <see cref="NormalDistribution.Cdf"/> by the tests (VectorMathTests, 40,000 seeded inputs per region):
/// <list type="bullet">
/// <item><see cref="Exp(Vector256{double})"/>: Cody–Waite reduction x = n ln2 + r, |r| ≤ ln2/2, then the degree-13
/// Taylor polynomial (truncation &lt; 5e-18); within 2 ulp (≈ 4.4e-16 relative) on [−708, 709];
/// exactly 0 below −708.</item>
/// <item><see cref="Log(Vector256{double})"/>: x = 2^e m with m in [√½, √2), ln m = 2 atanh((m−1)/(m+1)) by its
/// odd series to s²¹ (truncation &lt; 5e-18); within 2 ulp for positive normal x.</item>
/// <item><see cref="NormalCdf(Vector256{double}, Vector256{double})"/>: Cody's three rational approximations (the scalar kernel's
/// coefficients), blended per lane, with exp(−y²/2) corrected for the rounding of y² by one
/// FMA; within 1e-15 relative, in the lower tail too.</item>
/// </list>
/// The polynomials are evaluated by Estrin's scheme (pairs of coefficients and the powers x², x⁴, x⁸ computed side by
/// side), not Horner's rule: the kernel was bound by the latency of Horner's chains of 8 to 14 dependent FMAs, not by
/// its arithmetic, and Estrin's needs four dependent steps for the same degree (the BS batch kernel 33.6 and 34.9 → 42.3 and
/// 41.2 M options/s in `alvh bench` runs alternating the two builds on the AVX2 reference VM). The functions called from the pricers' loops are not inlined
/// into them: inlined whole, they exhausted the JIT's inlining budget for the loop, which then called Fma and the
/// constants' Create as functions and spilled every vector to the stack (18 M options/s).
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
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static (Vector256<double> A, Vector256<double> B) Exp(Vector256<double> a, Vector256<double> b)
    {
        var (nA, rA) = ExpReduce(a);
        var (nB, rB) = ExpReduce(b);
        return (ExpScale(a, nA, ExpPolynomial(rA)), ExpScale(b, nB, ExpPolynomial(rB)));
    }

    // x = n ln 2 + r, |r| ≤ ln 2 / 2 (x clamped to the doubles' range): Exp's reduction.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double> N, Vector256<double> R) ExpReduce(Vector256<double> x)
    {
        Vector256<double> clamped = Vector256.Min(Vector256.Max(x, C(-708.0)), C(709.0));
        Vector256<double> n = Vector256.Round(clamped * C(Log2E));
        return (n, Fma(-n, C(Ln2Lo), Fma(-n, C(Ln2Hi), clamped)));
    }

    // e^r for |r| ≤ ln 2 / 2: 1 + r + r² T(r), with T(r) = Σ r^(k−2)/k! for k = 2..13 (the degree-13 Taylor polynomial)
    // evaluated by Estrin's scheme: pairs of coefficients and the powers r², r⁴, r⁸ in parallel, four dependent steps where
    // Horner's rule chains twelve (each waits out an FMA's latency; the kernel was bound by those chains, not by its
    // arithmetic). The 1 is added last, so the result carries one rounding of a sum near 1.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> ExpPolynomial(Vector256<double> r)
    {
        Vector256<double> r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
        Vector256<double> t01 = Fma(C(1.0 / 6.0), r, C(1.0 / 2.0));
        Vector256<double> t23 = Fma(C(1.0 / 120.0), r, C(1.0 / 24.0));
        Vector256<double> t45 = Fma(C(1.0 / 5040.0), r, C(1.0 / 720.0));
        Vector256<double> t67 = Fma(C(1.0 / 362880.0), r, C(1.0 / 40320.0));
        Vector256<double> t89 = Fma(C(1.0 / 39916800.0), r, C(1.0 / 3628800.0));
        Vector256<double> t1011 = Fma(C(1.0 / 6227020800.0), r, C(1.0 / 479001600.0));
        Vector256<double> t03 = Fma(t23, r2, t01), t47 = Fma(t67, r2, t45), t811 = Fma(t1011, r2, t89);
        Vector256<double> tail = Fma(t811, r8, Fma(t47, r4, t03));
        return Fma(r2, tail, r) + C(1.0);
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
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static (Vector256<double> A, Vector256<double> B) Log(Vector256<double> a, Vector256<double> b)
    {
        var (mA, eA) = LogReduce(a);
        var (mB, eB) = LogReduce(b);
        Vector256<double> sA = (mA - C(1.0)) / (mA + C(1.0)), sB = (mB - C(1.0)) / (mB + C(1.0));
        Vector256<double> zA = sA * sA, zB = sB * sB;
        return (LogFinish(eA, sA, zA, LogSeries(zA)), LogFinish(eB, sB, zB, LogSeries(zB)));
    }

    // e ln 2 + 2s (1 + z p) with z = s²: Log's result from its series p.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> LogFinish(Vector256<double> exponent, Vector256<double> s, Vector256<double> z, Vector256<double> p)
    {
        Vector256<double> twoS = s + s;
        return Fma(exponent, C(Ln2Hi), Fma(exponent, C(Ln2Lo), Fma(twoS * z, p, twoS)));
    }

    // p(z) = Σ z^j/(2j + 3), j = 0..9 (2 atanh(s) = 2s (1 + z p(z)), z = s²) by Estrin's scheme, as ExpPolynomial.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> LogSeries(Vector256<double> z)
    {
        Vector256<double> z2 = z * z, z4 = z2 * z2, z8 = z4 * z4;
        Vector256<double> p01 = Fma(C(1.0 / 5.0), z, C(1.0 / 3.0));
        Vector256<double> p23 = Fma(C(1.0 / 9.0), z, C(1.0 / 7.0));
        Vector256<double> p45 = Fma(C(1.0 / 13.0), z, C(1.0 / 11.0));
        Vector256<double> p67 = Fma(C(1.0 / 17.0), z, C(1.0 / 15.0));
        Vector256<double> p89 = Fma(C(1.0 / 21.0), z, C(1.0 / 19.0));
        Vector256<double> p07 = Fma(Fma(p67, z2, p45), z4, Fma(p23, z2, p01));
        return Fma(p89, z8, p07);
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
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static (Vector256<double> A, Vector256<double> B) NormalCdf(Vector256<double> a, Vector256<double> gaussA, Vector256<double> b, Vector256<double> gaussB)
    {
        Vector256<double> yA = Vector256.Abs(a), yB = Vector256.Abs(b);
        var (numA, denA) = TailRational(yA);
        var (numB, denB) = TailRational(yB);
        return (FinishCdf(a, yA, gaussA, numA, denA), FinishCdf(b, yB, gaussB, numB, denB));
    }

    /// <summary>e^x per lane.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector256<double> Exp(Vector256<double> x)
    {
        var (n, r) = ExpReduce(x);
        return ExpScale(x, n, ExpPolynomial(r));
    }

    /// <summary>Natural logarithm per lane, for positive normal finite x.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector256<double> Log(Vector256<double> x)
    {
        var (m, exponent) = LogReduce(x);
        Vector256<double> s = (m - C(1.0)) / (m + C(1.0));
        Vector256<double> z = s * s;
        return LogFinish(exponent, s, z, LogSeries(z));
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
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector256<double> NormalCdf(Vector256<double> x, Vector256<double> gauss)
    {
        Vector256<double> y = Vector256.Abs(x);

        var (num, den) = TailRational(y);
        return FinishCdf(x, y, gauss, num, den);
    }

    // 0.66291 < |x| ≤ √32: Φ(−|x|) = exp(−x²/2) P(|x|)/Q(|x|), with P and Q of degree 8 at y = |x| by Estrin's scheme (as
    // ExpPolynomial; Cody's coefficients, constant term first).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double> Num, Vector256<double> Den) TailRational(Vector256<double> y)
    {
        Vector256<double> y2 = y * y, y4 = y2 * y2, y8 = y4 * y4;
        Vector256<double> n03 = Fma(Fma(C(2494.5375852903726711), y, C(6848.1904505362823326)), y2, Fma(C(11602.651437647350124), y, C(9842.7148383839780218)));
        Vector256<double> n47 = Fma(Fma(C(0.39894151208813466764), y, C(8.8831497943883759412)), y2, Fma(C(93.506656132177855979), y, C(597.27027639480026226)));
        Vector256<double> d03 = Fma(Fma(C(18615.571640885098091), y, C(34900.952721145977266)), y2, Fma(C(38912.003286093271411), y, C(19685.429676859990727)));
        Vector256<double> d47 = Fma(Fma(C(22.266688044328115691), y, C(235.38790178262499861)), y2, Fma(C(1519.377599407554805), y, C(6485.558298266760755)));
        Vector256<double> num = Fma(C(1.0765576773720192317e-8), y8, Fma(n47, y4, n03));
        Vector256<double> den = y8 + Fma(d47, y4, d03);
        return (num, den);
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
            // A and B of degree 4 in u = x² by Estrin's scheme.
            Vector256<double> u = x * x, u2 = u * u;
            Vector256<double> cn = Fma(C(0.065682337918207449113), u2 * u2, Fma(Fma(C(2.2352520354606839287), u, C(161.02823106855587881)), u2, Fma(C(1067.6894854603709582), u, C(18154.981253343561249))));
            Vector256<double> cd = u2 * u2 + Fma(Fma(C(47.20258190468824187), u, C(976.09855173777669322)), u2, Fma(C(10260.932208618978205), u, C(45507.789335026729956)));
            num = Vector256.ConditionalSelect(central, cn, num);
            den = Vector256.ConditionalSelect(central, cd, den);
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
