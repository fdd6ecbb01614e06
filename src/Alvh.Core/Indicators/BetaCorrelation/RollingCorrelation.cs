using System.Runtime.Intrinsics;

namespace Alvh.Indicators;

/// <summary>
/// Rolling Pearson correlation of two return series over the last <c>period</c> pairs, in [−1, 1]
/// (clamped against rounding). First value at index <c>period − 1</c>; NaN when either variance is 0.
/// Windowed NaN policy: a pair with either side NaN is missing.
/// </summary>
public static class RollingCorrelation
{
    /// <summary>Writes the rolling correlation into <paramref name="output"/>; all spans share one length.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 2.</exception>
    public static void Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int period, Span<double> output)
    {
        Guard.Period(period, 2, nameof(period));
        Guard.SameLength(x.Length, y.Length, nameof(y));
        Guard.SameLength(x.Length, output.Length, nameof(output));
        var sink = new VectorLoops.FormulaSink<Formula>(output, default);
        WindowCoMoments.Run(x, y, period, ref sink);
    }

    /// <summary>The rolling correlation, one output per pair.</summary>
    public static double[] Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int period)
    {
        var output = new double[x.Length];
        Compute(x, y, period, output);
        return output;
    }

    /// <summary>(C, M2x, M2y) → C/√(M2x·M2y) clamped to [−1, 1]; NaN when either variance is 0.</summary>
    internal readonly struct Formula : VectorLoops.ILaneFormula
    {
        public Vector256<double> Of(Vector256<double> coMoment, Vector256<double> m2x, Vector256<double> m2y)
        {
            var denominator = Vector256.Sqrt(WindowMoments.NonNegative(m2x) * WindowMoments.NonNegative(m2y));
            // Clamp as Math.Clamp: below −1 → −1, above 1 → 1, NaN stays NaN.
            var ratio = coMoment / denominator;
            ratio = Vector256.ConditionalSelect(Vector256.LessThan(ratio, Vector256.Create(-1.0)), Vector256.Create(-1.0), ratio);
            ratio = Vector256.ConditionalSelect(Vector256.GreaterThan(ratio, Vector256<double>.One), Vector256<double>.One, ratio);
            return Vector256.ConditionalSelect(Vector256.Equals(denominator, Vector256<double>.Zero), Vector256.Create(double.NaN), ratio);
        }
    }
}
