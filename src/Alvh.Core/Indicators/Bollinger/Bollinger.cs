namespace Alvh.Indicators;

/// <summary>
/// Bollinger bands: middle = SMA(period), upper/lower = middle ± k·σ with σ the <b>population</b>
/// standard deviation of the same window (Bollinger's convention), input units. First value at index
/// <c>period − 1</c>. Windowed NaN policy (see <see cref="NaNPolicy"/>).
/// </summary>
public static class Bollinger
{
    /// <summary>Writes middle, upper and lower bands (each of the input's length).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1 or <paramref name="width"/> is negative or NaN.</exception>
    public static void Compute(ReadOnlySpan<double> values, int period, double width,
        Span<double> middle, Span<double> upper, Span<double> lower)
    {
        var stream = new BollingerStream(period, width);
        Guard.SameLength(values.Length, middle.Length, nameof(middle));
        Guard.SameLength(values.Length, upper.Length, nameof(upper));
        Guard.SameLength(values.Length, lower.Length, nameof(lower));
        for (int i = 0; i < values.Length; i++)
        {
            var b = stream.Add(values[i]);
            middle[i] = b.Middle;
            upper[i] = b.Upper;
            lower[i] = b.Lower;
        }
    }

    /// <summary>Bollinger bands of <paramref name="values"/> (defaults 20 bars, 2 standard deviations).</summary>
    public static BollingerSeries Compute(ReadOnlySpan<double> values, int period = 20, double width = 2.0)
    {
        var result = new BollingerSeries(new double[values.Length], new double[values.Length], new double[values.Length]);
        Compute(values, period, width, result.Middle, result.Upper, result.Lower);
        return result;
    }
}
