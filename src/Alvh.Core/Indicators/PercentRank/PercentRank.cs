namespace Alvh.Indicators;

/// <summary>
/// Rolling percentile rank in <b>percent</b> (0–100) of the current value among the last <c>period</c>
/// values (current included): 100·(count of the other values strictly below + ½·count equal)/(period − 1).
/// The window maximum scores 100, the minimum 0, a constant window 50. First value at index
/// <c>period − 1</c>. Windowed NaN policy (see <see cref="NaNPolicy"/>). Each bar counts its window
/// with vector compares, on 16-bit order-keeping keys where the input allows (see
/// <see cref="QuantisedRankCounts"/>) and on the doubles otherwise (see <see cref="RankCounts"/>).
/// </summary>
public static class PercentRank
{
    /// <summary>Writes the percentile rank into <paramref name="output"/> (same length).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 2.</exception>
    public static void Compute(ReadOnlySpan<double> values, int period, Span<double> output)
    {
        Guard.Period(period, 2, nameof(period));
        Guard.SameLength(values.Length, output.Length, nameof(output));
        output[..Math.Min(period - 1, values.Length)].Fill(double.NaN);
        bool counted = QuantisedRankCounts.TryPercentRanks(values, period, output, out bool hasMissing);
        if (!counted) RankCounts.PercentRanks(values, period, output);
        // Windows are counted independently, so a NaN only needs blanking the windows that hold it.
        if (!counted || hasMissing) MissingWindows.Blank(values, period, output);
    }

    /// <summary>The rolling percentile rank in percent, one output per input.</summary>
    public static double[] Compute(ReadOnlySpan<double> values, int period)
    {
        var output = new double[values.Length];
        Compute(values, period, output);
        return output;
    }
}
