namespace Alvh.Indicators;

/// <summary>Incremental <see cref="PercentRank"/>; equals the batch output bitwise.</summary>
public sealed class PercentRankStream
{
    private readonly double[] _window;
    private int _next;
    private int _count;
    private int _nanCount;

    /// <summary>Creates the stream.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 2.</exception>
    public PercentRankStream(int period)
    {
        Guard.Period(period, 2, nameof(period));
        _window = new double[period];
    }

    /// <summary>Adds the next value and returns its percentile rank (percent) in the window.</summary>
    public double Add(double value)
    {
        int n = _window.Length;
        if (_count == n)
        {
            if (double.IsNaN(_window[_next])) _nanCount--;
        }
        else
        {
            _count++;
        }
        if (double.IsNaN(value)) _nanCount++;
        _window[_next] = value;
        _next = _next + 1 == n ? 0 : _next + 1;
        if (_count < n || _nanCount > 0) return double.NaN;
        int below = 0;
        int equal = 0;
        foreach (double x in _window)
        {
            below += x < value ? 1 : 0;
            equal += x == value ? 1 : 0;
        }
        // `equal` counts the current value itself once.
        return 100.0 * (below + 0.5 * (equal - 1)) / (n - 1);
    }
}
