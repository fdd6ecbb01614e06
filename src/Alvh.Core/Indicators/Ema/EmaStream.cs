namespace Alvh.Indicators;

/// <summary>Incremental <see cref="Ema"/>; equals the batch output bitwise.</summary>
public sealed class EmaStream
{
    private EmaState _state;

    /// <summary>Creates the stream.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1.</exception>
    public EmaStream(int period)
    {
        Guard.Period(period, 1, nameof(period));
        _state = new EmaState(period);
    }

    /// <summary>The current EMA (held across NaN inputs; NaN during warm-up).</summary>
    public double Value => _state.Value;

    /// <summary>True once the seed SMA has been formed.</summary>
    public bool IsReady => _state.IsReady;

    /// <summary>Adds the next value; returns the EMA, or NaN during warm-up or when <paramref name="value"/> is NaN.</summary>
    public double Add(double value) => _state.Add(value);
}
