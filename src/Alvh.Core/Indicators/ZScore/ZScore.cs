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
        var sink = new Sink(output, 1.0 / period);
        WindowMoments.Run(values, period, ref sink);
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

    private ref struct Sink(Span<double> output, double inverseN) : WindowMoments.ISink
    {
        private readonly Span<double> _output = output;

        public readonly void Missing(int index) => _output[index] = double.NaN;

        public readonly void Emit(int index, double value, double mean, double m2) => _output[index] = Of(value, mean, m2, inverseN);
    }
}
