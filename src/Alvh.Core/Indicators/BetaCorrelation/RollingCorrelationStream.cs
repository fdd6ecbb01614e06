namespace Alvh.Indicators;

/// <summary>Incremental <see cref="RollingCorrelation"/>; equals the batch output bitwise.</summary>
public sealed class RollingCorrelationStream
{
    private readonly RollingCoMoments _moments;

    /// <summary>Creates the stream.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 2.</exception>
    public RollingCorrelationStream(int period)
    {
        Guard.Period(period, 2, nameof(period));
        _moments = new RollingCoMoments(period);
    }

    /// <summary>Adds the next pair; returns the current correlation.</summary>
    public double Add(double x, double y)
    {
        if (!_moments.Add(x, y)) return double.NaN;
        double denominator = Math.Sqrt(_moments.M2X * _moments.M2Y);
        if (denominator == 0) return double.NaN;
        return Math.Clamp(_moments.CoMoment / denominator, -1.0, 1.0);
    }
}
