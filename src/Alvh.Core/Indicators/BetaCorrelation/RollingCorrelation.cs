using System.Buffers;
using System.Runtime.InteropServices;
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
        // The running co-moments first (co-moment to the output, M2x·M2y to a pooled buffer), then the
        // square root and division of every bar in one vector pass: per bar they kept the divider busy.
        var rented = ArrayPool<double>.Shared.Rent(x.Length);
        try
        {
            var products = rented.AsSpan(0, x.Length);
            var sink = new Sink(output, products);
            WindowCoMoments.Run(x, y, period, ref sink);
            Finish(products, output);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>Replaces each co-moment in <paramref name="output"/> by the correlation (a missing bar's NaN stays NaN).</summary>
    private static void Finish(ReadOnlySpan<double> m2Products, Span<double> output)
    {
        ref double product = ref MemoryMarshal.GetReference(m2Products);
        ref double result = ref MemoryMarshal.GetReference(output);
        var minusOne = Vector256.Create(-1.0);
        var one = Vector256.Create(1.0);
        int i = 0;
        for (; i <= output.Length - Vector256<double>.Count; i += Vector256<double>.Count)
        {
            var denominator = Vector256.Sqrt(Vector256.LoadUnsafe(ref product, (nuint)i));
            var r = Vector256.LoadUnsafe(ref result, (nuint)i) / denominator;
            // Math.Clamp's semantics: below −1 → −1, above 1 → 1, otherwise (NaN included) unchanged.
            r = Vector256.ConditionalSelect(Vector256.LessThan(r, minusOne), minusOne, Vector256.ConditionalSelect(Vector256.GreaterThan(r, one), one, r));
            Vector256.ConditionalSelect(Vector256.Equals(denominator, Vector256<double>.Zero), Vector256.Create(double.NaN), r).StoreUnsafe(ref result, (nuint)i);
        }
        for (; i < output.Length; i++) output[i] = Of(output[i], m2Products[i]);
    }

    /// <summary>The rolling correlation, one output per pair.</summary>
    public static double[] Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int period)
    {
        var output = new double[x.Length];
        Compute(x, y, period, output);
        return output;
    }

    /// <summary>Correlation from the window's moments, clamped to [−1, 1]; NaN when either variance is 0.</summary>
    internal static double Of(in WindowCoMoments.State s) => Of(s.CoMoment, s.M2X * s.M2Y);

    private static double Of(double coMoment, double m2Product)
    {
        double denominator = Math.Sqrt(m2Product);
        return denominator == 0 ? double.NaN : Math.Clamp(coMoment / denominator, -1.0, 1.0);
    }

    private ref struct Sink(Span<double> output, Span<double> m2Products) : WindowCoMoments.ISink
    {
        private readonly Span<double> _output = output;
        private readonly Span<double> _m2Products = m2Products;

        public readonly void Missing(int index) => _output[index] = double.NaN;

        public readonly void Emit(int index, in WindowCoMoments.State state)
        {
            _output[index] = state.CoMoment;
            _m2Products[index] = state.M2X * state.M2Y;
        }
    }
}
