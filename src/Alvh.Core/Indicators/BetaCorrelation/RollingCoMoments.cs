namespace Alvh.Indicators;

/// <summary>
/// Means, M2s and co-moment of the last <c>period</c> pairs, updated in O(1) by replacing the oldest
/// pair (centred update) and recomputed exactly on the first full window and whenever the window
/// becomes clean after a NaN. A pair with either side NaN counts as missing.
/// </summary>
internal sealed class RollingCoMoments
{
    private readonly double[] _x;
    private readonly double[] _y;
    private int _next;
    private int _count;
    private int _nanCount;
    private bool _synced;

    public RollingCoMoments(int period)
    {
        _x = new double[period];
        _y = new double[period];
    }

    public double MeanX { get; private set; }

    public double MeanY { get; private set; }

    public double M2X { get; private set; }

    public double M2Y { get; private set; }

    public double CoMoment { get; private set; }

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
        if (!_synced)
        {
            Resync();
            _synced = true;
            return true;
        }
        // Replace (dx, dy) by (x, y) with the old means mx, my:
        // C' = C + (x − mx)(y − my) − (dx − mx)(dy − my) − (x − dx)(y − dy)/n.
        double mx = MeanX;
        double my = MeanY;
        double deltaX = x - droppedX;
        double deltaY = y - droppedY;
        double ax = x - mx, bx = droppedX - mx;
        double ay = y - my, by = droppedY - my;
        double m2x = M2X + (ax * ax - bx * bx - deltaX * deltaX / n);
        double m2y = M2Y + (ay * ay - by * by - deltaY * deltaY / n);
        M2X = m2x < 0 ? 0 : m2x;
        M2Y = m2y < 0 ? 0 : m2y;
        CoMoment += ax * ay - bx * by - deltaX * deltaY / n;
        MeanX = mx + deltaX / n;
        MeanY = my + deltaY / n;
        return true;
    }

    private void Resync()
    {
        int n = _x.Length;
        double sumX = 0, sumY = 0;
        for (int k = 0, j = _next; k < n; k++, j = j + 1 == n ? 0 : j + 1)
        {
            sumX += _x[j];
            sumY += _y[j];
        }
        double mx = sumX / n, my = sumY / n;
        double m2x = 0, m2y = 0, c = 0;
        for (int k = 0, j = _next; k < n; k++, j = j + 1 == n ? 0 : j + 1)
        {
            double dx = _x[j] - mx, dy = _y[j] - my;
            m2x += dx * dx;
            m2y += dy * dy;
            c += dx * dy;
        }
        MeanX = mx;
        MeanY = my;
        M2X = m2x;
        M2Y = m2y;
        CoMoment = c;
    }
}
