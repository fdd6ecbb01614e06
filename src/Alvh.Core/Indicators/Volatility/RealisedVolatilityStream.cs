namespace Alvh.Indicators;

/// <summary>Incremental <see cref="RealisedVolatility"/>; equals the batch output bitwise.</summary>
public sealed class RealisedVolatilityStream
{
    private static readonly double Annualiser = Math.Sqrt(RealisedVolatility.TradingDaysPerYear);
    private readonly RollingMoments _moments;
    private double _previous = double.NaN;

    /// <summary>Creates the stream.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 2.</exception>
    public RealisedVolatilityStream(int period = 21)
    {
        Guard.Period(period, 2, nameof(period));
        _moments = new RollingMoments(period);
    }

    /// <summary>Adds the next close; returns the annualised volatility (fraction).</summary>
    public double Add(double close)
    {
        double logReturn = Math.Log(close / _previous);
        _previous = close;
        if (!_moments.Add(logReturn)) return double.NaN;
        return Math.Sqrt(_moments.M2 / (_moments.Period - 1)) * Annualiser;
    }
}
