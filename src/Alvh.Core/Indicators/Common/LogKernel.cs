using System.Runtime.Intrinsics;

namespace Alvh.Indicators;

/// <summary>
/// The natural logarithm used by the volatility indicators: the .NET vector logarithm, eight lanes at a
/// time (<see cref="Vector512.Log(Vector512{double})"/>) where AVX-512 is accelerated and four
/// (<see cref="Vector256.Log(Vector256{double})"/>) elsewhere, in batch loops, and one lane of the same
/// width in the streams, so both give the same bits. Why not <see cref="Math.Log(double)"/>: a scalar
/// logarithm per bar cost more than everything else in those indicators; the vector kernel is accurate
/// to about one ulp.
/// </summary>
internal static class LogKernel
{
    public static double Log(double x) => Vector512.IsHardwareAccelerated
        ? Vector512.Log(Vector512.Create(x)).ToScalar()
        : Vector256.Log(Vector256.Create(x)).ToScalar();

    /// <summary>Replaces each value of <paramref name="values"/> by its logarithm.</summary>
    public static void LogInPlace(Span<double> values)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + Vector512<double>.Count <= values.Length; i += Vector512<double>.Count)
            {
                var slice = values.Slice(i, Vector512<double>.Count);
                Vector512.Log(Vector512.Create((ReadOnlySpan<double>)slice)).CopyTo(slice);
            }
        }
        else
        {
            for (; i + Vector256<double>.Count <= values.Length; i += Vector256<double>.Count)
            {
                var slice = values.Slice(i, Vector256<double>.Count);
                Vector256.Log(Vector256.Create((ReadOnlySpan<double>)slice)).CopyTo(slice);
            }
        }
        for (; i < values.Length; i++) values[i] = Log(values[i]);
    }
}
