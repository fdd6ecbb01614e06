namespace Alvh.Indicators;

/// <summary>
/// MACD (Appel): line = EMA(fast) − EMA(slow) of the input (both SMA-seeded, see <see cref="Ema"/>);
/// signal = EMA(signal period) of the line, seeded by the SMA of the first <c>signal</c> defined line
/// values; histogram = line − signal. With 12/26/9 and no NaN, the line starts at index 25 and the
/// signal at index 33. A crossover is +1 on the bar where the histogram turns positive and the last
/// non-zero histogram was negative (line crosses above signal), −1 for the reverse, 0 otherwise (a
/// touch at exactly zero is not a cross). Recursive NaN policy: NaN bars output NaN and crossover 0.
/// </summary>
public static class Macd
{
    /// <summary>Writes line, signal, histogram and crossovers (all of the input's length).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A period is below 1, or <paramref name="fastPeriod"/> is not below <paramref name="slowPeriod"/>.</exception>
    public static void Compute(ReadOnlySpan<double> values, int fastPeriod, int slowPeriod, int signalPeriod,
        Span<double> line, Span<double> signal, Span<double> histogram, Span<int> crossovers)
    {
        Validate(fastPeriod, slowPeriod, signalPeriod);
        Guard.SameLength(values.Length, line.Length, nameof(line));
        Guard.SameLength(values.Length, signal.Length, nameof(signal));
        Guard.SameLength(values.Length, histogram.Length, nameof(histogram));
        Guard.SameLength(values.Length, crossovers.Length, nameof(crossovers));
        var state = new MacdState(fastPeriod, slowPeriod, signalPeriod);
        int i = 0;
        for (; i < values.Length && !state.IsReady; i++)
        {
            crossovers[i] = state.Add(values[i], out line[i], out signal[i], out histogram[i]);
        }
        state.RunReady(values[i..], line[i..], signal[i..], histogram[i..], crossovers[i..]);
    }

    internal static void Validate(int fastPeriod, int slowPeriod, int signalPeriod)
    {
        Guard.Period(fastPeriod, 1, nameof(fastPeriod));
        Guard.Period(slowPeriod, fastPeriod + 1, nameof(slowPeriod));
        Guard.Period(signalPeriod, 1, nameof(signalPeriod));
    }

    /// <summary>MACD of <paramref name="values"/> with the classic 12/26/9 defaults.</summary>
    public static MacdSeries Compute(ReadOnlySpan<double> values, int fastPeriod = 12, int slowPeriod = 26, int signalPeriod = 9)
    {
        var result = new MacdSeries(new double[values.Length], new double[values.Length], new double[values.Length], new int[values.Length]);
        Compute(values, fastPeriod, slowPeriod, signalPeriod, result.Line, result.Signal, result.Histogram, result.Crossovers);
        return result;
    }
}
