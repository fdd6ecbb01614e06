using System.Runtime.Intrinsics;

namespace Alvh.Indicators;

/// <summary>
/// The natural logarithm used by the volatility indicators: <see cref="Vector256.Log(Vector256{double})"/>,
/// four lanes at a time in batch loops and one lane in the streams, so both give the same bits. Why not
/// <see cref="Math.Log(double)"/>: a scalar logarithm per bar cost more than everything else in those
/// indicators; the vector kernel is accurate to about one ulp.
/// </summary>
internal static class LogKernel
{
    public static double Log(double x) => Vector256.Log(Vector256.Create(x)).ToScalar();

    /// <summary>Replaces each value of <paramref name="values"/> by its logarithm.</summary>
    public static void LogInPlace(Span<double> values)
    {
        int i = 0;
        for (; i + Vector256<double>.Count <= values.Length; i += Vector256<double>.Count)
        {
            var slice = values.Slice(i, Vector256<double>.Count);
            Vector256.Log(Vector256.Create((ReadOnlySpan<double>)slice)).CopyTo(slice);
        }
        for (; i < values.Length; i++) values[i] = Log(values[i]);
    }
}
