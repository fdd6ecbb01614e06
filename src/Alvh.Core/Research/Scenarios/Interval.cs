using Alvh.Analytics;

namespace Alvh.Research.Scenarios;

/// <summary>A confidence interval with the coverage it actually has (order-statistic intervals step: their coverage is at least the level asked, rarely equal).</summary>
/// <param name="Lower">Lower bound.</param>
/// <param name="Upper">Upper bound.</param>
/// <param name="Coverage">Probability that the interval covers the true value (NaN when the sample is too small for the level).</param>
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
        // The Binomial(n, q) distribution function, term by term in logs (q^n underflows from n ≈ 1,075 at q = ½).
        double logRatio = Math.Log(quantile / (1 - quantile)), logPmf = n * Math.Log(1 - quantile), cdf = 0;
        int lowerRank = 0, upperRank = 0;
        double cdfBelowLower = 0, cdfBelowUpper = double.NaN;
        for (int k = 0; k <= n; k++)
        {
            if (k > 0) logPmf += Math.Log((double)(n - k + 1) / k) + logRatio;
            cdf += Math.Exp(logPmf);
            // F(k) ≤ α/2: rank k + 1 can still be the lower bound.
            if (cdf <= tail)
            {
                lowerRank = k + 1;
                cdfBelowLower = cdf;
            }
            if (cdf >= 1 - tail)
            {
                upperRank = k + 1;
                cdfBelowUpper = Math.Min(cdf, 1);
                break;
            }
        }
        if (lowerRank == 0 || upperRank == 0 || upperRank > n) return None;
        return new Interval(sorted[lowerRank - 1], sorted[upperRank - 1], cdfBelowUpper - cdfBelowLower);
    }

    /// <summary>
    /// The t interval of the mean: x̄ ± t(1 − α/2, n − 1) · s/√n, s the sample standard deviation (Student, 1908;
    /// exact for normal values, and by the central limit theorem close for the hundreds of paths of a Monte Carlo
    /// run). <see cref="None"/> for fewer than 2 values.
    /// </summary>
    /// <param name="values">The sample (no NaN).</param>
    /// <param name="level">Confidence level (0.95).</param>
    /// <returns>The interval, its coverage the nominal level.</returns>
    public static Interval OfMean(ReadOnlySpan<double> values, double level = 0.95)
    {
        if (!(level > 0 && level < 1)) throw new ArgumentOutOfRangeException(nameof(level), level, "The level must lie strictly between 0 and 1.");
        if (values.Length < 2) return None;
        double mean = SampleStatistics.Mean(values);
        double half = StudentT.Quantile(1 - (1 - level) / 2, values.Length - 1) * SampleStatistics.StandardDeviation(values) / Math.Sqrt(values.Length);
        return new Interval(mean - half, mean + half, level);
    }
}
