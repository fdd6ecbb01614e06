namespace Alvh.Indicators;

/// <summary>
/// Parkinson (1980) high–low volatility, <b>annualised fraction</b>: √(252 · mean(ln(H/L)²) / (4 ln 2))
/// over the last <c>period</c> bars. First value at index <c>period − 1</c>. Windowed NaN policy.
/// </summary>
public static class ParkinsonVolatility
{
    /// <summary>Writes the Parkinson volatility into <paramref name="output"/>; all spans share one length.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1.</exception>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, int period, Span<double> output)
    {
        Guard.Period(period, 1, nameof(period));
        Guard.SameLength(high.Length, low.Length, nameof(low));
        Guard.SameLength(high.Length, output.Length, nameof(output));
        var stream = new ParkinsonVolatilityStream(period);
        for (int i = 0; i < high.Length; i++) output[i] = stream.Add(high[i], low[i]);
    }

    /// <summary>The Parkinson volatility (default 21 bars), one output per bar.</summary>
    public static double[] Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, int period = 21)
    {
        var output = new double[high.Length];
        Compute(high, low, period, output);
        return output;
    }
}
