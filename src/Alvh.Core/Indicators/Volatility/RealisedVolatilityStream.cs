namespace Alvh.Indicators;

/// <summary>Incremental <see cref="RealisedVolatility"/>; equals the batch output bitwise.</summary>
public sealed class RealisedVolatilityStream
{
    private readonly RollingMoments _moments;
    private readonly RealisedVolatility.Formula _formula;
    private double _previous = double.NaN;

    /// <summary>Creates the stream.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 2.</exception>
    public RealisedVolatilityStream(int period = 21)
    {
        Guard.Period(period, 2, nameof(period));
        _moments = new RollingMoments(period);
        _formula = new RealisedVolatility.Formula(period);
    }

    /// <summary>Adds the next close; returns the annualised volatility (fraction).</summary>
    public double Add(double close)
    {
        double logReturn = RealisedVolatility.LogReturn(close, _previous);
        _previous = close;
        return _moments.Add(logReturn) ? VectorLoops.One(_formula, logReturn, _moments.Mean, _moments.M2) : double.NaN;
    }
}
