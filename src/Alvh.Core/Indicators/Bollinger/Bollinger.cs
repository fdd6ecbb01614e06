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
        Validate(period, width);
        Guard.SameLength(values.Length, middle.Length, nameof(middle));
        Guard.SameLength(values.Length, upper.Length, nameof(upper));
        Guard.SameLength(values.Length, lower.Length, nameof(lower));
        var sink = new Sink(middle, upper, lower, width, 1.0 / period);
        WindowMoments.Run(values, period, ref sink);
    }

    /// <summary>Bollinger bands of <paramref name="values"/> (defaults 20 bars, 2 standard deviations).</summary>
    public static BollingerSeries Compute(ReadOnlySpan<double> values, int period = 20, double width = 2.0)
    {
        var result = new BollingerSeries(new double[values.Length], new double[values.Length], new double[values.Length]);
        Compute(values, period, width, result.Middle, result.Upper, result.Lower);
        return result;
    }

    internal static void Validate(int period, double width)
    {
        Guard.Period(period, 1, nameof(period));
        if (!(width >= 0)) throw new ArgumentOutOfRangeException(nameof(width), width, "must be non-negative");
    }

    /// <summary>Half-width k·σ of the bands from the window's M2 (population σ = √(M2/n)).</summary>
    internal static double Band(double width, double m2, double inverseN) => width * Math.Sqrt(m2 * inverseN);

    private ref struct Sink(Span<double> middle, Span<double> upper, Span<double> lower, double width, double inverseN) : WindowMoments.ISink
    {
        private readonly Span<double> _middle = middle;
        private readonly Span<double> _upper = upper;
        private readonly Span<double> _lower = lower;

        public readonly void Missing(int index)
        {
            _middle[index] = double.NaN;
            _upper[index] = double.NaN;
            _lower[index] = double.NaN;
        }

        public readonly void Emit(int index, double value, double mean, double m2)
        {
            double band = Band(width, m2, inverseN);
            _middle[index] = mean;
            _upper[index] = mean + band;
            _lower[index] = mean - band;
        }
    }
}
