namespace Alvh.Research.Scenarios;

/// <summary>Percentiles (linear interpolation between order statistics, Excel PERCENTILE.INC) and mean of a sample.</summary>
/// <param name="P5">5th percentile.</param>
/// <param name="P25">25th percentile.</param>
/// <param name="P50">Median.</param>
/// <param name="P75">75th percentile.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="Mean">Mean.</param>
public sealed record Distribution(double P5, double P25, double P50, double P75, double P95, double Mean)
{
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
        return new Distribution(Q(0.05), Q(0.25), Q(0.50), Q(0.75), Q(0.95), sorted.Average());
    }
}
