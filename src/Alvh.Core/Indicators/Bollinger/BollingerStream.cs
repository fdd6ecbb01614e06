namespace Alvh.Indicators;

/// <summary>Incremental <see cref="Bollinger"/>; equals the batch output bitwise.</summary>
public sealed class BollingerStream
{
    private static readonly BollingerPoint Missing = new(double.NaN, double.NaN, double.NaN);
    private readonly RollingMoments _moments;
    private readonly double _width;

    /// <summary>Creates the stream.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1 or <paramref name="width"/> is negative or NaN.</exception>
    public BollingerStream(int period = 20, double width = 2.0)
    {
        Guard.Period(period, 1, nameof(period));
        if (!(width >= 0)) throw new ArgumentOutOfRangeException(nameof(width), width, "must be non-negative");
        _moments = new RollingMoments(period);
        _width = width;
    }

    /// <summary>Adds the next value and returns the current bands.</summary>
    public BollingerPoint Add(double value)
    {
        if (!_moments.Add(value)) return Missing;
        double mean = _moments.Mean;
        double band = _width * Math.Sqrt(_moments.M2 / _moments.Period);
        return new BollingerPoint(mean, mean + band, mean - band);
    }
}
