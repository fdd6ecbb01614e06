namespace Alvh.Indicators;

/// <summary>
/// Rate of change in <b>percent</b>: 100·(xₜ / xₜ₋ₚ − 1), first value at index <c>period</c>.
/// Windowed NaN policy: NaN when either end is NaN; NaN when xₜ₋ₚ is 0.
/// </summary>
public static class RateOfChange
{
    /// <summary>Writes the rate of change into <paramref name="output"/> (same length).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1.</exception>
    public static void Compute(ReadOnlySpan<double> values, int period, Span<double> output)
    {
        Guard.Period(period, 1, nameof(period));
        Guard.SameLength(values.Length, output.Length, nameof(output));
        var stream = new RateOfChangeStream(period);
        for (int i = 0; i < values.Length; i++) output[i] = stream.Add(values[i]);
    }

    /// <summary>The rate of change in percent, one output per input.</summary>
    public static double[] Compute(ReadOnlySpan<double> values, int period)
    {
        var output = new double[values.Length];
        Compute(values, period, output);
        return output;
    }
}
