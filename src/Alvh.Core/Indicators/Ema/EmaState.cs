using System.Runtime.CompilerServices;

namespace Alvh.Indicators;

/// <summary>
/// State and step of an SMA-seeded EMA, shared by <see cref="Ema"/>, <see cref="EmaStream"/> and MACD
/// (batch loops hold it in a local, streams in a field), so every path runs the same arithmetic.
/// During warm-up <see cref="Value"/> accumulates the seed sum.
/// </summary>
internal struct EmaState(int period)
{
    private readonly int _period = period;
    private readonly double _alpha = Ema.Alpha(period);
    private int _count;
    private double _value;

    /// <summary>True once the seed SMA has been formed.</summary>
    public readonly bool IsReady => _count >= _period;

    /// <summary>Smoothing factor α.</summary>
    public readonly double Alpha => _alpha;

    /// <summary>The EMA, or NaN during warm-up.</summary>
    public readonly double Value => _count >= _period ? _value : double.NaN;

    /// <summary>Sets the EMA of a ready state (a hot loop that ran the steps on a local puts its value back).</summary>
    public void SetReadyValue(double value) => _value = IsReady ? value : throw new InvalidOperationException("the EMA is not seeded yet");

    /// <summary>Adds a value (NaN is skipped); returns the EMA or NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Add(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (_count >= _period)
        {
            _value = Smoothing.Step(_value, x, _alpha);
            return _value;
        }
        _value += x;
        if (++_count < _period) return double.NaN;
        _value /= _period;
        return _value;
    }
}
