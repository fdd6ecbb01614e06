namespace Alvh.Indicators;

/// <summary>Incremental <see cref="RollingBeta"/>; equals the batch output bitwise.</summary>
public sealed class RollingBetaStream
{
    private readonly RollingCoMoments _moments;

    /// <summary>Creates the stream.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 2.</exception>
    public RollingBetaStream(int period)
    {
        Guard.Period(period, 2, nameof(period));
        _moments = new RollingCoMoments(period);
    }

    /// <summary>Adds the next pair of returns; returns the current beta.</summary>
    public double Add(double assetReturn, double benchmarkReturn)
    {
        // x = benchmark, y = asset.
        return _moments.Add(benchmarkReturn, assetReturn) ? VectorLoops.One(default(RollingBeta.Formula), _moments.State.CoMoment, _moments.State.M2X, _moments.State.M2Y) : double.NaN;
    }
}
