using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Alvh.Indicators;

/// <summary>
/// The arithmetic of rolling mean and M2 (sum of squared deviations), shared by batch loops and the
/// streaming <see cref="RollingMoments"/> so both give the same bits: two exact passes on the first
/// clean window, then an O(1) centred replacement of the oldest value (stable for price levels).
/// The running M2 is carried unclamped (rounding can take it a hair below 0 on a near-constant
/// window); every output reads it through <see cref="NonNegative(double)"/>, so the clamp is off the running chain.
/// </summary>
internal static class WindowMoments
{
    /// <summary>Exact mean and M2 of <paramref name="older"/> then <paramref name="newer"/> (oldest first).</summary>
    public static void Exact(ReadOnlySpan<double> older, ReadOnlySpan<double> newer, out double mean, out double m2)
    {
        int n = older.Length + newer.Length;
        mean = WindowSum.Exact(older, newer) / n;
        double sum = 0;
        foreach (double x in older)
        {
            double d = x - mean;
            sum += d * d;
        }
        foreach (double x in newer)
        {
            double d = x - mean;
            sum += d * d;
        }
        m2 = sum;
    }

    /// <summary>
    /// Replaces <paramref name="dropped"/> by <paramref name="value"/> in a window of fixed size n (Welford's
    /// sliding form, old mean m, new mean m′): m′ = m + (x − d)/n, M2′ = M2 + (x − d)·((x − m′) + (d − m)).
    /// Each running quantity takes one addition per bar on its dependency chain; everything else is
    /// computed from the inputs and the means alongside. 1/n is passed precomputed (a multiply, not a division).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Replace(ref double mean, ref double m2, double value, double dropped, double inverseN)
    {
        double delta = value - dropped;
        double previousMean = mean;
        mean = previousMean + delta * inverseN;
        m2 += delta * ((value - mean) + (dropped - previousMean));
    }

    /// <summary>The running M2 as outputs read it: negative rounding residue becomes 0 (NaN stays NaN).</summary>
    public static double NonNegative(double m2) => m2 < 0 ? 0 : m2;

    /// <summary><see cref="NonNegative(double)"/> on four lanes (the same compare and select per lane).</summary>
    public static Vector256<double> NonNegative(Vector256<double> m2) =>
        Vector256.ConditionalSelect(Vector256.LessThan(m2, Vector256<double>.Zero), Vector256<double>.Zero, m2);

    /// <summary>
    /// Runs the rolling moments over <paramref name="values"/> into a sink of (value, mean, running M2)
    /// per bar, clean run by clean run (see
    /// <see cref="MissingWindows.NextMissing"/>): exact moments on a run's first full window, then
    /// <see cref="Replace"/> bar by bar. Why four bars per sink call: the running loop is bound by its
    /// additions, the sink's square roots and divisions by the divider; handing the sink four bars at a
    /// time lets it use vector roots and divisions (half the scalar cost per lane) while the next four
    /// bars' additions proceed alongside.
    /// </summary>
    public static void Run<TSink>(ReadOnlySpan<double> values, int period, ref TSink sink)
        where TSink : struct, VectorLoops.IBarSink, allows ref struct
    {
        double inverseN = 1.0 / period;
        ref double start0 = ref MemoryMarshal.GetReference(values);
        int start = 0;
        while (start < values.Length)
        {
            int end = MissingWindows.NextMissing(values, values, start);
            int first = Math.Min(start + period - 1, end);
            sink.Missing(start, first);
            if (first < end)
            {
                // Through temporaries: passing the running mean's and M2's addresses out would pin them to
                // memory, and every bar's update would then wait on a store and a reload.
                Exact(values.Slice(first - period + 1, period), default, out double freshMean, out double freshM2);
                double mean = freshMean, m2 = freshM2;
                sink.EmitOne(first, values[first], mean, m2);
                int i = first + 1;
                for (; i <= end - Vector256<double>.Count; i += Vector256<double>.Count)
                {
                    ref double entering = ref Unsafe.Add(ref start0, i);
                    ref double leaving = ref Unsafe.Add(ref start0, i - period);
                    Replace(ref mean, ref m2, entering, leaving, inverseN);
                    double mean0 = mean, m20 = m2;
                    Replace(ref mean, ref m2, Unsafe.Add(ref entering, 1), Unsafe.Add(ref leaving, 1), inverseN);
                    double mean1 = mean, m21 = m2;
                    Replace(ref mean, ref m2, Unsafe.Add(ref entering, 2), Unsafe.Add(ref leaving, 2), inverseN);
                    double mean2 = mean, m22 = m2;
                    Replace(ref mean, ref m2, Unsafe.Add(ref entering, 3), Unsafe.Add(ref leaving, 3), inverseN);
                    sink.Emit(i, Vector256.LoadUnsafe(ref entering), Vector256.Create(mean0, mean1, mean2, mean), Vector256.Create(m20, m21, m22, m2));
                }
                for (; i < end; i++)
                {
                    Replace(ref mean, ref m2, values[i], values[i - period], inverseN);
                    sink.EmitOne(i, values[i], mean, m2);
                }
            }
            if (end < values.Length) sink.Missing(end, end + 1);
            start = end + 1;
        }
    }
}
