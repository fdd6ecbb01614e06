namespace Alvh.Indicators;

/// <summary>Incremental <see cref="Bollinger"/>; equals the batch output bitwise.</summary>
public sealed class BollingerStream
{
    private static readonly BollingerPoint Missing = new(double.NaN, double.NaN, double.NaN);
    private readonly RollingMoments _moments;
    private readonly Bollinger.HalfWidth _halfWidth;

    /// <summary>Creates the stream.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1 or <paramref name="width"/> is negative or NaN.</exception>
    public BollingerStream(int period = 20, double width = 2.0)
    {
        Bollinger.Validate(period, width);
        _moments = new RollingMoments(period);
        _halfWidth = new Bollinger.HalfWidth(period, width);
    }

    /// <summary>Adds the next value and returns the current bands.</summary>
    public BollingerPoint Add(double value)
    {
        if (!_moments.Add(value)) return Missing;
        double mean = _moments.Mean;
        double band = VectorLoops.One(_halfWidth, value, mean, _moments.M2);
        return new BollingerPoint(mean, mean + band, mean - band);
    }
}
