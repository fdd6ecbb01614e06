using Alvh.Analytics;

namespace Alvh.Core.Tests.Analytics;

public class SampleStatisticsTests
{
    private static readonly double[] ExcelSample = [3, 4, 5, 2, 3, 4, 5, 6, 4, 7];

    [Fact]
    public void Skewness_matches_the_Excel_SKEW_example()
    {
        // Microsoft support, "SKEW function": SKEW(3,4,5,2,3,4,5,6,4,7) = 0.359543 (6 decimals printed).
        SampleStatistics.Skewness(ExcelSample).Should().BeApproximately(0.359543, 5e-7);
    }

    [Fact]
    public void Excess_kurtosis_matches_the_Excel_KURT_example()
    {
        // Microsoft support, "KURT function": KURT(3,4,5,2,3,4,5,6,4,7) = −0.151799637 (9 decimals printed).
        SampleStatistics.ExcessKurtosis(ExcelSample).Should().BeApproximately(-0.151799637, 5e-10);
    }

    [Fact]
    public void Moments_by_hand()
    {
        // mean 4.3; Σ(x − x̄)² = 20.1; sample variance 20.1/9 = 2.2333…
        SampleStatistics.Mean(ExcelSample).Should().BeApproximately(4.3, 1e-15);
        SampleStatistics.Variance(ExcelSample).Should().BeApproximately(20.1 / 9, 1e-14);
        SampleStatistics.StandardDeviation([0.01, -0.01]).Should().BeApproximately(Math.Sqrt(0.0002), 1e-16);
        SampleStatistics.AnnualisedVolatility([0.01, -0.01]).Should().BeApproximately(Math.Sqrt(0.0002 * 252), 1e-15);
        SampleStatistics.AnnualisedVolatility([0.01, -0.01], 260).Should().BeApproximately(Math.Sqrt(0.0002 * 260), 1e-15);
    }

    [Fact]
    public void Too_few_values_or_no_dispersion_give_NaN()
    {
        SampleStatistics.Skewness([1.0, 2.0]).Should().Be(double.NaN);
        SampleStatistics.ExcessKurtosis([1.0, 2.0, 3.0]).Should().Be(double.NaN);
        SampleStatistics.Skewness([1.0, 1.0, 1.0]).Should().Be(double.NaN);
        SampleStatistics.Variance([1.0]).Should().Be(double.NaN);
        SampleStatistics.Correlation([1.0, 1.0], [1.0, 2.0]).Should().Be(double.NaN);
    }

    [Fact]
    public void Correlation_and_covariance_by_hand()
    {
        // x = 1,2,3; y = 2,4,7: x̄ = 2, ȳ = 13/3; Σdxdy = (−1)(−7/3) + 0 + (1)(8/3) = 5; Σdx² = 2; Σdy² = 38/3.
        SampleStatistics.Covariance([1.0, 2, 3], [2.0, 4, 7]).Should().BeApproximately(2.5, 1e-14);
        SampleStatistics.Correlation([1.0, 2, 3], [2.0, 4, 7]).Should().BeApproximately(5 / Math.Sqrt(2 * 38.0 / 3), 1e-14);
        SampleStatistics.Correlation([1.0, 2, 3], [3.0, 2, 1]).Should().Be(-1.0);
    }
}
