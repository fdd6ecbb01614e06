using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Alvh.Indicators;

/// <summary>
/// Element-wise passes over whole series, four lanes at a time, for per-bar work done after a running
/// loop. IEEE multiplication and square root are correctly rounded in every lane, so each result has the
/// bits of the scalar expression (a NaN passes through with its bits). Measured: only worth it where the
/// scalar form was a separate pass anyway; inside a running loop a scalar division or square root is off
/// the dependency chain and costs less than a second pass.
/// </summary>
internal static class VectorLoops
{
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
