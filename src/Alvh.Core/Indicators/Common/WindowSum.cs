using System.Runtime.CompilerServices;

namespace Alvh.Indicators;

/// <summary>
/// The arithmetic of a rolling sum, shared by batch loops (window = a slice of the input) and the
/// streaming <see cref="RollingSum"/> (window = a ring buffer), so both give the same bits: an exact
/// oldest-first sum on the first clean window, then <c>sum += value − dropped</c>.
/// </summary>
internal static class WindowSum
{
    /// <summary>Oldest-first sum of <paramref name="older"/> then <paramref name="newer"/>.</summary>
    public static double Exact(ReadOnlySpan<double> older, ReadOnlySpan<double> newer)
    {
        double sum = 0;
        foreach (double x in older) sum += x;
        foreach (double x in newer) sum += x;
        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Replace(double sum, double value, double dropped) => sum + (value - dropped);

    /// <summary>
    /// Rolling means (sum / period) of <paramref name="values"/> into <paramref name="output"/>; NaN during
    /// warm-up and while a NaN is in the window (the sum is recomputed exactly once it is clean).
    /// </summary>
    public static void Means(ReadOnlySpan<double> values, int period, Span<double> output)
    {
        output = output[..values.Length];
        var mean = new WindowMean(period);
        for (int i = 0; i < values.Length; i++) output[i] = mean.Add(values, i);
    }
}
