namespace Alvh.Indicators;

/// <summary>Incremental <see cref="Ema"/>; equals the batch output bitwise.</summary>
public sealed class EmaStream
{
    private readonly int _period;
    private readonly double _alpha;
    private int _count;
    private double _seedSum;

    /// <summary>Creates the stream.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1.</exception>
    public EmaStream(int period)
    {
        Guard.Period(period, 1, nameof(period));
        _period = period;
        _alpha = Ema.Alpha(period);
    }

    /// <summary>The current EMA (held across NaN inputs; NaN during warm-up).</summary>
    public double Value { get; private set; } = double.NaN;

    /// <summary>True once the seed SMA has been formed.</summary>
    public bool IsReady => _count >= _period;

    /// <summary>Adds the next value; returns the EMA, or NaN during warm-up or when <paramref name="value"/> is NaN.</summary>
    public double Add(double value)
    {
        if (double.IsNaN(value)) return double.NaN;
        if (_count < _period)
        {
            _seedSum += value;
            _count++;
            if (_count == _period) Value = _seedSum / _period;
            return Value;
        }
        Value += _alpha * (value - Value);
        return Value;
    }
}
