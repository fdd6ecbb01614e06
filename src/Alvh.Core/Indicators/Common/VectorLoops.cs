using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Alvh.Indicators;

/// <summary>
/// Element-wise passes over whole series, four lanes at a time, for the work of a bar that does not
/// depend on the previous bar (a division, a square root). Why: a scalar division or square root per bar
/// occupies the divider for 4–6 cycles and bounded the windowed indicators; the vector forms retire
/// four per issue. IEEE division, multiplication and square root are correctly rounded in every lane,
/// so each result has the bits of the scalar expression (a NaN passes through with its bits).
/// </summary>
internal static class VectorLoops
{
    /// <summary><c>values[i] = values[i] / divisor</c>.</summary>
    public static void DivideInPlace(Span<double> values, double divisor)
    {
        ref double v = ref MemoryMarshal.GetReference(values);
        var d = Vector256.Create(divisor);
        int i = 0;
        for (; i <= values.Length - Vector256<double>.Count; i += Vector256<double>.Count)
        {
            (Vector256.LoadUnsafe(ref v, (nuint)i) / d).StoreUnsafe(ref v, (nuint)i);
        }
        for (; i < values.Length; i++) values[i] /= divisor;
    }

    /// <summary><c>values[i] = √(scale · values[i]) · factor</c>, as <c>Math.Sqrt(scale * x) * factor</c>.</summary>
    public static void ScaledSqrtInPlace(Span<double> values, double scale, double factor)
    {
        ref double v = ref MemoryMarshal.GetReference(values);
        var s = Vector256.Create(scale);
        var f = Vector256.Create(factor);
        int i = 0;
        for (; i <= values.Length - Vector256<double>.Count; i += Vector256<double>.Count)
        {
            (Vector256.Sqrt(Vector256.LoadUnsafe(ref v, (nuint)i) * s) * f).StoreUnsafe(ref v, (nuint)i);
        }
        for (; i < values.Length; i++) values[i] = Math.Sqrt(values[i] * scale) * factor;
    }
}
