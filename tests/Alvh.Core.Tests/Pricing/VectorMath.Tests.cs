using System.Runtime.Intrinsics;
using Alvh.Pricing;

namespace Alvh.Core.Tests.Pricing;

/// <summary>
/// The batch kernels' vector exp, log and normal CDF (VectorMath) against the runtime's Math.Exp and Math.Log (glibc's,
/// correctly rounded on all but rare inputs) and the scalar Cody CDF, on seeded random inputs; the eight-lane versions
/// against the four-lane ones, bit for bit (Vector512 is emulated lane by lane where the hardware has no AVX-512, with
/// the same IEEE operations, so this machine checks the AVX-512 path's arithmetic too).
/// </summary>
public class VectorMathTests
{
    // Distance in units in the last place between two finite doubles of the same sign.
    private static long Ulps(double a, double b) => Math.Abs(BitConverter.DoubleToInt64Bits(a) - BitConverter.DoubleToInt64Bits(b));

    private static double[] Draw(int seed, int count, Func<Random, double> draw)
    {
        var random = new Random(seed);
        var values = new double[count];
        for (int i = 0; i < count; i++) values[i] = draw(random);
        return values;
    }

    // Applies a four-lane (eight-lane) function to every group of four (eight) of xs.
    private static double[] Four(double[] xs, Func<Vector256<double>, Vector256<double>> f)
    {
        var result = new double[xs.Length];
        for (int i = 0; i + 4 <= xs.Length; i += 4) f(Vector256.Create(xs.AsSpan(i, 4))).CopyTo(result.AsSpan(i, 4));
        return result;
    }

    private static double[] Eight(double[] xs, Func<Vector512<double>, Vector512<double>> f)
    {
        var result = new double[xs.Length];
        for (int i = 0; i + 8 <= xs.Length; i += 8) f(Vector512.Create(xs.AsSpan(i, 8))).CopyTo(result.AsSpan(i, 8));
        return result;
    }

    [Fact]
    public void Exp_is_within_two_ulps_of_math_exp_over_the_doubles_range()
    {
        // Uniform over [−708, 709] and, where the polynomial alone decides, over the reduced range [−0.35, 0.35].
        double[] wide = Draw(11, 40_000, r => -708 + 1417 * r.NextDouble());
        double[] narrow = Draw(12, 40_000, r => -0.35 + 0.7 * r.NextDouble());
        foreach (var xs in new[] { wide, narrow })
        {
            double[] exp = Four(xs, x => VectorMath.Exp(x));
            long worst = 0;
            for (int i = 0; i < xs.Length; i++) worst = Math.Max(worst, Ulps(exp[i], Math.Exp(xs[i])));
            worst.Should().BeLessThanOrEqualTo(2);
        }
    }

    [Fact]
    public void Exp_is_exactly_zero_below_minus_708_and_one_at_zero()
    {
        double[] exp = Four([-708.5, -745.2, -1e6, 0.0], x => VectorMath.Exp(x));
        exp.Should().Equal(0.0, 0.0, 0.0, 1.0);
    }

    [Fact]
    public void Log_is_within_two_ulps_of_math_log_for_positive_normal_doubles()
    {
        // Log-uniform over 1e-300 .. 1e300, and uniform near 1 where ln x is small and its relative error shows most.
        double[] wide = Draw(13, 40_000, r => Math.Pow(10, -300 + 600 * r.NextDouble()));
        double[] nearOne = Draw(14, 40_000, r => 0.5 + 1.5 * r.NextDouble());
        foreach (var xs in new[] { wide, nearOne })
        {
            double[] log = Four(xs, x => VectorMath.Log(x));
            long worst = 0;
            for (int i = 0; i < xs.Length; i++) worst = Math.Max(worst, Ulps(log[i], Math.Log(xs[i])));
            worst.Should().BeLessThanOrEqualTo(2);
        }
    }

    [Fact]
    public void Normal_cdf_agrees_with_the_scalar_cody_cdf_in_every_region()
    {
        // Central (|x| ≤ 0.66291), the tail rational (to √32), the asymptotic far tail and past underflow (−38.5).
        double[] xs = Draw(15, 40_000, r => -40 + 48 * r.NextDouble());
        double[] cdf = Four(xs, x => VectorMath.NormalCdf(x));
        double worst = 0;
        for (int i = 0; i < xs.Length; i++)
        {
            double expected = NormalDistribution.Cdf(xs[i]);
            if (expected == 0)
            {
                cdf[i].Should().Be(0, "x = {0}", xs[i]);
                continue;
            }
            worst = Math.Max(worst, Math.Abs(cdf[i] / expected - 1));
        }
        // The documented agreement: within 1e-15 relative, in the lower tail too.
        worst.Should().BeLessThan(1e-15);
    }

    [Fact]
    public void Eight_lanes_equal_four_lanes_bit_for_bit()
    {
        double[] expInputs = Draw(16, 4_096, r => -720 + 1430 * r.NextDouble());
        double[] logInputs = Draw(17, 4_096, r => Math.Pow(10, -300 + 600 * r.NextDouble()));
        double[] cdfInputs = Draw(18, 4_096, r => -40 + 48 * r.NextDouble());
        Eight(expInputs, x => VectorMath.Exp(x)).Should().Equal(Four(expInputs, x => VectorMath.Exp(x)));
        Eight(logInputs, x => VectorMath.Log(x)).Should().Equal(Four(logInputs, x => VectorMath.Log(x)));
        Eight(cdfInputs, x => VectorMath.NormalCdf(x)).Should().Equal(Four(cdfInputs, x => VectorMath.NormalCdf(x)));
        Eight(cdfInputs, x => VectorMath.ExpMinusHalfSquare(x)).Should().Equal(Four(cdfInputs, x => VectorMath.ExpMinusHalfSquare(x)));
    }

    [Fact]
    public void Two_vectors_at_a_time_equal_one_at_a_time_bit_for_bit()
    {
        double[] a = Draw(19, 8, r => -30 + 40 * r.NextDouble());
        var (x, y) = (Vector256.Create(a.AsSpan(0, 4)), Vector256.Create(a.AsSpan(4, 4)));
        var (expX, expY) = VectorMath.Exp(x, y);
        (expX, expY).Should().Be((VectorMath.Exp(x), VectorMath.Exp(y)));
        var (absX, absY) = (Vector256.Abs(x), Vector256.Abs(y));
        var (logX, logY) = VectorMath.Log(absX, absY);
        (logX, logY).Should().Be((VectorMath.Log(absX), VectorMath.Log(absY)));
        var (gaussX, gaussY) = VectorMath.ExpMinusHalfSquare(absX, absY);
        (gaussX, gaussY).Should().Be((VectorMath.ExpMinusHalfSquare(absX), VectorMath.ExpMinusHalfSquare(absY)));
        var (cdfX, cdfY) = VectorMath.NormalCdf(x, gaussX, y, gaussY);
        (cdfX, cdfY).Should().Be((VectorMath.NormalCdf(x, gaussX), VectorMath.NormalCdf(y, gaussY)));
    }
}
