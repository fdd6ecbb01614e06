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
        var sink = new Sink(output);
        WindowCoMoments.Run(x, y, period, ref sink);
    }

    /// <summary>The rolling correlation, one output per pair.</summary>
    public static double[] Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int period)
    {
        var output = new double[x.Length];
        Compute(x, y, period, output);
        return output;
    }

    /// <summary>Correlation from the window's moments, clamped to [−1, 1]; NaN when either variance is 0.</summary>
    internal static double Of(in WindowCoMoments.State s)
    {
        double denominator = Math.Sqrt(s.M2X * s.M2Y);
        return denominator == 0 ? double.NaN : Math.Clamp(s.CoMoment / denominator, -1.0, 1.0);
    }

    private ref struct Sink(Span<double> output) : WindowCoMoments.ISink
    {
        private readonly Span<double> _output = output;

        public readonly void Missing(int index) => _output[index] = double.NaN;

        public readonly void Emit(int index, in WindowCoMoments.State state) => _output[index] = Of(state);
    }
}
