namespace Alvh.Indicators;

/// <summary>Incremental <see cref="ZScore"/>; equals the batch output bitwise.</summary>
public sealed class ZScoreStream
{
    private readonly RollingMoments _moments;
    private readonly ZScore.Formula _formula;

    /// <summary>Creates the stream.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 2.</exception>
    public ZScoreStream(int period)
    {
        Guard.Period(period, 2, nameof(period));
        _moments = new RollingMoments(period);
        _formula = new ZScore.Formula(period);
    }

    /// <summary>Adds the next value and returns its z-score within the window.</summary>
    public double Add(double value) =>
        _moments.Add(value) ? VectorLoops.One(_formula, value, _moments.Mean, _moments.M2) : double.NaN;
}
