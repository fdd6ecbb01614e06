using System.Runtime.CompilerServices;

namespace Alvh.Indicators;

/// <summary>State and step of Wilder's RSI, shared by <see cref="Rsi"/> (a local) and <see cref="RsiStream"/> (a field).</summary>
internal struct RsiState(int period)
{
    private readonly int _period = period;
    private readonly double _weight = 1.0 / period;
    private double _previous = double.NaN;
    private int _changes;
    private double _averageGain;
    private double _averageLoss;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Add(double close)
    {
        if (double.IsNaN(close)) return double.NaN;
        double previous = _previous;
        _previous = close;
        if (double.IsNaN(previous)) return double.NaN; // first finite close: no change yet
        double change = close - previous;
        // max(±change, +0) is change > 0 ? change : 0 (and −change for the loss) for every finite change,
        // but compiles to a branch-free max: the sign of a daily change is a coin flip the branch
        // predictor loses about half the time.
        double gain = Math.Max(change, 0.0);
        double loss = Math.Max(-change, 0.0);
        if (_changes >= _period)
        {
            _averageGain = Smoothing.Step(_averageGain, gain, _weight);
            _averageLoss = Smoothing.Step(_averageLoss, loss, _weight);
        }
        else
        {
            // Seed: accumulate sums, then the simple mean on the period-th change.
            _averageGain += gain;
            _averageLoss += loss;
            if (++_changes < _period) return double.NaN;
            _averageGain /= _period;
            _averageLoss /= _period;
        }
        // 100 − 100/(1 + RS) written as 100·gain/(gain + loss): one division instead of two.
        return _averageLoss == 0 ? 100.0 : 100.0 * _averageGain / (_averageGain + _averageLoss);
    }
}
