namespace Alvh.Indicators;

/// <summary>
/// Mean and sum of squared deviations (M2) of the last <c>period</c> values, updated in O(1) by
/// replacing the oldest value (centred update, stable for price levels), and recomputed exactly
/// (two passes) on the first full window and whenever the window becomes clean after a NaN.
/// Shared by batch and streaming code so both produce bitwise-identical results.
/// </summary>
internal sealed class RollingMoments
{
    private readonly double[] _window;
    private int _next;
    private int _count;
    private int _nanCount;
    private bool _synced;

    public RollingMoments(int period) => _window = new double[period];

    public double Mean { get; private set; } = double.NaN;

    public double M2 { get; private set; } = double.NaN;

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
        if (!_synced)
        {
            Resync();
            _synced = true;
            return true;
        }
        // Replace `dropped` by `value` in a window of fixed size n (old means on the right):
        // M2' = M2 + (x - m)^2 - (d - m)^2 - (x - d)^2 / n,  m' = m + (x - d) / n.
        double mean = Mean;
        double delta = value - dropped;
        double a = value - mean;
        double b = dropped - mean;
        double m2 = M2 + (a * a - b * b - delta * delta / n);
        M2 = m2 < 0 ? 0 : m2;
        Mean = mean + delta / n;
        return true;
    }

    private void Resync()
    {
        int n = _window.Length;
        double sum = 0;
        for (int k = 0, j = _next; k < n; k++, j = j + 1 == n ? 0 : j + 1) sum += _window[j];
        double mean = sum / n;
        double m2 = 0;
        for (int k = 0, j = _next; k < n; k++, j = j + 1 == n ? 0 : j + 1)
        {
            double d = _window[j] - mean;
            m2 += d * d;
        }
        Mean = mean;
        M2 = m2;
    }
}
