namespace Alvh.Indicators;

/// <summary>Incremental <see cref="Atr"/>; equals the batch output bitwise.</summary>
public sealed class AtrStream
{
    private AtrState _state;

    /// <summary>Creates the stream.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1.</exception>
    public AtrStream(int period = 14)
    {
        Guard.Period(period, 1, nameof(period));
        _state = new AtrState(period);
    }

    /// <summary>Adds the next bar; returns the ATR (NaN during warm-up or for a bar with a NaN).</summary>
    public double Add(double high, double low, double close) => _state.Add(high, low, close);
}
