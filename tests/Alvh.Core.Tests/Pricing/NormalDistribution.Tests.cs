using Alvh.Pricing;

namespace Alvh.Core.Tests.Pricing;

public class NormalDistributionTests
{
    // Reference values: computed with mpmath 1.3 at 40 significant digits (ncdf, npdf, and
    // findroot on ncdf for quantiles), rounded to 17 digits; they agree with R's pnorm/dnorm/qnorm
    // and with standard tables (Abramowitz & Stegun table 26.1, e.g. Φ(−1) = 0.158655253931457,
    // Φ(1.96) = 0.975002104851780) to the digits tabulated there.
    [Theory]
    [InlineData(-1.0, 0.15865525393145705, 1e-14)]
    [InlineData(1.96, 0.97500210485177957, 1e-14)]
    [InlineData(0.0, 0.5, 1e-15)]
    [InlineData(1.0, 0.84134474606854295, 1e-14)]
    [InlineData(-1.96, 0.024997895148220434, 1e-14)]
    [InlineData(0.5, 0.6914624612740131, 1e-14)]
    [InlineData(-3.0, 0.0013498980316300945, 1e-14)]
    [InlineData(2.5, 0.99379033467422386, 1e-14)]
    public void Cdf_matches_reference_values(double x, double expected, double relativeTolerance)
    {
        NormalDistribution.Cdf(x).Should().BeApproximately(expected, relativeTolerance * expected);
    }

    [Theory]
    // Lower-tail values keep full relative accuracy (mpmath ncdf at 40 digits).
    [InlineData(-5.0, 2.8665157187919391e-07)]
    [InlineData(-7.0, 1.279812543885835e-12)]
    [InlineData(-10.0, 7.6198530241605261e-24)]
    [InlineData(-20.0, 2.7536241186062337e-89)]
    [InlineData(-37.0, 5.7255712225245768e-300)]
    public void Cdf_lower_tail_has_relative_accuracy(double x, double expected)
    {
        NormalDistribution.Cdf(x).Should().BeApproximately(expected, 1e-13 * expected);
    }

    [Fact]
    public void Cdf_limits_and_nan()
    {
        NormalDistribution.Cdf(double.NegativeInfinity).Should().Be(0.0);
        NormalDistribution.Cdf(double.PositiveInfinity).Should().Be(1.0);
        NormalDistribution.Cdf(-40.0).Should().Be(0.0);
        NormalDistribution.Cdf(40.0).Should().Be(1.0);
        double.IsNaN(NormalDistribution.Cdf(double.NaN)).Should().BeTrue();
    }

    [Fact]
    public void Cdf_is_symmetric_and_monotone()
    {
        var random = new Random(20240115);
        double previous = 0.0;
        for (double x = -38.0; x <= 9.0; x += 0.001)
        {
            double value = NormalDistribution.Cdf(x);
            value.Should().BeGreaterThanOrEqualTo(previous);
            previous = value;
        }

        for (int i = 0; i < 10_000; i++)
        {
            double x = random.NextDouble() * 16.0 - 8.0;
            (NormalDistribution.Cdf(x) + NormalDistribution.Cdf(-x)).Should().BeApproximately(1.0, 2e-16);
        }
    }

    [Theory]
    // φ(x) = exp(−x²/2)/√(2π); mpmath npdf at 40 digits.
    [InlineData(0.0, 0.39894228040143268)]
    [InlineData(1.0, 0.24197072451914335)]
    [InlineData(-2.5, 0.017528300493568537)]
    [InlineData(10.0, 7.6945986267064193e-23)]
    public void Pdf_matches_reference_values(double x, double expected)
    {
        NormalDistribution.Pdf(x).Should().BeApproximately(expected, 1e-14 * expected);
    }

    [Fact]
    public void Pdf_is_derivative_of_cdf()
    {
        for (double x = -6.0; x <= 6.0; x += 0.25)
        {
            const double h = 1e-5;
            double numeric = (NormalDistribution.Cdf(x + h) - NormalDistribution.Cdf(x - h)) / (2 * h);
            numeric.Should().BeApproximately(NormalDistribution.Pdf(x), 1e-9);
        }
    }

    [Theory]
    // Quantiles: mpmath findroot(ncdf(x) − p) at 60 digits.
    [InlineData(0.975, 1.9599639845400542)]
    [InlineData(0.5, 0.0)]
    [InlineData(0.16, -0.99445788320975317)]
    [InlineData(0.25, -0.67448975019608174)]
    [InlineData(1e-10, -6.3613409024040562)]
    [InlineData(1e-300, -37.047096299361199)]
    public void InverseCdf_matches_reference_values(double p, double expected)
    {
        NormalDistribution.InverseCdf(p).Should().BeApproximately(expected, 1e-14 * Math.Max(1.0, Math.Abs(expected)));
    }

    [Fact]
    public void InverseCdf_round_trips_through_cdf()
    {
        var random = new Random(7);
        for (int i = 0; i < 10_000; i++)
        {
            double x = random.NextDouble() * 16.0 - 8.0;
            double p = NormalDistribution.Cdf(x);
            // Forming p = Φ(x) rounds it by up to ½ ulp(p), which moves the quantile by ulp(p)/φ(x):
            // large for x ≫ 0 where p ≈ 1 (an information loss, not an inverse error).
            double tolerance = 1e-14 * Math.Max(1.0, Math.Abs(x)) + (Math.BitIncrement(p) - p) / NormalDistribution.Pdf(x);
            NormalDistribution.InverseCdf(p).Should().BeApproximately(x, tolerance, "x = {0}", x);
        }

        NormalDistribution.InverseCdf(0.0).Should().Be(double.NegativeInfinity);
        NormalDistribution.InverseCdf(1.0).Should().Be(double.PositiveInfinity);
        double.IsNaN(NormalDistribution.InverseCdf(1.5)).Should().BeTrue();
    }
}
