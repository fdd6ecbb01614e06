namespace Alvh.Research.Scenarios;

/// <summary>
/// Percentiles (linear interpolation between order statistics, Excel PERCENTILE.INC) and mean of a sample, with
/// 95 % confidence intervals for the median (distribution-free, from the order statistics) and for the mean (t).
/// </summary>
/// <param name="P5">5th percentile.</param>
/// <param name="P25">25th percentile.</param>
/// <param name="P50">Median.</param>
/// <param name="P75">75th percentile.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="Mean">Mean.</param>
public sealed record Distribution(double P5, double P25, double P50, double P75, double P95, double Mean)
{
    /// <summary>95 % interval of the median (<see cref="Interval.OfQuantile"/>); <see cref="Interval.None"/> below 6 values.</summary>
    public Interval MedianCi { get; init; } = Interval.None;

    /// <summary>95 % t interval of the mean (<see cref="Interval.OfMean"/>); <see cref="Interval.None"/> below 2 values.</summary>
    public Interval MeanCi { get; init; } = Interval.None;

    /// <summary>Values counted (NaN skipped).</summary>
    public int Count { get; init; }

    /// <summary>The distribution of <paramref name="values"/> (NaN skipped).</summary>
    public static Distribution Of(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0) return new Distribution(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        double Q(double q)
        {
            double h = (sorted.Length - 1) * q;
            int lo = (int)Math.Floor(h);
            return lo + 1 < sorted.Length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
        }
        return new Distribution(Q(0.05), Q(0.25), Q(0.50), Q(0.75), Q(0.95), sorted.Average())
        {
            MedianCi = Interval.OfQuantile(sorted, 0.5),
            MeanCi = Interval.OfMean(sorted),
            Count = sorted.Length,
        };
    }
}
