using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Alvh.Indicators;

/// <summary>
/// Per-bar formulas four lanes at a time. IEEE arithmetic
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

    /// <summary>
    /// Receives a batch running loop's bars: three per-bar quantities, four bars at a time where the loop
    /// can, one at a time at the ends of a run. A struct, so the JIT specialises and inlines it.
    /// </summary>
    public interface IBarSink
    {
        /// <summary>Bars <paramref name="start"/> to <paramref name="end"/> − 1 have no value (warm-up or a NaN in the window).</summary>
        void Missing(int start, int end);

        /// <summary>Bars <paramref name="index"/> to <paramref name="index"/> + 3.</summary>
        void Emit(int index, Vector256<double> first, Vector256<double> second, Vector256<double> third);

        /// <summary>Bar <paramref name="index"/> alone, with the same arithmetic as one lane of <see cref="Emit"/>.</summary>
        void EmitOne(int index, double first, double second, double third);
    }

    /// <summary>
    /// A sink that writes one formula per bar into <paramref name="output"/>, NaN for missing bars: four
    /// bars per vector formula, single bars through <see cref="One"/>.
    /// </summary>
    public ref struct FormulaSink<TFormula>(Span<double> output, TFormula formula) : IBarSink
        where TFormula : struct, ILaneFormula
    {
        private readonly Span<double> _output = output;

        public readonly void Missing(int start, int end) => _output[start..end].Fill(double.NaN);

        public readonly void Emit(int index, Vector256<double> first, Vector256<double> second, Vector256<double> third) =>
            formula.Of(first, second, third).StoreUnsafe(ref MemoryMarshal.GetReference(_output), (nuint)index);

        public readonly void EmitOne(int index, double first, double second, double third) =>
            _output[index] = One(formula, first, second, third);
    }

    /// <summary>The formula on one bar (lane 0 of broadcast inputs): what the streams call.</summary>
    public static double One<TFormula>(in TFormula formula, double first, double second, double third)
        where TFormula : struct, ILaneFormula =>
        formula.Of(Vector256.Create(first), Vector256.Create(second), Vector256.Create(third)).ToScalar();
}
