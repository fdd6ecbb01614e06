using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Alvh.Indicators;

/// <summary>
/// Per-bar formulas four lanes at a time, and element-wise passes over whole series. IEEE arithmetic
/// is correctly rounded in every lane, so each lane has the bits of the same operations done on one
/// value: batch loops apply an <see cref="ILaneFormula"/> to four bars, the streams to one broadcast
/// bar (<see cref="One"/>), and both forms agree bitwise. Why vectors for the per-bar square roots and
/// divisions: they are bound by the divider, whose vector forms cost about half the scalar ones per lane.
/// </summary>
internal static class VectorLoops
{
    /// <summary>A per-bar formula of up to three inputs, four bars at a time (a struct: the JIT inlines it).</summary>
    public interface ILaneFormula
    {
        Vector256<double> Of(Vector256<double> first, Vector256<double> second, Vector256<double> third);
    }

    /// <summary>The formula on one bar (lane 0 of broadcast inputs): what the streams call.</summary>
    public static double One<TFormula>(in TFormula formula, double first, double second, double third)
        where TFormula : struct, ILaneFormula =>
        formula.Of(Vector256.Create(first), Vector256.Create(second), Vector256.Create(third)).ToScalar();

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
