using System.Buffers;

namespace Alvh.Indicators;

/// <summary>
/// Rolling percentile rank in <b>percent</b> (0–100) of the current value among the last <c>period</c>
/// values (current included): 100·(count of the other values strictly below + ½·count equal)/(period − 1).
/// The window maximum scores 100, the minimum 0, a constant window 50. First value at index
/// <c>period − 1</c>. Windowed NaN policy (see <see cref="NaNPolicy"/>). The window is kept sorted:
/// O(log period) compares plus a short copy per bar.
/// </summary>
public static class PercentRank
{
    private const int StackWindow = 512;

    /// <summary>Writes the percentile rank into <paramref name="output"/> (same length).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 2.</exception>
    public static void Compute(ReadOnlySpan<double> values, int period, Span<double> output)
    {
        Guard.Period(period, 2, nameof(period));
        Guard.SameLength(values.Length, output.Length, nameof(output));
        double[]? rented = period > StackWindow ? ArrayPool<double>.Shared.Rent(period) : null;
        Span<double> sorted = rented is null ? stackalloc double[period] : rented.AsSpan(0, period);
        int lastMissing = -1;
        bool synced = false;
        for (int i = 0; i < values.Length; i++)
        {
            double value = values[i];
            if (double.IsNaN(value)) lastMissing = i;
            if (i - lastMissing < period)
            {
                synced = false;
                output[i] = double.NaN;
                continue;
            }
            if (synced)
            {
                SortedWindow.Replace(sorted, values[i - period], value);
            }
            else
            {
                values.Slice(i - period + 1, period).CopyTo(sorted);
                sorted.Sort();
                synced = true;
            }
            output[i] = SortedWindow.PercentRank(sorted, value);
        }
        if (rented is not null) ArrayPool<double>.Shared.Return(rented);
    }

    /// <summary>The rolling percentile rank in percent, one output per input.</summary>
    public static double[] Compute(ReadOnlySpan<double> values, int period)
    {
        var output = new double[values.Length];
        Compute(values, period, output);
        return output;
    }
}
