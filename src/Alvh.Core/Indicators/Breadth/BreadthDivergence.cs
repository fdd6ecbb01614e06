using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Alvh.Indicators;

/// <summary>
/// Divergence between price and a breadth line (usually the <see cref="AdvanceDeclineLine"/>) over the
/// last <c>lookback</c> days, current day included: −1 (bearish) when price closes at its
/// lookback-day high (≥ every value in the window) while the breadth line is below its own
/// lookback-day high; +1 (bullish) when price is at its lookback-day low while breadth is above its
/// low; 0 otherwise. Windowed NaN policy: 0 while a NaN of either series is in the window.
/// </summary>
public static class BreadthDivergence
{
    /// <summary>Writes the divergence signal into <paramref name="output"/>; all spans share one length.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lookback"/> is below 2.</exception>
    public static void Compute(ReadOnlySpan<double> price, ReadOnlySpan<double> breadthLine, int lookback, Span<int> output)
    {
        Guard.Period(lookback, 2, nameof(lookback));
        Guard.SameLength(price.Length, breadthLine.Length, nameof(breadthLine));
        Guard.SameLength(price.Length, output.Length, nameof(output));
        int lags = lookback - 1;
        output[..Math.Min(lags, output.Length)].Clear();
        // Every window is evaluated on its own (extremes of the other lookback − 1 days, vectorised across
        // eight days), so NaN windows are simply blanked afterwards.
        int i = Vector512.IsHardwareAccelerated ? Vectorised(price, breadthLine, lags, output) : lags;
        for (; i < price.Length; i++)
        {
            double priceMax = price[i], priceMin = priceMax, breadthMax = breadthLine[i], breadthMin = breadthMax;
            for (int t = i - lags; t < i; t++)
            {
                priceMax = Math.Max(priceMax, price[t]);
                priceMin = Math.Min(priceMin, price[t]);
                breadthMax = Math.Max(breadthMax, breadthLine[t]);
                breadthMin = Math.Min(breadthMin, breadthLine[t]);
            }
            output[i] = Signal(price[i], breadthLine[i], priceMax, priceMin, breadthMax, breadthMin);
        }
        MissingWindows.Blank(price, lookback, output, 0);
        MissingWindows.Blank(breadthLine, lookback, output, 0);
    }

    /// <summary>
    /// Signals for days lags, lags + 8, … eight at a time; returns the first day not done. Today's value
    /// against the extremes of the other days decides as against the extremes including today:
    /// p ≥ max(others) ⇔ p ≥ max(window), b &lt; max(others) ⇔ b &lt; max(window), and likewise for the lows.
    /// </summary>
    private static int Vectorised(ReadOnlySpan<double> price, ReadOnlySpan<double> breadthLine, int lags, Span<int> output)
    {
        ref double priceStart = ref MemoryMarshal.GetReference(price);
        ref double breadthStart = ref MemoryMarshal.GetReference(breadthLine);
        int i = lags;
        for (; i <= price.Length - Vector512<double>.Count; i += Vector512<double>.Count)
        {
            ref double priceWindow = ref Unsafe.Add(ref priceStart, i - lags);
            ref double breadthWindow = ref Unsafe.Add(ref breadthStart, i - lags);
            // The native max/min (vmaxpd/vminpd) rather than the IEEE 754-2019 ones: NaN windows are blanked
            // afterwards and the compares below treat −0 and +0 alike, so the cheaper forms decide the same.
            // Two accumulators per extreme (even and odd lags) halve the max/min dependency chains.
            var priceMax = Vector512.LoadUnsafe(ref priceWindow);
            var priceMin = priceMax;
            var breadthMax = Vector512.LoadUnsafe(ref breadthWindow);
            var breadthMin = breadthMax;
            var priceMaxOdd = priceMax;
            var priceMinOdd = priceMax;
            var breadthMaxOdd = breadthMax;
            var breadthMinOdd = breadthMax;
            int k = 1;
            for (; k + 1 < lags; k += 2)
            {
                var p = Vector512.LoadUnsafe(ref priceWindow, (nuint)k);
                var b = Vector512.LoadUnsafe(ref breadthWindow, (nuint)k);
                var pNext = Vector512.LoadUnsafe(ref priceWindow, (nuint)(k + 1));
                var bNext = Vector512.LoadUnsafe(ref breadthWindow, (nuint)(k + 1));
                priceMax = Vector512.MaxNative(priceMax, p);
                priceMin = Vector512.MinNative(priceMin, p);
                breadthMax = Vector512.MaxNative(breadthMax, b);
                breadthMin = Vector512.MinNative(breadthMin, b);
                priceMaxOdd = Vector512.MaxNative(priceMaxOdd, pNext);
                priceMinOdd = Vector512.MinNative(priceMinOdd, pNext);
                breadthMaxOdd = Vector512.MaxNative(breadthMaxOdd, bNext);
                breadthMinOdd = Vector512.MinNative(breadthMinOdd, bNext);
            }
            if (k < lags)
            {
                var p = Vector512.LoadUnsafe(ref priceWindow, (nuint)k);
                var b = Vector512.LoadUnsafe(ref breadthWindow, (nuint)k);
                priceMax = Vector512.MaxNative(priceMax, p);
                priceMin = Vector512.MinNative(priceMin, p);
                breadthMax = Vector512.MaxNative(breadthMax, b);
                breadthMin = Vector512.MinNative(breadthMin, b);
            }
            priceMax = Vector512.MaxNative(priceMax, priceMaxOdd);
            priceMin = Vector512.MinNative(priceMin, priceMinOdd);
            breadthMax = Vector512.MaxNative(breadthMax, breadthMaxOdd);
            breadthMin = Vector512.MinNative(breadthMin, breadthMinOdd);
            var today = Vector512.LoadUnsafe(ref priceStart, (nuint)i);
            var breadthToday = Vector512.LoadUnsafe(ref breadthStart, (nuint)i);
            ulong bearish = (Vector512.GreaterThanOrEqual(today, priceMax) & Vector512.LessThan(breadthToday, breadthMax)).ExtractMostSignificantBits();
            ulong bullish = (Vector512.LessThanOrEqual(today, priceMin) & Vector512.GreaterThan(breadthToday, breadthMin)).ExtractMostSignificantBits();
            if ((bearish | bullish) == 0)
            {
                Vector256<int>.Zero.StoreUnsafe(ref MemoryMarshal.GetReference(output), (nuint)i);
                continue;
            }
            for (int lane = 0; lane < Vector512<double>.Count; lane++)
            {
                // Bearish wins a tie, as in Signal.
                output[i + lane] = ((bearish >> lane) & 1) != 0 ? -1 : (int)((bullish >> lane) & 1);
            }
        }
        return i;
    }

    /// <summary>The divergence signal (default lookback 20 days), one per day.</summary>
    public static int[] Compute(ReadOnlySpan<double> price, ReadOnlySpan<double> breadthLine, int lookback = 20)
    {
        var output = new int[price.Length];
        Compute(price, breadthLine, lookback, output);
        return output;
    }

    /// <summary>The signal from today's values and the window's extremes (today included).</summary>
    internal static int Signal(double price, double breadth, double priceMax, double priceMin, double breadthMax, double breadthMin)
    {
        if (price >= priceMax && breadth < breadthMax) return -1;
        if (price <= priceMin && breadth > breadthMin) return 1;
        return 0;
    }
}
