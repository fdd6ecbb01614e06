using Alvh.Analytics;

namespace Alvh.Research.Scenarios;

/// <summary>
/// A confidence interval and its coverage. It measures the sampling error of the values it was built from (for a
/// Monte Carlo run: of the paths drawn from the generator), not the error of the model that generated them.
/// </summary>
/// <param name="Lower">Lower bound.</param>
/// <param name="Upper">Upper bound.</param>
/// <param name="Coverage">Probability that the interval covers the true value: exact for an order-statistic interval (they step, so it is at least the level asked, rarely equal), the nominal level for a t interval; NaN when the sample is too small for the level.</param>
public sealed record Interval(double Lower, double Upper, double Coverage)
{
    /// <summary>Nothing can be said at the level asked (too few values).</summary>
    public static Interval None { get; } = new(double.NaN, double.NaN, double.NaN);

    /// <summary>
    /// The distribution-free interval of the <paramref name="quantile"/>-quantile from the order statistics of
    /// <paramref name="sorted"/> (ascending, no NaN): [x₍r₎, x₍s₎] with the ranks from the Binomial(n, q)
    /// distribution of the number of values below the quantile, r the largest with P(B ≤ r − 1) ≤ α/2 and s the
    /// smallest with P(B ≤ s − 1) ≥ 1 − α/2; coverage P(r ≤ B ≤ s − 1) ≥ <paramref name="level"/> (Conover,
    /// <i>Practical Nonparametric Statistics</i>, 3rd ed., 1999, §3.2). For the median of 100 values that is
    /// [x₍40₎, x₍61₎] at 96.5 %, the ranks of Campbell &amp; Gardner's table (BMJ 296, 1988, 1454–1456).
    /// <see cref="None"/> when n is too small for the level (for the median at 95 %, n ≤ 5).
    /// </summary>
    /// <param name="sorted">The sample, ascending.</param>
    /// <param name="quantile">q, strictly between 0 and 1 (0.5 = the median).</param>
    /// <param name="level">Confidence level (0.95).</param>
    /// <returns>The interval.</returns>
    public static Interval OfQuantile(ReadOnlySpan<double> sorted, double quantile, double level = 0.95)
    {
        if (!(quantile > 0 && quantile < 1)) throw new ArgumentOutOfRangeException(nameof(quantile), quantile, "The quantile must lie strictly between 0 and 1.");
        if (!(level > 0 && level < 1)) throw new ArgumentOutOfRangeException(nameof(level), level, "The level must lie strictly between 0 and 1.");
        int n = sorted.Length;
        if (n == 0) return None;
        double tail = (1 - level) / 2;
        // Each bound from its own small tail, summed upwards (no 1 − F near 1): the upper rank s is n + 1 − r′, r′ the
        // lower rank of the 1 − q quantile, as n − B ~ Binomial(n, 1 − q) and P(B ≥ s) = P(n − B ≤ n − s).
        var (lower, belowLower) = LowerRank(n, quantile, tail);
        var (mirrored, aboveUpper) = LowerRank(n, 1 - quantile, tail);
        if (lower == 0 || mirrored == 0) return None;
        int upper = n + 1 - mirrored;
        return new Interval(sorted[lower - 1], sorted[upper - 1], 1 - belowLower - aboveUpper);
    }

    /// <summary>The largest rank r with P(B ≤ r − 1) ≤ <paramref name="tail"/>, B ~ Binomial(n, q), and that probability; rank 0 when there is none.</summary>
    private static (int Rank, double Probability) LowerRank(int n, double q, double tail)
    {
        // The distribution function term by term in logs (q^n underflows from n ≈ 1,075 at q = ½); a tail equal to
        // the bound up to rounding (e.g. 1/64 at n = 6) counts as within it.
        double logRatio = Math.Log(q / (1 - q)), logPmf = n * Math.Log(1 - q), cdf = 0, below = 0;
        int rank = 0;
        for (int k = 0; k <= n; k++)
        {
            if (k > 0) logPmf += Math.Log((double)(n - k + 1) / k) + logRatio;
            cdf += Math.Exp(logPmf);
            if (cdf > tail * (1 + 1e-12)) break;
            rank = k + 1;
            below = cdf;
        }
        return (rank, below);
    }

    /// <summary>
    /// The t interval of the mean: x̄ ± t(1 − α/2, n − 1) · s/√n, s the sample standard deviation (Student, 1908).
    /// Its <see cref="Coverage"/> is the nominal level: exact for normal values, close by the central limit theorem for
    /// the hundreds of paths of a Monte Carlo run, and short of it for skewed values over few paths (ratios, wealth).
    /// <see cref="None"/> for fewer than 2 values or values that are not all finite.
    /// </summary>
    /// <param name="values">The sample (no NaN).</param>
    /// <param name="level">Confidence level (0.95).</param>
    /// <returns>The interval.</returns>
    public static Interval OfMean(ReadOnlySpan<double> values, double level = 0.95)
    {
        if (!(level > 0 && level < 1)) throw new ArgumentOutOfRangeException(nameof(level), level, "The level must lie strictly between 0 and 1.");
        if (values.Length < 2) return None;
        double mean = SampleStatistics.Mean(values);
        double half = StudentT.Quantile(1 - (1 - level) / 2, values.Length - 1) * SampleStatistics.StandardDeviation(values) / Math.Sqrt(values.Length);
        return double.IsFinite(mean - half) && double.IsFinite(mean + half) ? new Interval(mean - half, mean + half, level) : None;
    }
}
