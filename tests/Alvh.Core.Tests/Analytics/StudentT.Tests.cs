using Alvh.Analytics;

namespace Alvh.Core.Tests.Analytics;

public class StudentTTests
{
    [Theory]
    // Critical values of Student's t, NIST/SEMATECH e-Handbook of Statistical Methods, 1.3.6.7.2 (three decimals).
    [InlineData(0.975, 3, 3.182)]
    [InlineData(0.975, 5, 2.571)]
    [InlineData(0.975, 9, 2.262)]
    [InlineData(0.975, 10, 2.228)]
    [InlineData(0.975, 30, 2.042)]
    [InlineData(0.975, 100, 1.984)]
    [InlineData(0.95, 9, 1.833)]
    [InlineData(0.99, 20, 2.528)]
    [InlineData(0.995, 4, 4.604)]
    public void Quantile_matches_the_table(double p, int nu, double expected) =>
        StudentT.Quantile(p, nu).Should().BeApproximately(expected, 5e-4);

    [Fact]
    public void Quantile_matches_the_closed_forms()
    {
        // ν = 1 is the Cauchy distribution: t = tan(π(p − ½)); ν = 2: t = (2p − 1)·√(2 / (4p(1 − p))) (both by inverting
        // the distribution functions A&S 26.7.3/26.7.4 give for ν = 1 and 2).
        foreach (double p in (double[])[0.6, 0.9, 0.975, 0.999, 0.2, 0.01])
        {
            StudentT.Quantile(p, 1).Should().BeApproximately(Math.Tan(Math.PI * (p - 0.5)), 1e-9 * Math.Max(1, Math.Abs(Math.Tan(Math.PI * (p - 0.5)))));
            StudentT.Quantile(p, 2).Should().BeApproximately((2 * p - 1) * Math.Sqrt(2 / (4 * p * (1 - p))), 1e-10);
        }
        // t(0.975, 9) = 2.2621571628 (to ten digits, as R's qt(0.975, 9) prints it).
        StudentT.Quantile(0.975, 9).Should().BeApproximately(2.2621571628, 1e-9);
    }

    [Fact]
    public void Large_degrees_of_freedom_approach_the_normal()
    {
        // t(p, ν) = z + (z³ + z)/(4ν) + O(ν⁻²) (Cornish–Fisher; A&S 26.7.5).
        const double z = 1.959963984540054; // the standard normal's 97.5% quantile
        StudentT.Quantile(0.975, 100_000).Should().BeApproximately(z + (z * z * z + z) / 400_000, 1e-9);
    }

    [Fact]
    public void Cdf_inverts_the_quantile_is_symmetric_and_the_quantile_falls_with_more_freedom()
    {
        var random = new Random(20261127);
        for (int i = 0; i < 500; i++)
        {
            double p = 0.001 + 0.998 * random.NextDouble();
            int nu = random.Next(1, 400);
            double t = StudentT.Quantile(p, nu);
            StudentT.Cdf(t, nu).Should().BeApproximately(p, 1e-12);
            StudentT.Quantile(1 - p, nu).Should().BeApproximately(-t, 1e-9 * Math.Max(1, Math.Abs(t)));
            if (p > 0.5) StudentT.Quantile(p, nu + 1).Should().BeLessThan(t);
        }
        StudentT.Cdf(0, 7).Should().Be(0.5);
        StudentT.Cdf(double.PositiveInfinity, 7).Should().Be(1);
        FluentActions.Invoking(() => StudentT.Quantile(1, 5)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => StudentT.Cdf(1, 0)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
