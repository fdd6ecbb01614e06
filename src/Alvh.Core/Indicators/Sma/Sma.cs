namespace Alvh.Indicators;

/// <summary>
/// Simple moving average: the arithmetic mean of the last <c>period</c> values, in the input's units.
/// The first value is at index <c>period − 1</c>; earlier outputs are NaN. Windowed NaN policy
/// (see <see cref="NaNPolicy"/>): NaN while a NaN is in the window.
/// </summary>
public static class Sma
{
    /// <summary>Writes the SMA of <paramref name="values"/> into <paramref name="output"/> (same length).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1.</exception>
    public static void Compute(ReadOnlySpan<double> values, int period, Span<double> output)
    {
        Guard.Period(period, 1, nameof(period));
        Guard.SameLength(values.Length, output.Length, nameof(output));
        WindowSum.Means(values, period, output);
    }

    /// <summary>The SMA of <paramref name="values"/>, one output per input.</summary>
    public static double[] Compute(ReadOnlySpan<double> values, int period)
    {
        var output = new double[values.Length];
        Compute(values, period, output);
        return output;
    }
}
