using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Alvh.Indicators;

/// <summary>
/// Parkinson (1980) high–low volatility, <b>annualised fraction</b>: √(252 · mean(ln(H/L)²) / (4 ln 2))
/// over the last <c>period</c> bars. First value at index <c>period − 1</c>. Windowed NaN policy.
/// </summary>
public static class ParkinsonVolatility
{
    private static readonly double Scale = RealisedVolatility.TradingDaysPerYear / (4.0 * Math.Log(2.0));

    // Bars per vector step: the lanes of LogKernel's logarithm.
    private const int Block = 8;

    // The finishing pass runs this many bars behind the running sum (see Run).
    private const int FinishLag = 4 * Block;

    /// <summary>Writes the Parkinson volatility into <paramref name="output"/>; all spans share one length.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1.</exception>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, int period, Span<double> output)
    {
        Guard.Period(period, 1, nameof(period));
        Guard.SameLength(high.Length, low.Length, nameof(low));
        Guard.SameLength(high.Length, output.Length, nameof(output));
        // Squared log ranges into a pooled buffer (each is read entering and leaving the window).
        var rented = ArrayPool<double>.Shared.Rent(high.Length);
        try
        {
            Run(high, low, rented.AsSpan(0, high.Length), period, output);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>The Parkinson volatility (default 21 bars), one output per bar.</summary>
    public static double[] Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, int period = 21)
    {
        var output = new double[high.Length];
        Compute(high, low, period, output);
        return output;
    }

    /// <summary>ln(H/L)²; NaN when either is NaN.</summary>
    internal static double SquaredLogRange(double high, double low)
    {
        double logRange = LogKernel.Log(high / low);
        return logRange * logRange;
    }

    /// <summary>Annualised volatility from the window mean of ln(H/L)².</summary>
    internal static double FromMean(double meanSquaredLogRange) => Math.Sqrt(Scale * meanSquaredLogRange);

    /// <summary>
    /// One pass, eight bars a step: the squared log ranges (<see cref="SquaredLogRange"/> in lanes), the
    /// window sums in order (<see cref="WindowSum"/>'s arithmetic, as <see cref="SmaStream"/> does them)
    /// into <paramref name="output"/>, and <see cref="FromMean"/> of sum/period in lanes. Why one pass:
    /// the divisions (H/L and sum/period) and square roots share the divider, the logarithm the vector
    /// multipliers and the running sum a chain of additions; in one loop they overlap instead of running
    /// as three passes (10,000 bars: 32 µs against 41 µs on this machine). The finishing step works
    /// <see cref="FinishLag"/> bars behind the sums: reading a block right after its eight scalar stores
    /// cannot be forwarded from the store buffer and stalled the loop (46 µs).
    /// </summary>
    private static void Run(ReadOnlySpan<double> high, ReadOnlySpan<double> low, Span<double> squared, int period, Span<double> output)
    {
        int length = output.Length;
        high = high[..length];
        low = low[..length];
        squared = squared[..length];
        ref double highs = ref MemoryMarshal.GetReference(high);
        ref double lows = ref MemoryMarshal.GetReference(low);
        ref double terms = ref MemoryMarshal.GetReference(squared);
        ref double result = ref MemoryMarshal.GetReference(output);
        var divisor = Vector512.Create((double)period);
        var scale = Vector512.Create(Scale);
        var window = new WindowMean(period);
        int i = 0;
        for (; i <= length - Block; i += Block)
        {
            var logRange = Vector512.Log(Vector512.LoadUnsafe(ref highs, (nuint)i) / Vector512.LoadUnsafe(ref lows, (nuint)i));
            var entering = logRange * logRange;
            entering.StoreUnsafe(ref terms, (nuint)i);
            if (window.Synced && Vector512.EqualsAll(entering, entering))
            {
                // A full clean window taking eight clean terms: sum += value − dropped.
                ref double leaving = ref Unsafe.Add(ref terms, i - period);
                ref double sums = ref Unsafe.Add(ref result, i);
                double sum = window.Sum;
                for (int j = 0; j < Block; j++)
                {
                    sum = WindowSum.Replace(sum, Unsafe.Add(ref terms, i + j), Unsafe.Add(ref leaving, j));
                    Unsafe.Add(ref sums, j) = sum;
                }
                window.SetSyncedSum(sum);
            }
            else
            {
                for (int j = i; j < i + Block; j++) output[j] = window.AddSum(squared, j);
            }
            if (i >= FinishLag) Finish(ref Unsafe.Add(ref result, i - FinishLag), divisor, scale);
        }
        for (int done = Math.Max(i - FinishLag, 0); done < i; done += Block) Finish(ref Unsafe.Add(ref result, done), divisor, scale);
        for (; i < length; i++)
        {
            squared[i] = SquaredLogRange(high[i], low[i]);
            output[i] = FromMean(window.AddSum(squared, i) / period);
        }
    }

    /// <summary>FromMean(sum / period) for eight bars in place; NaN stays NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish(ref double sums, Vector512<double> divisor, Vector512<double> scale) =>
        Vector512.Sqrt(scale * (Vector512.LoadUnsafe(ref sums) / divisor)).StoreUnsafe(ref sums);
}
