namespace Alvh.Indicators;

/// <summary>Incremental <see cref="RateOfChange"/>; equals the batch output bitwise.</summary>
public sealed class RateOfChangeStream
{
    private readonly double[] _past;
    private int _next;
    private int _count;

    /// <summary>Creates the stream.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1.</exception>
    public RateOfChangeStream(int period)
    {
        Guard.Period(period, 1, nameof(period));
        _past = new double[period];
    }

    /// <summary>Adds the next value; returns the rate of change in percent.</summary>
    public double Add(double value)
    {
        double then = _past[_next];
        _past[_next] = value;
        _next = _next + 1 == _past.Length ? 0 : _next + 1;
        if (_count < _past.Length)
        {
            _count++;
            return double.NaN;
        }
        return RateOfChange.Percent(value, then);
    }
}
