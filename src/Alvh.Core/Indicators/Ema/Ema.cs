namespace Alvh.Indicators;

/// <summary>
/// Exponential moving average, SMA-seeded (the StockCharts/Stock.Indicators convention): the first
/// value, at the <c>period</c>-th finite input (index <c>period − 1</c> when there are no NaN), is the
/// simple mean of the first <c>period</c> finite values; then <c>ema += α·(x − ema)</c> (one fused multiply–add) with
/// <c>α = 2/(period + 1)</c>. Recursive NaN policy (see <see cref="NaNPolicy"/>): a NaN bar outputs
/// NaN and is skipped.
/// </summary>
public static class Ema
{
    /// <summary>Smoothing factor α = 2/(period + 1).</summary>
    public static double Alpha(int period) => 2.0 / (period + 1);

    /// <summary>Writes the EMA of <paramref name="values"/> into <paramref name="output"/> (same length).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1.</exception>
    public static void Compute(ReadOnlySpan<double> values, int period, Span<double> output)
    {
        Guard.Period(period, 1, nameof(period));
        Guard.SameLength(values.Length, output.Length, nameof(output));
        output = output[..values.Length];
        var state = new EmaState(period);
        for (int i = 0; i < values.Length; i++) output[i] = state.Add(values[i]);
    }

    /// <summary>The EMA of <paramref name="values"/>, one output per input.</summary>
    public static double[] Compute(ReadOnlySpan<double> values, int period)
    {
        var output = new double[values.Length];
        Compute(values, period, output);
        return output;
    }
}
