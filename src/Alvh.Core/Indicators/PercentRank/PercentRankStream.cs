namespace Alvh.Indicators;

/// <summary>
/// Incremental <see cref="PercentRank"/>; equals the batch output bitwise (the rank is a function of
/// exact counts, see <see cref="RankCounts"/>). Keeps a ring buffer of the window and counts it per value.
/// </summary>
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
        double dropped = _window[_next];
        if (_count == n)
        {
            if (double.IsNaN(dropped)) _nanCount--;
        }
        else
        {
            _count++;
        }
        if (double.IsNaN(value)) _nanCount++;
        _window[_next] = value;
        _next = _next + 1 == n ? 0 : _next + 1;
        if (_count < n || _nanCount > 0) return double.NaN;
        RankCounts.Count(_window, value, out int below, out int equal);
        return RankCounts.Percent(below, equal, n);
    }
}
