using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Alvh.Indicators;

/// <summary>
/// The windowed NaN policy in batch loops: loops that compute every window independently (no running
/// state to resynchronise) blank each output whose window holds a NaN afterwards (<see cref="Blank"/>);
/// running loops go clean run by clean run (<see cref="NextMissing"/>).
/// </summary>
internal static class MissingWindows
{
    /// <summary>
    /// The first index ≥ <paramref name="from"/> where <paramref name="x"/> or <paramref name="y"/> is NaN
    /// (the length when none is; pass one series twice for a single input). Four pairs per compare.
    /// </summary>
    public static int NextMissing(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int from)
    {
        y = y[..x.Length];
        ref double xStart = ref MemoryMarshal.GetReference(x);
        ref double yStart = ref MemoryMarshal.GetReference(y);
        int i = from;
        for (; i <= x.Length - Vector256<double>.Count; i += Vector256<double>.Count)
        {
            var xs = Vector256.LoadUnsafe(ref xStart, (nuint)i);
            var ys = Vector256.LoadUnsafe(ref yStart, (nuint)i);
            if (!Vector256.EqualsAll(xs, xs) || !Vector256.EqualsAll(ys, ys)) break;
        }
        for (; i < x.Length; i++)
        {
            if (double.IsNaN(x[i]) || double.IsNaN(y[i])) return i;
        }
        return i;
    }

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
