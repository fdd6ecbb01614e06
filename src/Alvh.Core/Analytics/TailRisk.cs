using System.Buffers;

namespace Alvh.Analytics;

/// <summary>
/// Historical (empirical) value at risk and expected shortfall of daily returns (fractions, one day,
/// not annualised). Both are stated as <b>returns</b>, so a loss is negative: VaR₉₅ = −0.02 means "on 5 %
/// of days the return was −2 % or worse". Quantile convention: linear interpolation between order
/// statistics, Hyndman &amp; Fan (1996) definition 7 — numpy's default <c>np.quantile(x, p)</c> and Excel's
/// PERCENTILE.INC: with x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎ and h = (n − 1)p, Q(p) = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋₊₁₎ − x₍⌊h⌋₎).
/// </summary>
public static class TailRisk
{
    /// <summary>Default confidence level (0.95).</summary>
    public const double DefaultConfidence = 0.95;

    /// <summary>The type-7 (linear) quantile at <paramref name="probability"/> ∈ [0, 1] of values already sorted ascending.</summary>
    public static double QuantileOfSorted(ReadOnlySpan<double> sortedAscending, double probability)
    {
        Require.AtLeast(sortedAscending.Length, 1, nameof(sortedAscending));
        if (!(probability >= 0.0 && probability <= 1.0)) throw new ArgumentOutOfRangeException(nameof(probability), probability, "must be in [0, 1]");
        double h = (sortedAscending.Length - 1) * probability;
        int below = (int)Math.Floor(h);
        if (below >= sortedAscending.Length - 1) return sortedAscending[^1];
        return sortedAscending[below] + (h - below) * (sortedAscending[below + 1] - sortedAscending[below]);
    }

    /// <summary>
    /// Historical VaR at <paramref name="confidence"/>: the type-7 quantile of the returns at p = 1 − confidence
    /// (a return; negative = loss). <paramref name="scratch"/> (at least the returns' length) is overwritten:
    /// the two order statistics needed are found by selection (Hoare's quickselect, expected O(n)), not a full sort.
    /// </summary>
    public static double ValueAtRisk(ReadOnlySpan<double> returns, double confidence, Span<double> scratch) =>
        Quantile(returns, 1.0 - confidence, Scratch(returns, confidence, scratch));

    /// <summary>Historical VaR (see the other overload); selects in a pooled buffer.</summary>
    public static double ValueAtRisk(ReadOnlySpan<double> returns, double confidence = DefaultConfidence)
    {
        double[] scratch = ArrayPool<double>.Shared.Rent(returns.Length);
        try { return ValueAtRisk(returns, confidence, scratch); }
        finally { ArrayPool<double>.Shared.Return(scratch); }
    }

    /// <summary>
    /// Historical conditional VaR (expected shortfall) at <paramref name="confidence"/>: the mean of the returns at or
    /// below the historical VaR (so at least one return: the k = ⌊(n − 1)(1 − confidence)⌋ + 1 smallest when there
    /// are no ties). A return; negative = loss; never above the VaR. <paramref name="scratch"/> is overwritten.
    /// </summary>
    public static double ConditionalValueAtRisk(ReadOnlySpan<double> returns, double confidence, Span<double> scratch) =>
        Both(returns, confidence, scratch).ExpectedShortfall;

    /// <summary>Historical expected shortfall (see the other overload); selects in a pooled buffer.</summary>
    public static double ConditionalValueAtRisk(ReadOnlySpan<double> returns, double confidence = DefaultConfidence)
    {
        double[] scratch = ArrayPool<double>.Shared.Rent(returns.Length);
        try { return ConditionalValueAtRisk(returns, confidence, scratch); }
        finally { ArrayPool<double>.Shared.Return(scratch); }
    }

    /// <summary>VaR and expected shortfall from one selection (for <see cref="Metrics"/>).</summary>
    internal static (double ValueAtRisk, double ExpectedShortfall) Both(ReadOnlySpan<double> returns, double confidence, Span<double> scratch)
    {
        double valueAtRisk = Quantile(returns, 1.0 - confidence, Scratch(returns, confidence, scratch));
        double sum = 0.0;
        int count = 0;
        foreach (double r in returns)
        {
            if (r > valueAtRisk) continue;
            sum += r;
            count++;
        }
        // Rounding in the interpolation can put the VaR a hair below the smallest return; the tail then holds that return.
        if (count == 0) return (valueAtRisk, Min(returns));
        return (valueAtRisk, sum / count);
    }

    private static Span<double> Scratch(ReadOnlySpan<double> returns, double confidence, Span<double> scratch)
    {
        Require.Probability(confidence, nameof(confidence));
        Require.AtLeast(returns.Length, 1, nameof(returns));
        if (scratch.Length < returns.Length) throw new ArgumentException("scratch is shorter than the returns", nameof(scratch));
        var work = scratch[..returns.Length];
        returns.CopyTo(work);
        return work;
    }

    /// <summary>Type-7 quantile of <paramref name="returns"/> via selection in <paramref name="work"/> (a copy, reordered).</summary>
    private static double Quantile(ReadOnlySpan<double> returns, double probability, Span<double> work)
    {
        double h = (returns.Length - 1) * probability;
        int below = (int)Math.Floor(h);
        double lower = Select(work, below);
        if (below >= returns.Length - 1) return lower;
        // After selecting index `below`, everything right of it is ≥ it: the next order statistic is their minimum.
        double upper = Min(work[(below + 1)..]);
        return lower + (h - below) * (upper - lower);
    }

    private static double Min(ReadOnlySpan<double> values)
    {
        double min = values[0];
        for (int i = 1; i < values.Length; i++) if (values[i] < min) min = values[i];
        return min;
    }

    /// <summary>
    /// Hoare's quickselect (CACM 1961, Algorithm 65 "FIND") with median-of-three pivots: reorders
    /// <paramref name="values"/> so index <paramref name="k"/> holds the k-th smallest, smaller-or-equal values left of
    /// it and greater-or-equal right. Falls back to a full sort after 2·log₂n + 8 rounds to bound the worst case.
    /// </summary>
    internal static double Select(Span<double> values, int k)
    {
        int left = 0, right = values.Length - 1;
        int budget = 2 * (int)Math.Log2(values.Length + 1) + 8;
        while (right > left)
        {
            if (budget-- == 0)
            {
                values[left..(right + 1)].Sort();
                return values[k];
            }
            int middle = left + ((right - left) >> 1);
            if (values[middle] < values[left]) (values[middle], values[left]) = (values[left], values[middle]);
            if (values[right] < values[left]) (values[right], values[left]) = (values[left], values[right]);
            if (values[right] < values[middle]) (values[right], values[middle]) = (values[middle], values[right]);
            double pivot = values[middle];
            int i = left, j = right;
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j) right = j;
            else if (k >= i) left = i;
            else return values[k];
        }
        return values[k];
    }
}
