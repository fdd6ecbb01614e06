using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
                if (Avx.IsSupported && end - block >= 4 * RestartEvery)
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
    /// Inputs come four steps at a time as four loads per series turned into lanes by a 4×4 transpose;
    /// each step's (C, M2x, M2y) lanes go to <paramref name="buffer"/> as one row, and are transposed back
    /// into four consecutive bars of one block for the sink.
    /// </summary>
    private static void FourBlocks<TSink>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int period, int first, double[] buffer, ref TSink sink)
        where TSink : struct, VectorLoops.IBarSink, allows ref struct
    {
        const int K = RestartEvery;
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
        var lanes = new LaneState
        {
            MeanX = Vector256.Create<double>(start[..4]),
            MeanY = Vector256.Create<double>(start[4..8]),
            M2X = Vector256.Create<double>(start[8..12]),
            M2Y = Vector256.Create<double>(start[12..16]),
            CoMoment = Vector256.Create<double>(start[16..20]),
        };
        var inverseN = Vector256.Create(1.0 / period);
        ref double rows = ref buffer[0]; // row t: C, M2x, M2y of the four lanes at step t
        ref double xFirst = ref Unsafe.Add(ref MemoryMarshal.GetReference(x), first);
        ref double yFirst = ref Unsafe.Add(ref MemoryMarshal.GetReference(y), first);
        lanes.StoreRow(ref rows, 0);
        int t = 1;
        for (; t <= K - 4; t += 4)
        {
            Transpose(ref xFirst, t, out var x0, out var x1, out var x2, out var x3);
            Transpose(ref yFirst, t, out var y0, out var y1, out var y2, out var y3);
            Transpose(ref xFirst, t - period, out var dx0, out var dx1, out var dx2, out var dx3);
            Transpose(ref yFirst, t - period, out var dy0, out var dy1, out var dy2, out var dy3);
            lanes.Replace(x0, y0, dx0, dy0, inverseN);
            lanes.StoreRow(ref rows, t);
            lanes.Replace(x1, y1, dx1, dy1, inverseN);
            lanes.StoreRow(ref rows, t + 1);
            lanes.Replace(x2, y2, dx2, dy2, inverseN);
            lanes.StoreRow(ref rows, t + 2);
            lanes.Replace(x3, y3, dx3, dy3, inverseN);
            lanes.StoreRow(ref rows, t + 3);
        }
        for (; t < K; t++)
        {
            lanes.Replace(Gather(ref xFirst, t), Gather(ref yFirst, t), Gather(ref xFirst, t - period), Gather(ref yFirst, t - period), inverseN);
            lanes.StoreRow(ref rows, t);
        }
        for (t = 0; t < K; t += 4)
        {
            ref double row = ref Unsafe.Add(ref rows, 12 * t);
            Transpose(ref row, 0, 12, out var c0, out var c1, out var c2, out var c3);
            Transpose(ref row, 4, 12, out var mx0, out var mx1, out var mx2, out var mx3);
            Transpose(ref row, 8, 12, out var my0, out var my1, out var my2, out var my3);
            sink.Emit(first + t, c0, mx0, my0);
            sink.Emit(first + K + t, c1, mx1, my1);
            sink.Emit(first + 2 * K + t, c2, mx2, my2);
            sink.Emit(first + 3 * K + t, c3, mx3, my3);
        }
    }

    /// <summary><see cref="State"/> of four blocks, one per lane.</summary>
    private struct LaneState
    {
        public Vector256<double> MeanX, MeanY, M2X, M2Y, CoMoment;

        /// <summary><see cref="WindowCoMoments.Replace"/>, operation for operation, in every lane.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Replace(Vector256<double> x, Vector256<double> y, Vector256<double> droppedX, Vector256<double> droppedY, Vector256<double> inverseN)
        {
            var deltaX = x - droppedX;
            var deltaY = y - droppedY;
            var meanX = MeanX + deltaX * inverseN;
            var meanY = MeanY + deltaY * inverseN;
            var leftX = droppedX - MeanX;
            var freshY = y - meanY;
            M2X += deltaX * ((x - meanX) + leftX);
            M2Y += deltaY * (freshY + (droppedY - MeanY));
            CoMoment += deltaX * freshY + leftX * deltaY;
            MeanX = meanX;
            MeanY = meanY;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void StoreRow(ref double rows, int t)
        {
            CoMoment.StoreUnsafe(ref rows, (nuint)(12 * t));
            M2X.StoreUnsafe(ref rows, (nuint)(12 * t + 4));
            M2Y.StoreUnsafe(ref rows, (nuint)(12 * t + 8));
        }
    }

    /// <summary>Steps t..t+3 of the four blocks (<see cref="RestartEvery"/> apart) as four vectors of lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose(ref double first, int t, out Vector256<double> step0, out Vector256<double> step1, out Vector256<double> step2, out Vector256<double> step3) =>
        Transpose(ref first, t, RestartEvery, out step0, out step1, out step2, out step3);

    /// <summary>
    /// Rows of four at <c>t</c>, <c>t + stride</c>, <c>t + 2·stride</c>, <c>t + 3·stride</c>, transposed: vector k
    /// holds element k of each row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose(ref double first, int t, int stride, out Vector256<double> column0, out Vector256<double> column1, out Vector256<double> column2, out Vector256<double> column3)
    {
        var r0 = Vector256.LoadUnsafe(ref Unsafe.Add(ref first, t));
        var r1 = Vector256.LoadUnsafe(ref Unsafe.Add(ref first, t + stride));
        var r2 = Vector256.LoadUnsafe(ref Unsafe.Add(ref first, t + 2 * stride));
        var r3 = Vector256.LoadUnsafe(ref Unsafe.Add(ref first, t + 3 * stride));
        var low01 = Avx.UnpackLow(r0, r1);
        var high01 = Avx.UnpackHigh(r0, r1);
        var low23 = Avx.UnpackLow(r2, r3);
        var high23 = Avx.UnpackHigh(r2, r3);
        column0 = Avx.Permute2x128(low01, low23, 0x20);
        column1 = Avx.Permute2x128(high01, high23, 0x20);
        column2 = Avx.Permute2x128(low01, low23, 0x31);
        column3 = Avx.Permute2x128(high01, high23, 0x31);
    }

    /// <summary>Step <paramref name="t"/> of the four blocks, one load per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Gather(ref double first, int t) => Vector256.Create(
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
