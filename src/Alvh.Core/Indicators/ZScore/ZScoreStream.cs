namespace Alvh.Indicators;

/// <summary>Incremental <see cref="ZScore"/>; equals the batch output bitwise.</summary>
public sealed class ZScoreStream
{
    private readonly RollingMoments _moments;

    /// <summary>Creates the stream.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 2.</exception>
    public ZScoreStream(int period)
    {
        Guard.Period(period, 2, nameof(period));
        _moments = new RollingMoments(period);
    }

    /// <summary>Adds the next value and returns its z-score within the window.</summary>
    public double Add(double value)
    {
        if (!_moments.Add(value)) return double.NaN;
        double sd = Math.Sqrt(_moments.M2 / _moments.Period);
        return sd == 0 ? 0.0 : (value - _moments.Mean) / sd;
    }
}
