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
        var priceExtremes = default(Extremes);
        var breadthExtremes = default(Extremes);
        int lastMissing = -1;
        bool synced = false;
        for (int i = 0; i < price.Length; i++)
        {
            double p = price[i], b = breadthLine[i];
            if (double.IsNaN(p) || double.IsNaN(b)) lastMissing = i;
            if (i - lastMissing < lookback)
            {
                synced = false;
                output[i] = 0;
                continue;
            }
            int oldest = i - lookback + 1;
            if (synced)
            {
                priceExtremes.Add(price, oldest, i);
                breadthExtremes.Add(breadthLine, oldest, i);
            }
            else
            {
                priceExtremes.Rescan(price, oldest, i);
                breadthExtremes.Rescan(breadthLine, oldest, i);
                synced = true;
            }
            output[i] = Signal(p, b, priceExtremes.Max, priceExtremes.Min, breadthExtremes.Max, breadthExtremes.Min);
        }
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

    /// <summary>
    /// Max and min of <c>values[oldest..=newest]</c> over the input span itself: each extreme is updated in
    /// O(1) and rescanned only when it leaves the window (amortised O(1) on typical data).
    /// </summary>
    private struct Extremes
    {
        public double Max;
        public double Min;
        private int _maxAt;
        private int _minAt;

        public void Add(ReadOnlySpan<double> values, int oldest, int newest)
        {
            double value = values[newest];
            if (value >= Max)
            {
                Max = value;
                _maxAt = newest;
            }
            else if (_maxAt < oldest)
            {
                RescanMax(values, oldest, newest);
            }
            if (value <= Min)
            {
                Min = value;
                _minAt = newest;
            }
            else if (_minAt < oldest)
            {
                RescanMin(values, oldest, newest);
            }
        }

        public void Rescan(ReadOnlySpan<double> values, int oldest, int newest)
        {
            RescanMax(values, oldest, newest);
            RescanMin(values, oldest, newest);
        }

        private void RescanMax(ReadOnlySpan<double> values, int oldest, int newest)
        {
            int at = oldest;
            for (int t = oldest + 1; t <= newest; t++)
            {
                if (values[t] >= values[at]) at = t;
            }
            Max = values[at];
            _maxAt = at;
        }

        private void RescanMin(ReadOnlySpan<double> values, int oldest, int newest)
        {
            int at = oldest;
            for (int t = oldest + 1; t <= newest; t++)
            {
                if (values[t] <= values[at]) at = t;
            }
            Min = values[at];
            _minAt = at;
        }
    }
}
