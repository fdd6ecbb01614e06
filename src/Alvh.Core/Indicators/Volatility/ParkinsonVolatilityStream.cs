namespace Alvh.Indicators;

/// <summary>Incremental <see cref="ParkinsonVolatility"/>; equals the batch output bitwise.</summary>
public sealed class ParkinsonVolatilityStream
{
    private readonly SmaStream _meanSquaredLogRange;

    /// <summary>Creates the stream.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1.</exception>
    public ParkinsonVolatilityStream(int period = 21)
    {
        _meanSquaredLogRange = new SmaStream(period);
    }

    /// <summary>Adds the next bar's high and low; returns the annualised volatility (fraction).</summary>
    public double Add(double high, double low) =>
        ParkinsonVolatility.FromMean(_meanSquaredLogRange.Add(ParkinsonVolatility.SquaredLogRange(high, low)));
}
