namespace Alvh.Indicators;

/// <summary>
/// Maximum and minimum of the last <c>period</c> values. Each extreme is updated in O(1) and rescanned
/// only when it leaves the window (amortised O(1) on typical data, O(period) worst case). The ring is
/// walked with a plain wrapping index (no 64-bit modulo per value or per rescanned element).
/// </summary>
internal sealed class RollingExtremes
{
    private readonly double[] _window;
    private int _next;
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
        int slot = _next;
        _next = slot + 1 == n ? 0 : slot + 1;
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

    /// <summary>Rescans the full window; the oldest value (time <paramref name="oldest"/>) sits at slot <c>_next</c>.</summary>
    private void Rescan(long oldest, bool max)
    {
        int n = _window.Length;
        int slot = _next;
        double best = _window[slot];
        int bestOffset = 0;
        for (int offset = 1; offset < n; offset++)
        {
            slot = slot + 1 == n ? 0 : slot + 1;
            double x = _window[slot];
            if (max ? x >= best : x <= best)
            {
                best = x;
                bestOffset = offset;
            }
        }
        if (max) { Max = best; _maxAt = oldest + bestOffset; }
        else { Min = best; _minAt = oldest + bestOffset; }
    }
}
