namespace Alvh.Indicators;

/// <summary>
/// Rolling Pearson correlation of two return series over the last <c>period</c> pairs, in [−1, 1]
/// (clamped against rounding). First value at index <c>period − 1</c>; NaN when either variance is 0.
/// Windowed NaN policy: a pair with either side NaN is missing.
/// </summary>
public static class RollingCorrelation
{
    /// <summary>Writes the rolling correlation into <paramref name="output"/>; all spans share one length.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 2.</exception>
    public static void Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int period, Span<double> output)
    {
        Guard.Period(period, 2, nameof(period));
        Guard.SameLength(x.Length, y.Length, nameof(y));
        Guard.SameLength(x.Length, output.Length, nameof(output));
        var stream = new RollingCorrelationStream(period);
        for (int i = 0; i < x.Length; i++) output[i] = stream.Add(x[i], y[i]);
    }

    /// <summary>The rolling correlation, one output per pair.</summary>
    public static double[] Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int period)
    {
        var output = new double[x.Length];
        Compute(x, y, period, output);
        return output;
    }
}
