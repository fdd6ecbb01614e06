namespace Alvh.Indicators;

/// <summary>
/// Streaming mean and M2 of the last <c>period</c> values in a ring buffer, with the arithmetic of
/// <see cref="WindowMoments"/> (exact two passes on the first clean window, then the centred O(1)
/// replacement), so streaming and batch outputs are bitwise identical.
/// </summary>
internal sealed class RollingMoments
{
    private readonly double[] _window;
    private readonly double _inverseN;
    private int _next;
    private int _count;
    private int _nanCount;
    private bool _synced;
    private double _mean = double.NaN;
    private double _m2 = double.NaN;

    public RollingMoments(int period)
    {
        _window = new double[period];
        _inverseN = 1.0 / period;
    }

    public double Mean => _mean;

    /// <summary>The window's M2, never below 0 (see <see cref="WindowMoments.NonNegative(double)"/>).</summary>
    public double M2 => WindowMoments.NonNegative(_m2);

    public int Period => _window.Length;

    /// <summary>Adds a value; true when the window is full and holds no NaN.</summary>
    public bool Add(double value)
    {
        int n = _window.Length;
        double dropped = _window[_next];
        bool wasFull = _count == n;
        _window[_next] = value;
        _next = _next + 1 == n ? 0 : _next + 1;
        if (wasFull)
        {
            if (double.IsNaN(dropped)) _nanCount--;
        }
        else
        {
            _count++;
        }
        if (double.IsNaN(value)) _nanCount++;
        if (_count < n || _nanCount > 0)
        {
            _synced = false;
            return false;
        }
        if (_synced) WindowMoments.Replace(ref _mean, ref _m2, value, dropped, _inverseN);
        else WindowMoments.Exact(_window.AsSpan(_next), _window.AsSpan(0, _next), out _mean, out _m2);
        _synced = true;
        return true;
    }
}
