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
        return _moments.Add(x, y) ? VectorLoops.One(default(RollingCorrelation.Formula), _moments.State.CoMoment, _moments.State.M2X, _moments.State.M2Y) : double.NaN;
    }
}
