using System.Runtime.CompilerServices;

namespace Alvh.Indicators;

/// <summary>
/// The arithmetic of rolling mean and M2 (sum of squared deviations), shared by batch loops and the
/// streaming <see cref="RollingMoments"/> so both give the same bits: two exact passes on the first
/// clean window, then an O(1) centred replacement of the oldest value (stable for price levels).
/// </summary>
internal static class WindowMoments
{
    /// <summary>Receives each bar of a batch run; a struct, so the JIT specialises and inlines it.</summary>
    public interface ISink
    {
        /// <summary>Bar <paramref name="index"/> has no value (warm-up or a NaN in the window).</summary>
        void Missing(int index);

        /// <summary>Bar <paramref name="index"/> with its value and the window's mean and M2.</summary>
        void Emit(int index, double value, double mean, double m2);
    }

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
    /// Replaces <paramref name="dropped"/> by <paramref name="value"/> in a window of fixed size n
    /// (old mean m on the right): M2' = M2 + (x − m)² − (d − m)² − (x − d)²/n, m' = m + (x − d)/n.
    /// 1/n is passed precomputed: a multiply instead of two divisions per bar.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Replace(ref double mean, ref double m2, double value, double dropped, double inverseN)
    {
        double delta = value - dropped;
        double a = value - mean;
        double b = dropped - mean;
        double next = m2 + (a * a - b * b - delta * delta * inverseN);
        m2 = next < 0 ? 0 : next;
        mean += delta * inverseN;
    }

    /// <summary>Runs the rolling moments over <paramref name="values"/>, one sink call per bar.</summary>
    public static void Run<TSink>(ReadOnlySpan<double> values, int period, ref TSink sink)
        where TSink : struct, ISink, allows ref struct
    {
        double inverseN = 1.0 / period;
        int lastMissing = -1;
        bool synced = false;
        double mean = 0, m2 = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double value = values[i];
            if (double.IsNaN(value)) lastMissing = i;
            if (i - lastMissing < period)
            {
                synced = false;
                sink.Missing(i);
                continue;
            }
            if (synced)
            {
                Replace(ref mean, ref m2, value, values[i - period], inverseN);
            }
            else
            {
                // Through temporaries: passing the running mean's and M2's addresses out would pin them
                // to memory, and every bar's update would then wait on a store and a reload.
                Exact(values.Slice(i - period + 1, period), default, out double freshMean, out double freshM2);
                mean = freshMean;
                m2 = freshM2;
            }
            synced = true;
            sink.Emit(i, value, mean, m2);
        }
    }
}
