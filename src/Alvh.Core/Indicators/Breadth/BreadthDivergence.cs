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
        var stream = new BreadthDivergenceStream(lookback);
        for (int i = 0; i < price.Length; i++) output[i] = stream.Add(price[i], breadthLine[i]);
    }

    /// <summary>The divergence signal (default lookback 20 days), one per day.</summary>
    public static int[] Compute(ReadOnlySpan<double> price, ReadOnlySpan<double> breadthLine, int lookback = 20)
    {
        var output = new int[price.Length];
        Compute(price, breadthLine, lookback, output);
        return output;
    }
}
