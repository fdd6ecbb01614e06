namespace Alvh.Indicators;

/// <summary>
/// A window kept sorted in a small array: the oldest value is replaced by the newest with two binary
/// searches and a shift of the values between them (O(log w) compares plus a short shift), and ranks
/// are two binary searches. The shift is a plain loop: Span.CopyTo on overlapping ranges falls back to
/// the native memmove, whose call overhead dominated at these lengths. NaN-free windows only (the callers resynchronise
/// after a NaN leaves).
/// </summary>
internal static class SortedWindow
{
    // Branch-free binary searches: the comparisons are unpredictable on market data, so the
    // step is a conditional move rather than a branch (window lengths are at least 1).

    /// <summary>Index of the first element not below <paramref name="x"/>.</summary>
    public static int LowerBound(ReadOnlySpan<double> sorted, double x)
    {
        if (sorted.IsEmpty) return 0;
        int low = 0, length = sorted.Length;
        while (length > 1)
        {
            int half = length >> 1;
            low = sorted[low + half] < x ? low + half : low;
            length -= half;
        }
        return sorted[low] < x ? low + 1 : low;
    }

    /// <summary>Index of the first element above <paramref name="x"/>.</summary>
    public static int UpperBound(ReadOnlySpan<double> sorted, double x)
    {
        if (sorted.IsEmpty) return 0;
        int low = 0, length = sorted.Length;
        while (length > 1)
        {
            int half = length >> 1;
            low = sorted[low + half] <= x ? low + half : low;
            length -= half;
        }
        return sorted[low] <= x ? low + 1 : low;
    }

    /// <summary>Removes one element equal to <paramref name="dropped"/> and inserts <paramref name="value"/>, keeping the order.</summary>
    public static void Replace(Span<double> sorted, double dropped, double value)
    {
        int from = LowerBound(sorted, dropped);
        if (value > dropped)
        {
            // Elements in (from, to) lie in [dropped, value): shift them down one and put value last.
            int to = LowerBound(sorted, value);
            for (int k = from; k < to - 1; k++) sorted[k] = sorted[k + 1];
            sorted[to - 1] = value;
        }
        else if (value < dropped)
        {
            // Elements in [to, from) lie in [value, dropped]: shift them up one and put value first.
            int to = LowerBound(sorted[..from], value);
            for (int k = from; k > to; k--) sorted[k] = sorted[k - 1];
            sorted[to] = value;
        }
        else
        {
            sorted[from] = value;
        }
    }

    /// <summary>
    /// Percentile rank (percent) of <paramref name="value"/>, which is in the window:
    /// 100·(count strictly below + ½·(count equal − 1))/(n − 1).
    /// </summary>
    public static double PercentRank(ReadOnlySpan<double> sorted, double value)
    {
        int below = LowerBound(sorted, value);
        int equal = UpperBound(sorted, value) - below;
        return Percent(below, equal, sorted.Length);
    }

    /// <summary>The rank formula from counts; <paramref name="equal"/> counts the current value itself once.</summary>
    public static double Percent(int below, int equal, int n) => 100.0 * (below + 0.5 * (equal - 1)) / (n - 1);
}
