using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Alvh.Pricing;

/// <content>
/// The same kernels on eight lanes (<see cref="Vector512{T}"/>, AVX-512), operation for operation, so
/// they carry the accuracy documented on <see cref="VectorMath"/> and give the four-lane results' bits.
/// </content>
internal static partial class VectorMath
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Fma(Vector512<double> a, Vector512<double> b, Vector512<double> c)
        => Vector512.FusedMultiplyAdd(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> W(double value) => Vector512.Create(value);

    /// <summary>e^x per lane.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector512<double> Exp(Vector512<double> x)
    {
        Vector512<double> clamped = Vector512.Min(Vector512.Max(x, W(-708.0)), W(709.0));
        Vector512<double> n = Vector512.Round(clamped * W(Log2E));
        Vector512<double> r = Fma(-n, W(Ln2Lo), Fma(-n, W(Ln2Hi), clamped));

        // 1 + r + r² T(r) by Estrin's scheme, as the four-lane ExpPolynomial.
        Vector512<double> r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
        Vector512<double> t01 = Fma(W(1.0 / 6.0), r, W(1.0 / 2.0));
        Vector512<double> t23 = Fma(W(1.0 / 120.0), r, W(1.0 / 24.0));
        Vector512<double> t45 = Fma(W(1.0 / 5040.0), r, W(1.0 / 720.0));
        Vector512<double> t67 = Fma(W(1.0 / 362880.0), r, W(1.0 / 40320.0));
        Vector512<double> t89 = Fma(W(1.0 / 39916800.0), r, W(1.0 / 3628800.0));
        Vector512<double> t1011 = Fma(W(1.0 / 6227020800.0), r, W(1.0 / 479001600.0));
        Vector512<double> t03 = Fma(t23, r2, t01), t47 = Fma(t67, r2, t45), t811 = Fma(t1011, r2, t89);
        Vector512<double> tail = Fma(t811, r8, Fma(t47, r4, t03));
        Vector512<double> p = Fma(r2, tail, r) + W(1.0);

        // 2^n: n + 1023 sits in the low mantissa bits of (n + 1023 + 2^52); shift it into the exponent.
        Vector512<double> scale = Vector512.ShiftLeft((n + W(1023.0 + TwoPow52)).AsUInt64(), 52).AsDouble();
        return Vector512.ConditionalSelect(Vector512.LessThan(x, W(-708.0)), Vector512<double>.Zero, p * scale);
    }

    /// <summary>Natural logarithm per lane, for positive normal finite x.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector512<double> Log(Vector512<double> x)
    {
        Vector512<ulong> bits = x.AsUInt64();
        Vector512<double> m = ((bits & Vector512.Create(0x000FFFFFFFFFFFFFUL)) | Vector512.Create(0x3FF0000000000000UL)).AsDouble();
        // Biased exponent as a double, exactly: (2^52 + e) − 2^52.
        Vector512<double> exponent = (Vector512.ShiftRightLogical(bits, 52) | Vector512.Create(0x4330000000000000UL)).AsDouble()
            - W(TwoPow52 + 1023.0);
        Vector512<double> high = Vector512.GreaterThan(m, W(Sqrt2));
        m = Vector512.ConditionalSelect(high, m * W(0.5), m);
        exponent += high & W(1.0);

        Vector512<double> s = (m - W(1.0)) / (m + W(1.0));
        Vector512<double> z = s * s;
        // 2 atanh(s) = 2s (1 + z p(z)), p by Estrin's scheme as the four-lane LogSeries.
        Vector512<double> z2 = z * z, z4 = z2 * z2, z8 = z4 * z4;
        Vector512<double> p01 = Fma(W(1.0 / 5.0), z, W(1.0 / 3.0));
        Vector512<double> p23 = Fma(W(1.0 / 9.0), z, W(1.0 / 7.0));
        Vector512<double> p45 = Fma(W(1.0 / 13.0), z, W(1.0 / 11.0));
        Vector512<double> p67 = Fma(W(1.0 / 17.0), z, W(1.0 / 15.0));
        Vector512<double> p89 = Fma(W(1.0 / 21.0), z, W(1.0 / 19.0));
        Vector512<double> p = Fma(p89, z8, Fma(Fma(p67, z2, p45), z4, Fma(p23, z2, p01)));
        Vector512<double> twoS = s + s;
        return Fma(exponent, W(Ln2Hi), Fma(exponent, W(Ln2Lo), Fma(twoS * z, p, twoS)));
    }

    /// <summary>exp(−y²/2) per lane, with y² = p + e split exactly by an FMA: exp(−p/2)(1 − e/2).</summary>
    public static Vector512<double> ExpMinusHalfSquare(Vector512<double> y)
    {
        Vector512<double> square = y * y;
        Vector512<double> squareError = Fma(y, y, -square);
        Vector512<double> gauss = Exp(square * W(-0.5));
        return Fma(gauss, squareError * W(-0.5), gauss);
    }

    /// <summary>Standard normal CDF Φ(x) per lane (Cody's approximations, as the scalar kernel).</summary>
    public static Vector512<double> NormalCdf(Vector512<double> x) => NormalCdf(x, ExpMinusHalfSquare(Vector512.Abs(x)));

    /// <summary>
    /// Standard normal CDF Φ(x) per lane given <paramref name="gauss"/> = exp(−x²/2), which callers
    /// pricing d₁ and d₂ share: exp(−d₂²/2) = exp(−d₁²/2) F/K.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector512<double> NormalCdf(Vector512<double> x, Vector512<double> gauss)
    {
        Vector512<double> y = Vector512.Abs(x);
        Vector512<double> central = Vector512.LessThanOrEqual(y, W(NormalDistribution.CentralLimit));

        // 0.66291 < |x| ≤ √32: Φ(−|x|) = exp(−x²/2) P(|x|)/Q(|x|), by Estrin's scheme as the four-lane TailRational.
        Vector512<double> y2 = y * y, y4 = y2 * y2, y8 = y4 * y4;
        Vector512<double> n03 = Fma(Fma(W(2494.5375852903726711), y, W(6848.1904505362823326)), y2, Fma(W(11602.651437647350124), y, W(9842.7148383839780218)));
        Vector512<double> n47 = Fma(Fma(W(0.39894151208813466764), y, W(8.8831497943883759412)), y2, Fma(W(93.506656132177855979), y, W(597.27027639480026226)));
        Vector512<double> d03 = Fma(Fma(W(18615.571640885098091), y, W(34900.952721145977266)), y2, Fma(W(38912.003286093271411), y, W(19685.429676859990727)));
        Vector512<double> d47 = Fma(Fma(W(22.266688044328115691), y, W(235.38790178262499861)), y2, Fma(W(1519.377599407554805), y, W(6485.558298266760755)));
        Vector512<double> num = Fma(W(1.0765576773720192317e-8), y8, Fma(n47, y4, n03));
        Vector512<double> den = y8 + Fma(d47, y4, d03);

        bool anyCentral = central != Vector512<double>.Zero;
        if (anyCentral)
        {
            // |x| ≤ 0.66291: Φ(x) = ½ + x A(x²)/B(x²). Blended into one division with the above.
            // A and B of degree 4 in u = x² by Estrin's scheme.
            Vector512<double> u = x * x, u2 = u * u;
            Vector512<double> cn = Fma(W(0.065682337918207449113), u2 * u2, Fma(Fma(W(2.2352520354606839287), u, W(161.02823106855587881)), u2, Fma(W(1067.6894854603709582), u, W(18154.981253343561249))));
            Vector512<double> cd = u2 * u2 + Fma(Fma(W(47.20258190468824187), u, W(976.09855173777669322)), u2, Fma(W(10260.932208618978205), u, W(45507.789335026729956)));
            num = Vector512.ConditionalSelect(central, cn, num);
            den = Vector512.ConditionalSelect(central, cd, den);
        }

        Vector512<double> ratio = num / den;
        Vector512<double> lowerTail = gauss * ratio;

        Vector512<double> farTail = Vector512.GreaterThan(y, W(NormalDistribution.TailLimit));
        if (farTail != Vector512<double>.Zero)
        {
            // |x| > √32: asymptotic rational in z = 1/x².
            Vector512<double> z = W(1.0) / (y * y);
            Vector512<double> tn = W(0.02307344176494017303) * z;
            Vector512<double> td = z;
            tn = (tn + W(0.21589853405795699)) * z; td = (td + W(1.28426009614491121)) * z;
            tn = (tn + W(0.1274011611602473639)) * z; td = (td + W(0.468238212480865118)) * z;
            tn = (tn + W(0.022235277870649807)) * z; td = (td + W(0.0659881378689285515)) * z;
            tn = (tn + W(0.001421619193227893466)) * z; td = (td + W(0.00378239633202758244)) * z;
            Vector512<double> tailRatio = z * (tn + W(2.9112874951168792e-5)) / (td + W(7.29751555083966205e-5));
            Vector512<double> tail = gauss * (W(NormalDistribution.InvSqrt2Pi) - tailRatio) / y;
            tail = Vector512.ConditionalSelect(Vector512.GreaterThan(y, W(NormalDistribution.UnderflowLimit)), Vector512<double>.Zero, tail);
            lowerTail = Vector512.ConditionalSelect(farTail, tail, lowerTail);
        }

        Vector512<double> result = Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<double>.Zero), W(1.0) - lowerTail, lowerTail);
        if (anyCentral)
        {
            result = Vector512.ConditionalSelect(central, W(0.5) + x * ratio, result);
        }

        return result;
    }
}
