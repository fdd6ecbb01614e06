namespace Alvh.Indicators;

/// <summary>
/// Streaming sum of the last <c>period</c> values in a ring buffer, with the arithmetic of
/// <see cref="WindowSum"/> (exact on the first clean window, then <c>sum += value − dropped</c>).
/// </summary>
internal sealed class RollingSum
{
    private readonly double[] _window;
    private int _next;
    private int _count;
    private int _nanCount;
    private bool _synced;

    public RollingSum(int period) => _window = new double[period];

    public double Sum { get; private set; } = double.NaN;

    /// <summary>Adds a value; true when the window is full and holds no NaN.</summary>
    public bool Add(double value)
    {
        var window = _window;
        int n = window.Length;
        int slot = _next;
        double dropped = window[slot];
        if (_synced && !double.IsNaN(value))
        {
            // Steady state: a full window without NaN (so the dropped value is clean) takes a clean value.
            window[slot] = value;
            _next = slot + 1 == n ? 0 : slot + 1;
            Sum = WindowSum.Replace(Sum, value, dropped);
            return true;
        }

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
        Sum = _synced ? WindowSum.Replace(Sum, value, dropped) : WindowSum.Exact(_window.AsSpan(_next), _window.AsSpan(0, _next));
        _synced = true;
        return true;
    }
}
