namespace Alvh.Indicators;

/// <summary>
/// Sum of the last <c>period</c> values, updated as <c>sum += value - dropped</c> and recomputed
/// from the window (oldest first) on the first full window and whenever it becomes clean after a NaN.
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
        if (!_synced)
        {
            double sum = 0;
            for (int k = 0, j = _next; k < n; k++, j = j + 1 == n ? 0 : j + 1) sum += _window[j];
            Sum = sum;
            _synced = true;
            return true;
        }
        Sum += value - dropped;
        return true;
    }
}
