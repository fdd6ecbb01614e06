using System.Runtime.InteropServices;
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

    /// <summary>
    /// <c>output[i] = Log(numerators[i] / denominators[i])</c>, squared when <paramref name="square"/>, in one
    /// pass (the same operations as <see cref="Log"/> of the quotient, so the streams match).
    /// </summary>
    public static void LogOfRatios(ReadOnlySpan<double> numerators, ReadOnlySpan<double> denominators, Span<double> output, bool square)
    {
        int length = output.Length;
        numerators = numerators[..length];
        denominators = denominators[..length];
        ref double n = ref MemoryMarshal.GetReference(numerators);
        ref double d = ref MemoryMarshal.GetReference(denominators);
        ref double o = ref MemoryMarshal.GetReference(output);
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= length - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                var log = Vector512.Log(Vector512.LoadUnsafe(ref n, (nuint)i) / Vector512.LoadUnsafe(ref d, (nuint)i));
                (square ? log * log : log).StoreUnsafe(ref o, (nuint)i);
            }
        }
        else
        {
            for (; i <= length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var log = Vector256.Log(Vector256.LoadUnsafe(ref n, (nuint)i) / Vector256.LoadUnsafe(ref d, (nuint)i));
                (square ? log * log : log).StoreUnsafe(ref o, (nuint)i);
            }
        }
        for (; i < length; i++)
        {
            double log = Log(numerators[i] / denominators[i]);
            output[i] = square ? log * log : log;
        }
    }
}
