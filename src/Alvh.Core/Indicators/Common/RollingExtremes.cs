namespace Alvh.Indicators;

/// <summary>
/// Maximum and minimum of the last <c>period</c> values. Each extreme is updated in O(1) and rescanned
/// only when it leaves the window (amortised O(1) on typical data, O(period) worst case).
/// </summary>
internal sealed class RollingExtremes
{
    private readonly double[] _window;
    private long _added;
    private int _nanCount;
    private bool _synced;
    private long _maxAt;
    private long _minAt;

    public RollingExtremes(int period) => _window = new double[period];

    public double Max { get; private set; } = double.NaN;

    public double Min { get; private set; } = double.NaN;

    /// <summary>Adds a value; true when the window is full and holds no NaN.</summary>
    public bool Add(double value)
    {
        int n = _window.Length;
        int slot = (int)(_added % n);
        if (_added >= n && double.IsNaN(_window[slot])) _nanCount--;
        if (double.IsNaN(value)) _nanCount++;
        _window[slot] = value;
        long now = _added++;
        if (_added < n || _nanCount > 0)
        {
            _synced = false;
            return false;
        }
        long oldest = now - n + 1;
        if (!_synced)
        {
            Rescan(oldest, max: true);
            Rescan(oldest, max: false);
            _synced = true;
            return true;
        }
        if (value >= Max) { Max = value; _maxAt = now; }
        else if (_maxAt < oldest) Rescan(oldest, max: true);
        if (value <= Min) { Min = value; _minAt = now; }
        else if (_minAt < oldest) Rescan(oldest, max: false);
        return true;
    }

    private void Rescan(long oldest, bool max)
    {
        int n = _window.Length;
        double best = _window[(int)(oldest % n)];
        long at = oldest;
        for (long t = oldest + 1; t < oldest + n; t++)
        {
            double x = _window[(int)(t % n)];
            if (max ? x >= best : x <= best)
            {
                best = x;
                at = t;
            }
        }
        if (max) { Max = best; _maxAt = at; }
        else { Min = best; _minAt = at; }
    }
}
