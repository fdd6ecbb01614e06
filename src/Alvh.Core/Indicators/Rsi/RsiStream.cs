namespace Alvh.Indicators;

/// <summary>Incremental <see cref="Rsi"/>; equals the batch output bitwise.</summary>
public sealed class RsiStream
{
    private RsiState _state;

    /// <summary>Creates the stream.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1.</exception>
    public RsiStream(int period = 14)
    {
        Guard.Period(period, 1, nameof(period));
        _state = new RsiState(period);
    }

    /// <summary>Adds the next close; returns the RSI (NaN during warm-up or for a NaN close).</summary>
    public double Add(double close) => _state.Add(close);
}
