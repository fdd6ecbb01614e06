namespace Alvh.Indicators;

/// <summary>
/// Streaming means, M2s and co-moment of the last <c>period</c> pairs in ring buffers, with the
/// arithmetic of <see cref="WindowCoMoments"/>, restarting exactly where the batch does (the first clean
/// window, then every <see cref="WindowCoMoments.RestartEvery"/> bars). A pair with either side NaN
/// counts as missing.
/// </summary>
internal sealed class RollingCoMoments
{
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly double _inverseN;
    private int _next;
    private int _count;
    private int _nanCount;
    private bool _synced;
    private int _sinceExact;
    private WindowCoMoments.State _state;

    public RollingCoMoments(int period)
    {
        _x = new double[period];
        _y = new double[period];
        _inverseN = 1.0 / period;
    }

    public ref readonly WindowCoMoments.State State => ref _state;

    public bool Add(double x, double y)
    {
        int n = _x.Length;
        if (double.IsNaN(x) || double.IsNaN(y))
        {
            x = double.NaN;
            y = double.NaN;
        }
        double droppedX = _x[_next];
        double droppedY = _y[_next];
        bool wasFull = _count == n;
        _x[_next] = x;
        _y[_next] = y;
        _next = _next + 1 == n ? 0 : _next + 1;
        if (wasFull)
        {
            if (double.IsNaN(droppedX)) _nanCount--;
        }
        else
        {
            _count++;
        }
        if (double.IsNaN(x)) _nanCount++;
        if (_count < n || _nanCount > 0)
        {
            _synced = false;
            return false;
        }
        if (_synced && _sinceExact < WindowCoMoments.RestartEvery - 1)
        {
            WindowCoMoments.Replace(ref _state, x, y, droppedX, droppedY, _inverseN);
            _sinceExact++;
        }
        else
        {
            WindowCoMoments.Exact(_x.AsSpan(_next), _x.AsSpan(0, _next), _y.AsSpan(_next), _y.AsSpan(0, _next), out _state);
            _sinceExact = 0;
        }
        _synced = true;
        return true;
    }
}
