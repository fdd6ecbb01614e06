using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Alvh.Indicators;

/// <summary>
/// The arithmetic of rolling means, M2s and co-moment of pairs, shared by batch loops and the
/// streaming <see cref="RollingCoMoments"/> so both give the same bits: exact two passes on the first
/// clean window, then an O(1) centred replacement of the oldest pair. The M2s are carried unclamped;
/// outputs read them through <see cref="WindowMoments.NonNegative(Vector256{double})"/>.
/// </summary>
internal static class WindowCoMoments
{
    /// <summary>Means, M2s (unclamped) and co-moment of one window.</summary>
    public struct State
    {
        public double MeanX;
        public double MeanY;
        public double M2X;
        public double M2Y;
        public double CoMoment;
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
    /// Replaces the pair (dx, dy) by (x, y) with Δ = new − dropped, old means m, new means m′ = m + Δ/n
    /// (Welford's sliding form): M2x′ = M2x + Δx·((x − m′x) + (dx − mx)), likewise M2y, and
    /// C′ = C + Δx·(y − m′y) + (dx − mx)·Δy. Each running quantity takes one addition per bar on its
    /// dependency chain; everything else is computed from the inputs and the means alongside.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Replace(ref State s, double x, double y, double droppedX, double droppedY, double inverseN)
    {
        double deltaX = x - droppedX;
        double deltaY = y - droppedY;
        double meanX = s.MeanX + deltaX * inverseN;
        double meanY = s.MeanY + deltaY * inverseN;
        double leftX = droppedX - s.MeanX;
        double freshY = y - meanY;
        s.M2X += deltaX * ((x - meanX) + leftX);
        s.M2Y += deltaY * (freshY + (droppedY - s.MeanY));
        s.CoMoment += deltaX * freshY + leftX * deltaY;
        s.MeanX = meanX;
        s.MeanY = meanY;
    }

    /// <summary>
    /// Runs the rolling co-moments over aligned pairs into a sink of (C, M2x, M2y) per bar (M2s
    /// unclamped), clean run by clean run (see <see cref="MissingWindows.NextMissing"/>): exact moments
    /// on a run's first full window, then <see cref="Replace"/> bar by bar. Four bars per sink call, so
    /// the sink's divisions and square roots run as vector ops alongside the next bars' additions.
    /// </summary>
    public static void Run<TSink>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int period, ref TSink sink)
        where TSink : struct, VectorLoops.IBarSink, allows ref struct
    {
        y = y[..x.Length];
        double inverseN = 1.0 / period;
        ref double xStart = ref MemoryMarshal.GetReference(x);
        ref double yStart = ref MemoryMarshal.GetReference(y);
        int start = 0;
        while (start < x.Length)
        {
            int end = MissingWindows.NextMissing(x, y, start);
            int first = Math.Min(start + period - 1, end);
            sink.Missing(start, first);
            if (first < end)
            {
                // Through a temporary: passing the running state's address out would pin it to memory, and
                // every bar's update would then wait on a store and a reload.
                Exact(x.Slice(first - period + 1, period), default, y.Slice(first - period + 1, period), default, out State fresh);
                var s = fresh;
                sink.EmitOne(first, s.CoMoment, s.M2X, s.M2Y);
                int i = first + 1;
                for (; i <= end - Vector256<double>.Count; i += Vector256<double>.Count)
                {
                    ref double xs = ref Unsafe.Add(ref xStart, i);
                    ref double ys = ref Unsafe.Add(ref yStart, i);
                    ref double xLeaving = ref Unsafe.Add(ref xStart, i - period);
                    ref double yLeaving = ref Unsafe.Add(ref yStart, i - period);
                    Replace(ref s, xs, ys, xLeaving, yLeaving, inverseN);
                    double c0 = s.CoMoment, x0 = s.M2X, y0 = s.M2Y;
                    Replace(ref s, Unsafe.Add(ref xs, 1), Unsafe.Add(ref ys, 1), Unsafe.Add(ref xLeaving, 1), Unsafe.Add(ref yLeaving, 1), inverseN);
                    double c1 = s.CoMoment, x1 = s.M2X, y1 = s.M2Y;
                    Replace(ref s, Unsafe.Add(ref xs, 2), Unsafe.Add(ref ys, 2), Unsafe.Add(ref xLeaving, 2), Unsafe.Add(ref yLeaving, 2), inverseN);
                    double c2 = s.CoMoment, x2 = s.M2X, y2 = s.M2Y;
                    Replace(ref s, Unsafe.Add(ref xs, 3), Unsafe.Add(ref ys, 3), Unsafe.Add(ref xLeaving, 3), Unsafe.Add(ref yLeaving, 3), inverseN);
                    sink.Emit(i, Vector256.Create(c0, c1, c2, s.CoMoment), Vector256.Create(x0, x1, x2, s.M2X), Vector256.Create(y0, y1, y2, s.M2Y));
                }
                for (; i < end; i++)
                {
                    Replace(ref s, x[i], y[i], x[i - period], y[i - period], inverseN);
                    sink.EmitOne(i, s.CoMoment, s.M2X, s.M2Y);
                }
            }
            if (end < x.Length) sink.Missing(end, end + 1);
            start = end + 1;
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
