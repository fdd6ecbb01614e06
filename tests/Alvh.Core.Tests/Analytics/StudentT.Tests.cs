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
        // t(0.975, 9) = 2.2621571627982 (mpmath at 50 digits, below).
        StudentT.Quantile(0.975, 9).Should().BeApproximately(2.2621571627982055, 1e-12);
    }

    [Theory]
    // Far tails, against mpmath 1.3 at 50 significant digits: P(T <= -t) = I_{v/(v+t^2)}(v/2, 1/2) / 2 with mpmath.betainc
    // (regularized), the quantile by mpmath.findroot on its logarithm. Relative tolerance 1e-11.
    [InlineData(1e-10, 10, -25.466008021697726)]
    [InlineData(1e-10, 1, -3183098861.8379066)]
    [InlineData(1e-300, 10, -2.5645257189481978e30)]
    [InlineData(1e-17, 10, -128.49509145889274)]
    [InlineData(1e-6, 3, -103.29946778041934)]
    [InlineData(1e-12, 2, -707106.78118548687)]
    [InlineData(1e-20, 57, -14.239338246446848)]
    public void Quantile_keeps_its_relative_accuracy_in_the_far_tails(double p, int nu, double expected) =>
        StudentT.Quantile(p, nu).Should().BeApproximately(expected, 1e-11 * Math.Abs(expected));

    [Theory]
    // Lower-tail probabilities, same mpmath reference: relative, not absolute, accuracy.
    [InlineData(-40, 10, 1.1404288715428773e-12)]
    [InlineData(-3, 4, 0.019970984035859414)]
    [InlineData(-1e6, 5, 9.4901672454606804e-30)]
    public void Cdf_keeps_its_relative_accuracy_in_the_lower_tail(double t, int nu, double expected) =>
        StudentT.Cdf(t, nu).Should().BeApproximately(expected, 1e-12 * expected);

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
        StudentT.Cdf(double.NegativeInfinity, 7).Should().Be(0);
        // Large ν takes the finite sums with cos²θ = ν/(ν + t²) formed directly (no 1 − sin²θ): still a t distribution near z.
        StudentT.Cdf(1.959963984540054, 1_000_000).Should().BeApproximately(0.975, 1e-6);
        FluentActions.Invoking(() => StudentT.Quantile(1, 5)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => StudentT.Cdf(1, 0)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
