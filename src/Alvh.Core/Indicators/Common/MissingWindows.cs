using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Alvh.Indicators;

/// <summary>
/// The windowed NaN policy for batch loops that compute every window independently (no running state
/// to resynchronise): after the loop, blank each output whose window holds a NaN.
/// </summary>
internal static class MissingWindows
{
    /// <summary>Sets <c>output[k .. k + period − 1]</c> to NaN for every NaN at <c>values[k]</c>.</summary>
    public static void Blank(ReadOnlySpan<double> values, int period, Span<double> output) => Blank(values, period, output, double.NaN);

    /// <summary>Sets <c>output[k .. k + period − 1]</c> to <paramref name="missing"/> for every NaN at <c>values[k]</c>.</summary>
    public static void Blank<T>(ReadOnlySpan<double> values, int period, Span<T> output, T missing)
    {
        ref double start = ref MemoryMarshal.GetReference(values);
        int i = 0;
        // Clean data is the common case: skip four values per compare until a NaN shows up.
        for (; i <= values.Length - Vector256<double>.Count; i += Vector256<double>.Count)
        {
            var chunk = Vector256.LoadUnsafe(ref start, (nuint)i);
            if (Vector256.EqualsAll(chunk, chunk)) continue;
            for (int k = i; k < i + Vector256<double>.Count; k++) BlankFrom(values, k, period, output, missing);
        }
        for (; i < values.Length; i++) BlankFrom(values, i, period, output, missing);
    }

    private static void BlankFrom<T>(ReadOnlySpan<double> values, int index, int period, Span<T> output, T missing)
    {
        if (!double.IsNaN(values[index])) return;
        output[index..Math.Min(index + period, output.Length)].Fill(missing);
    }
}
