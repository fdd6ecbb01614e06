using System.Runtime.CompilerServices;

namespace Alvh.Indicators;

/// <summary>
/// The arithmetic of rolling means, M2s and co-moment of pairs, shared by batch loops and the
/// streaming <see cref="RollingCoMoments"/> so both give the same bits: exact two passes on the first
/// clean window, then an O(1) centred replacement of the oldest pair.
/// </summary>
internal static class WindowCoMoments
{
    /// <summary>Means, M2s and co-moment of one window.</summary>
    public struct State
    {
        public double MeanX;
        public double MeanY;
        public double M2X;
        public double M2Y;
        public double CoMoment;
    }

    /// <summary>Receives each bar of a batch run; a struct, so the JIT specialises and inlines it.</summary>
    public interface ISink
    {
        /// <summary>Bar <paramref name="index"/> has no value (warm-up or a missing pair in the window).</summary>
        void Missing(int index);

        /// <summary>Bar <paramref name="index"/> with the window's moments.</summary>
        void Emit(int index, in State state);
    }

    /// <summary>Exact moments of the pairs (x, y), each window given oldest first as two parts.</summary>
    public static void Exact(ReadOnlySpan<double> olderX, ReadOnlySpan<double> newerX, ReadOnlySpan<double> olderY, ReadOnlySpan<double> newerY, out State state)
    {
        int n = olderX.Length + newerX.Length;
        double mx = WindowSum.Exact(olderX, newerX) / n;
        double my = WindowSum.Exact(olderY, newerY) / n;
        double m2x = 0, m2y = 0, c = 0;
        Accumulate(olderX, olderY, mx, my, ref m2x, ref m2y, ref c);
        Accumulate(newerX, newerY, mx, my, ref m2x, ref m2y, ref c);
        state = new State { MeanX = mx, MeanY = my, M2X = m2x, M2Y = m2y, CoMoment = c };
    }

    /// <summary>
    /// Replaces (dx, dy) by (x, y) with the old means mx, my:
    /// C' = C + (x − mx)(y − my) − (dx − mx)(dy − my) − (x − dx)(y − dy)/n, likewise the M2s.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Replace(ref State s, double x, double y, double droppedX, double droppedY, double inverseN)
    {
        double deltaX = x - droppedX;
        double deltaY = y - droppedY;
        double ax = x - s.MeanX, bx = droppedX - s.MeanX;
        double ay = y - s.MeanY, by = droppedY - s.MeanY;
        double m2x = s.M2X + (ax * ax - bx * bx - deltaX * deltaX * inverseN);
        double m2y = s.M2Y + (ay * ay - by * by - deltaY * deltaY * inverseN);
        s.M2X = m2x < 0 ? 0 : m2x;
        s.M2Y = m2y < 0 ? 0 : m2y;
        s.CoMoment += ax * ay - bx * by - deltaX * deltaY * inverseN;
        s.MeanX += deltaX * inverseN;
        s.MeanY += deltaY * inverseN;
    }

    /// <summary>Runs the rolling co-moments over aligned pairs, one sink call per bar.</summary>
    public static void Run<TSink>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int period, ref TSink sink)
        where TSink : struct, ISink, allows ref struct
    {
        y = y[..x.Length];
        double inverseN = 1.0 / period;
        int lastMissing = -1;
        bool synced = false;
        var state = default(State);
        for (int i = 0; i < x.Length; i++)
        {
            double xi = x[i], yi = y[i];
            if (double.IsNaN(xi) || double.IsNaN(yi)) lastMissing = i;
            if (i - lastMissing < period)
            {
                synced = false;
                sink.Missing(i);
                continue;
            }
            if (synced)
            {
                Replace(ref state, xi, yi, x[i - period], y[i - period], inverseN);
            }
            else
            {
                // Through a temporary: passing the running state's address out would pin it to memory,
                // and every bar's update would then wait on a store and a reload.
                Exact(x.Slice(i - period + 1, period), default, y.Slice(i - period + 1, period), default, out State fresh);
                state = fresh;
            }
            synced = true;
            sink.Emit(i, state);
        }
    }

    private static void Accumulate(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double mx, double my, ref double m2x, ref double m2y, ref double c)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double dx = x[i] - mx, dy = y[i] - my;
            m2x += dx * dx;
            m2y += dy * dy;
            c += dx * dy;
        }
    }
}
