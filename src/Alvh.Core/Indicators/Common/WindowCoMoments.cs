using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Alvh.Indicators;

/// <summary>
/// The arithmetic of rolling means, M2s and co-moment of pairs, shared by batch loops and the
/// streaming <see cref="RollingCoMoments"/> so both give the same bits: exact two passes on the first
/// clean window and every <see cref="RestartEvery"/> bars after it, an O(1) centred replacement of the
/// oldest pair between. The M2s are carried unclamped;
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
    /// Replacements between two exact restarts: the state is recomputed exactly (two passes) on the first
    /// full window of each clean run and every this many bars after it, in batch and stream alike. Why:
    /// blocks that start from an exact state are independent, so the batch runs four of them side by side
    /// in vector lanes instead of one chain of scalar additions; restarting also bounds the drift of the
    /// running sums. 256 keeps the restarts (60 pairs, two passes each) a few per cent of the work.
    /// </summary>
    public const int RestartEvery = 256;

    /// <summary>
    /// Runs the rolling co-moments over aligned pairs into a sink of (C, M2x, M2y) per bar (M2s
    /// unclamped), clean run by clean run (see <see cref="MissingWindows.NextMissing"/>): exact moments
    /// on a run's first full window and every <see cref="RestartEvery"/> bars after it, <see cref="Replace"/>
    /// bar by bar between. Four blocks at a time go through <see cref="FourBlocks"/>; the rest one block
    /// at a time, four bars per sink call, so the sink's divisions and square roots run as vector ops.
    /// </summary>
    public static void Run<TSink>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int period, ref TSink sink)
        where TSink : struct, VectorLoops.IBarSink, allows ref struct
    {
        y = y[..x.Length];
        double[]? rented = null;
        try
        {
            int start = 0;
            while (start < x.Length)
            {
                int end = MissingWindows.NextMissing(x, y, start);
                int first = Math.Min(start + period - 1, end);
                sink.Missing(start, first);
                int block = first;
                if (end - block >= 4 * RestartEvery)
                {
                    rented ??= System.Buffers.ArrayPool<double>.Shared.Rent(3 * 4 * RestartEvery);
                    for (; end - block >= 4 * RestartEvery; block += 4 * RestartEvery)
                    {
                        FourBlocks(x, y, period, block, rented, ref sink);
                    }
                }
                for (; block < end; block += RestartEvery)
                {
                    OneBlock(x, y, period, block, Math.Min(block + RestartEvery, end), ref sink);
                }
                if (end < x.Length) sink.Missing(end, end + 1);
                start = end + 1;
            }
        }
        finally
        {
            if (rented is not null) System.Buffers.ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>Exact moments at bar <paramref name="first"/>, then replacements up to <paramref name="end"/>.</summary>
    private static void OneBlock<TSink>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int period, int first, int end, ref TSink sink)
        where TSink : struct, VectorLoops.IBarSink, allows ref struct
    {
        double inverseN = 1.0 / period;
        ref double xStart = ref MemoryMarshal.GetReference(x);
        ref double yStart = ref MemoryMarshal.GetReference(y);
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

    /// <summary>
    /// Four whole blocks from bar <paramref name="first"/>, block j in lane j: the same operations as
    /// <see cref="Replace"/>, lane by lane (IEEE rounding is per lane, so each lane has the scalar bits).
    /// The lanes' (C, M2x, M2y) go to <paramref name="buffer"/> by bar, then to the sink four bars at a time.
    /// </summary>
    private static void FourBlocks<TSink>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int period, int first, double[] buffer, ref TSink sink)
        where TSink : struct, VectorLoops.IBarSink, allows ref struct
    {
        const int K = RestartEvery;
        var inverseN = Vector256.Create(1.0 / period);
        Span<double> start = stackalloc double[5 * 4];
        for (int lane = 0; lane < 4; lane++)
        {
            int bar = first + lane * K;
            Exact(x.Slice(bar - period + 1, period), default, y.Slice(bar - period + 1, period), default, out State fresh);
            start[lane] = fresh.MeanX;
            start[4 + lane] = fresh.MeanY;
            start[8 + lane] = fresh.M2X;
            start[12 + lane] = fresh.M2Y;
            start[16 + lane] = fresh.CoMoment;
        }
        var meanX = Vector256.Create<double>(start[..4]);
        var meanY = Vector256.Create<double>(start[4..8]);
        var m2x = Vector256.Create<double>(start[8..12]);
        var m2y = Vector256.Create<double>(start[12..16]);
        var coMoment = Vector256.Create<double>(start[16..20]);
        ref double cOut = ref buffer[0];
        ref double xOut = ref buffer[4 * K];
        ref double yOut = ref buffer[8 * K];
        ref double xFirst = ref Unsafe.Add(ref MemoryMarshal.GetReference(x), first);
        ref double yFirst = ref Unsafe.Add(ref MemoryMarshal.GetReference(y), first);
        for (int t = 0; t < K; t++)
        {
            if (t > 0)
            {
                var xs = Lanes(ref xFirst, t);
                var ys = Lanes(ref yFirst, t);
                var droppedX = Lanes(ref xFirst, t - period);
                var droppedY = Lanes(ref yFirst, t - period);
                // Replace, lane-wise, operation for operation.
                var deltaX = xs - droppedX;
                var deltaY = ys - droppedY;
                var newMeanX = meanX + deltaX * inverseN;
                var newMeanY = meanY + deltaY * inverseN;
                var leftX = droppedX - meanX;
                var freshY = ys - newMeanY;
                m2x += deltaX * ((xs - newMeanX) + leftX);
                m2y += deltaY * (freshY + (droppedY - meanY));
                coMoment += deltaX * freshY + leftX * deltaY;
                meanX = newMeanX;
                meanY = newMeanY;
            }
            for (int lane = 0; lane < 4; lane++)
            {
                int at = lane * K + t;
                Unsafe.Add(ref cOut, at) = coMoment.GetElement(lane);
                Unsafe.Add(ref xOut, at) = m2x.GetElement(lane);
                Unsafe.Add(ref yOut, at) = m2y.GetElement(lane);
            }
        }
        for (int at = 0; at < 4 * K; at += Vector256<double>.Count)
        {
            sink.Emit(first + at, Vector256.LoadUnsafe(ref cOut, (nuint)at), Vector256.LoadUnsafe(ref xOut, (nuint)at), Vector256.LoadUnsafe(ref yOut, (nuint)at));
        }
    }

    /// <summary>The values at offset <paramref name="t"/> of the four blocks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Lanes(ref double first, int t) => Vector256.Create(
        Unsafe.Add(ref first, t),
        Unsafe.Add(ref first, RestartEvery + t),
        Unsafe.Add(ref first, 2 * RestartEvery + t),
        Unsafe.Add(ref first, 3 * RestartEvery + t));

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
