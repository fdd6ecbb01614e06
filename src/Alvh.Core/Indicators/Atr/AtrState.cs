using System.Runtime.CompilerServices;

namespace Alvh.Indicators;

/// <summary>State and step of Wilder's ATR, shared by <see cref="Atr"/> (a local) and <see cref="AtrStream"/> (a field).</summary>
internal struct AtrState(int period)
{
    private readonly int _period = period;
    private readonly double _weight = 1.0 / period;
    private double _previousClose = double.NaN;
    private int _bars;
    private double _atr;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Add(double high, double low, double close)
    {
        if (double.IsNaN(high) || double.IsNaN(low) || double.IsNaN(close)) return double.NaN;
        double range = high - low;
        if (!double.IsNaN(_previousClose))
        {
            range = Math.Max(range, Math.Max(Math.Abs(high - _previousClose), Math.Abs(low - _previousClose)));
        }
        _previousClose = close;
        if (_bars >= _period)
        {
            _atr = Smoothing.Step(_atr, range, _weight);
            return _atr;
        }
        _atr += range;
        if (++_bars < _period) return double.NaN;
        _atr /= _period;
        return _atr;
    }
}
