namespace Alvh.Indicators;

/// <summary>Incremental <see cref="Rsi"/>; equals the batch output bitwise.</summary>
public sealed class RsiStream
{
    private readonly int _period;
    private double _previous = double.NaN;
    private int _changes;
    private double _averageGain;
    private double _averageLoss;

    /// <summary>Creates the stream.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1.</exception>
    public RsiStream(int period = 14)
    {
        Guard.Period(period, 1, nameof(period));
        _period = period;
    }

    /// <summary>Adds the next close; returns the RSI (NaN during warm-up or for a NaN close).</summary>
    public double Add(double close)
    {
        if (double.IsNaN(close)) return double.NaN;
        if (double.IsNaN(_previous))
        {
            _previous = close;
            return double.NaN;
        }
        double change = close - _previous;
        _previous = close;
        double gain = change > 0 ? change : 0;
        double loss = change < 0 ? -change : 0;
        if (_changes < _period)
        {
            // Seed: accumulate sums, then the simple mean on the period-th change.
            _averageGain += gain;
            _averageLoss += loss;
            _changes++;
            if (_changes < _period) return double.NaN;
            _averageGain /= _period;
            _averageLoss /= _period;
        }
        else
        {
            _averageGain = (_averageGain * (_period - 1) + gain) / _period;
            _averageLoss = (_averageLoss * (_period - 1) + loss) / _period;
        }
        return _averageLoss == 0 ? 100.0 : 100.0 - 100.0 / (1.0 + _averageGain / _averageLoss);
    }
}
