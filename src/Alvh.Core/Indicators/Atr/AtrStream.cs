namespace Alvh.Indicators;

/// <summary>Incremental <see cref="Atr"/>; equals the batch output bitwise.</summary>
public sealed class AtrStream
{
    private readonly int _period;
    private double _previousClose = double.NaN;
    private int _bars;
    private double _atr;

    /// <summary>Creates the stream.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1.</exception>
    public AtrStream(int period = 14)
    {
        Guard.Period(period, 1, nameof(period));
        _period = period;
    }

    /// <summary>Adds the next bar; returns the ATR (NaN during warm-up or for a bar with a NaN).</summary>
    public double Add(double high, double low, double close)
    {
        if (double.IsNaN(high) || double.IsNaN(low) || double.IsNaN(close)) return double.NaN;
        double range = high - low;
        if (!double.IsNaN(_previousClose))
        {
            range = Math.Max(range, Math.Max(Math.Abs(high - _previousClose), Math.Abs(low - _previousClose)));
        }
        _previousClose = close;
        if (_bars < _period)
        {
            _atr += range;
            _bars++;
            if (_bars < _period) return double.NaN;
            _atr /= _period;
            return _atr;
        }
        _atr = (_atr * (_period - 1) + range) / _period;
        return _atr;
    }
}
