using System.Buffers;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Alvh.Indicators;

/// <summary>
/// Rolling z-score: (x − mean)/σ over the last <c>period</c> values <b>including</b> the current one,
/// σ the population standard deviation; 0 when σ is 0 (a constant window). First value at index
/// <c>period − 1</c>. Windowed NaN policy (see <see cref="NaNPolicy"/>).
/// </summary>
public static class ZScore
{
    /// <summary>Writes the z-score into <paramref name="output"/> (same length).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 2.</exception>
    public static void Compute(ReadOnlySpan<double> values, int period, Span<double> output)
    {
        Guard.Period(period, 2, nameof(period));
        Guard.SameLength(values.Length, output.Length, nameof(output));
        // The running moments first (mean to a pooled buffer, M2 to the output), then the square root
        // and division of every bar in one vector pass: per bar they had kept the divider busy.
        var rented = ArrayPool<double>.Shared.Rent(values.Length);
        try
        {
            var means = rented.AsSpan(0, values.Length);
            var sink = new Sink(output, means);
            WindowMoments.Run(values, period, ref sink);
            Finish(values, means, output, 1.0 / period);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>Replaces each M2 in <paramref name="output"/> by <see cref="Of"/> (a missing bar's NaN stays).</summary>
    private static void Finish(ReadOnlySpan<double> values, ReadOnlySpan<double> means, Span<double> output, double inverseN)
    {
        ref double value = ref MemoryMarshal.GetReference(values);
        ref double mean = ref MemoryMarshal.GetReference(means);
        ref double result = ref MemoryMarshal.GetReference(output);
        var scale = Vector256.Create(inverseN);
        int i = 0;
        for (; i <= output.Length - Vector256<double>.Count; i += Vector256<double>.Count)
        {
            var m2 = Vector256.LoadUnsafe(ref result, (nuint)i);
            var sd = Vector256.Sqrt(m2 * scale);
            var z = (Vector256.LoadUnsafe(ref value, (nuint)i) - Vector256.LoadUnsafe(ref mean, (nuint)i)) / sd;
            z = Vector256.ConditionalSelect(Vector256.Equals(sd, Vector256<double>.Zero), Vector256<double>.Zero, z);
            Vector256.ConditionalSelect(Vector256.Equals(m2, m2), z, m2).StoreUnsafe(ref result, (nuint)i);
        }
        for (; i < output.Length; i++)
        {
            if (!double.IsNaN(output[i])) output[i] = Of(values[i], means[i], output[i], inverseN);
        }
    }

    /// <summary>The rolling z-score, one output per input.</summary>
    public static double[] Compute(ReadOnlySpan<double> values, int period)
    {
        var output = new double[values.Length];
        Compute(values, period, output);
        return output;
    }

    /// <summary>The z-score of <paramref name="value"/> in a window with this mean and M2.</summary>
    internal static double Of(double value, double mean, double m2, double inverseN)
    {
        double sd = Math.Sqrt(m2 * inverseN);
        return sd == 0 ? 0.0 : (value - mean) / sd;
    }

    private ref struct Sink(Span<double> output, Span<double> means) : WindowMoments.ISink
    {
        private readonly Span<double> _output = output;
        private readonly Span<double> _means = means;

        public readonly void Missing(int index) => _output[index] = double.NaN;

        public readonly void Emit(int index, double value, double mean, double m2)
        {
            _output[index] = m2;
            _means[index] = mean;
        }
    }
}
