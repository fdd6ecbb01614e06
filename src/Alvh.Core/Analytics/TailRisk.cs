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
    /// (a return; negative = loss). <paramref name="scratch"/> (at least the returns' length) receives a sorted copy.
    /// </summary>
    public static double ValueAtRisk(ReadOnlySpan<double> returns, double confidence, Span<double> scratch)
    {
        var sorted = SortInto(returns, confidence, scratch);
        return QuantileOfSorted(sorted, 1.0 - confidence);
    }

    /// <summary>Historical VaR (see the other overload); sorts in a pooled buffer.</summary>
    public static double ValueAtRisk(ReadOnlySpan<double> returns, double confidence = DefaultConfidence)
    {
        double[] scratch = ArrayPool<double>.Shared.Rent(returns.Length);
        try { return ValueAtRisk(returns, confidence, scratch); }
        finally { ArrayPool<double>.Shared.Return(scratch); }
    }

    /// <summary>
    /// Historical conditional VaR (expected shortfall) at <paramref name="confidence"/>: the mean of the returns at or
    /// below the historical VaR (so at least one return: the k = ⌊(n − 1)(1 − confidence)⌋ + 1 smallest when there
    /// are no ties). A return; negative = loss; never above the VaR.
    /// </summary>
    public static double ConditionalValueAtRisk(ReadOnlySpan<double> returns, double confidence, Span<double> scratch)
    {
        var sorted = SortInto(returns, confidence, scratch);
        return ShortfallOfSorted(sorted, QuantileOfSorted(sorted, 1.0 - confidence));
    }

    /// <summary>Historical expected shortfall (see the other overload); sorts in a pooled buffer.</summary>
    public static double ConditionalValueAtRisk(ReadOnlySpan<double> returns, double confidence = DefaultConfidence)
    {
        double[] scratch = ArrayPool<double>.Shared.Rent(returns.Length);
        try { return ConditionalValueAtRisk(returns, confidence, scratch); }
        finally { ArrayPool<double>.Shared.Return(scratch); }
    }

    /// <summary>VaR and expected shortfall from one sort (for <see cref="Metrics"/>).</summary>
    internal static (double ValueAtRisk, double ExpectedShortfall) Both(ReadOnlySpan<double> returns, double confidence, Span<double> scratch)
    {
        var sorted = SortInto(returns, confidence, scratch);
        double valueAtRisk = QuantileOfSorted(sorted, 1.0 - confidence);
        return (valueAtRisk, ShortfallOfSorted(sorted, valueAtRisk));
    }

    private static Span<double> SortInto(ReadOnlySpan<double> returns, double confidence, Span<double> scratch)
    {
        Require.Probability(confidence, nameof(confidence));
        Require.AtLeast(returns.Length, 1, nameof(returns));
        if (scratch.Length < returns.Length) throw new ArgumentException("scratch is shorter than the returns", nameof(scratch));
        var sorted = scratch[..returns.Length];
        returns.CopyTo(sorted);
        sorted.Sort();
        return sorted;
    }

    private static double ShortfallOfSorted(ReadOnlySpan<double> sorted, double valueAtRisk)
    {
        double sum = sorted[0];
        int count = 1;
        while (count < sorted.Length && sorted[count] <= valueAtRisk) sum += sorted[count++];
        return sum / count;
    }
}
