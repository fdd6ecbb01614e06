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
        var stream = new ZScoreStream(period);
        for (int i = 0; i < values.Length; i++) output[i] = stream.Add(values[i]);
    }

    /// <summary>The rolling z-score, one output per input.</summary>
    public static double[] Compute(ReadOnlySpan<double> values, int period)
    {
        var output = new double[values.Length];
        Compute(values, period, output);
        return output;
    }
}
