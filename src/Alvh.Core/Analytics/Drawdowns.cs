namespace Alvh.Analytics;

/// <summary>
/// Drawdowns of a daily equity curve (any positive value series: equity, NAV, index level). The
/// drawdown at t is Eₜ / max_{s≤t} Eₛ − 1, a <b>fraction in [−1, 0]</b> (the "underwater curve").
/// </summary>
public static class Drawdowns
{
    /// <summary>Writes the drawdown series Eₜ/max_{s≤t}Eₛ − 1 (fractions ≤ 0) into <paramref name="output"/> (same length).</summary>
    public static void Series(ReadOnlySpan<double> equity, Span<double> output)
    {
        Require.SameLength(equity.Length, output.Length, nameof(output));
        double peak = double.NegativeInfinity;
        for (int t = 0; t < equity.Length; t++)
        {
            if (equity[t] > peak) peak = equity[t];
            output[t] = equity[t] / peak - 1.0;
        }
    }

    /// <summary>The drawdown series (underwater curve), one fraction ≤ 0 per point.</summary>
    public static double[] Series(ReadOnlySpan<double> equity)
    {
        var output = new double[equity.Length];
        Series(equity, output);
        return output;
    }

    /// <summary>
    /// The maximum drawdown: the deepest Eₜ/peak − 1 with its peak, trough and recovery. The peak is the
    /// latest point at which the running high was reached (a return to the same high starts afresh); among
    /// equally deep troughs the first is kept.
    /// </summary>
    public static DrawdownPeriod Maximum(ReadOnlySpan<double> equity, ReadOnlySpan<DateOnly> dates)
    {
        Require.AtLeast(equity.Length, 1, nameof(equity));
        Require.SameLength(equity.Length, dates.Length, nameof(dates));
        return MaximumCore(equity, dates, 0);
    }

    /// <summary>
    /// The maximum drawdown inside the window [<paramref name="from"/>, <paramref name="to"/>] (inclusive dates),
    /// computed on the window's own curve: the first point in the window is the initial peak, and recovery is
    /// looked for inside the window only. Indices in the result refer to the full curve.
    /// </summary>
    /// <exception cref="ArgumentException">The window holds no point of the curve.</exception>
    public static DrawdownPeriod MaximumInWindow(ReadOnlySpan<double> equity, ReadOnlySpan<DateOnly> dates, DateOnly from, DateOnly to)
    {
        Require.SameLength(equity.Length, dates.Length, nameof(dates));
        int start = LowerBound(dates, from);
        int end = LowerBound(dates, to.AddDays(1));
        if (end <= start) throw new ArgumentException($"no point between {from} and {to}", nameof(from));
        return MaximumCore(equity[start..end], dates[start..end], start);
    }

    /// <summary>
    /// Ulcer index (Peter G. Martin &amp; Byron McCann, "The Investor's Guide to Fidelity Funds", 1989):
    /// √(mean over all points of Dₜ²) with Dₜ the drawdown from the running high since the start. Returned as a
    /// <b>fraction</b> (Martin states it in percent: multiply by 100). NaN when empty.
    /// </summary>
    public static double UlcerIndex(ReadOnlySpan<double> equity)
    {
        if (equity.Length == 0) return double.NaN;
        double peak = double.NegativeInfinity;
        double sum = 0.0;
        foreach (double value in equity)
        {
            if (value > peak) peak = value;
            double drawdown = value / peak - 1.0;
            sum += drawdown * drawdown;
        }
        return Math.Sqrt(sum / equity.Length);
    }

    private static DrawdownPeriod MaximumCore(ReadOnlySpan<double> equity, ReadOnlySpan<DateOnly> dates, int offset)
    {
        int peak = 0, bestPeak = 0, bestTrough = 0;
        double deepest = 0.0;
        for (int t = 1; t < equity.Length; t++)
        {
            if (equity[t] >= equity[peak])
            {
                peak = t;
                continue;
            }
            double drawdown = equity[t] / equity[peak] - 1.0;
            if (drawdown < deepest)
            {
                deepest = drawdown;
                bestPeak = peak;
                bestTrough = t;
            }
        }
        int? recovery = null;
        if (deepest == 0.0)
        {
            recovery = 0;
        }
        else
        {
            for (int t = bestTrough + 1; t < equity.Length; t++)
            {
                if (equity[t] >= equity[bestPeak])
                {
                    recovery = t;
                    break;
                }
            }
        }
        return new DrawdownPeriod(
            deepest,
            bestPeak + offset,
            bestTrough + offset,
            recovery + offset,
            dates[bestPeak],
            dates[bestTrough],
            recovery is { } r ? dates[r] : null);
    }

    private static int LowerBound(ReadOnlySpan<DateOnly> dates, DateOnly date)
    {
        int index = dates.BinarySearch(date);
        return index < 0 ? ~index : index;
    }
}
