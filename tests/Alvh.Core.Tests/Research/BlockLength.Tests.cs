using Alvh.Core.Tests.Model;
using Alvh.Research.Scenarios;

namespace Alvh.Core.Tests.Research;

public class BlockLengthTests
{
    private static double[] Ar1(double phi, int n, int seed)
    {
        var random = new Random(seed);
        var x = new double[n];
        double v = 0;
        for (int t = 0; t < n; t++)
        {
            double z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            v = phi * v + z;
            x[t] = v;
        }
        return x;
    }

    [Theory]
    // For an AR(1) with coefficient phi, G = sum |k| R(k) = 2 s2 phi / (1 - phi)^2 and g(0) = sum R(k) = s2 (1 + phi) / (1 - phi),
    // so the stationary bootstrap's optimal mean block (Politis and White 2004, D corrected by Patton, Politis and White
    // 2009: D = 2 g(0)^2) is (G / g(0))^(2/3) n^(1/3) = (2 phi / (1 - phi^2))^(2/3) n^(1/3): 32.9 for phi = 0.5 and
    // n = 20,000; 73.4 for phi = 0.8. The flat-top estimator is consistent; on one seeded series it lands within 20%.
    [InlineData(0.5, 20_000, 32.88)]
    [InlineData(0.8, 20_000, 73.38)]
    public void An_ar1_gets_its_theoretical_block(double phi, int n, double expected)
    {
        double theory = Math.Pow(2 * phi / (1 - phi * phi), 2.0 / 3) * Math.Pow(n, 1.0 / 3);
        theory.Should().BeApproximately(expected, 0.01);
        BlockLength.StationaryBootstrap(Ar1(phi, n, seed: 17)).Should().BeApproximately(theory, 0.2 * theory);
    }

    [Fact]
    public void Independent_days_need_no_block_and_a_random_walk_hits_the_cap()
    {
        // iid: every autocovariance but R(0) is noise, m-hat is 1, G is about 0: the block is clamped to 1 (a plain bootstrap).
        BlockLength.StationaryBootstrap(Ar1(0, 10_000, seed: 3)).Should().BeLessThan(3);
        // A random walk never decorrelates: every lag up to m_max = 105 is significant, M = m_max, and the block is long,
        // within the rule's cap ceil(min(3 sqrt n, n / 3)) = 300 for n = 10,000.
        var walk = Ar1(1, 10_000, seed: 4);
        BlockLength.StationaryBootstrap(walk).Should().BeInRange(200, 300);
        BlockLength.StationaryBootstrap(Enumerable.Repeat(2.5, 100).ToArray()).Should().Be(1, "a constant series has nothing to keep together");
        var act = () => BlockLength.StationaryBootstrap(new double[7]);
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Longer_memory_asks_for_longer_blocks()
    {
        // Monotone in the dependence (property, seeded): phi 0.2 < 0.5 < 0.8 < 0.95 on the same shocks.
        var blocks = new[] { 0.2, 0.5, 0.8, 0.95 }.Select(phi => BlockLength.StationaryBootstrap(Ar1(phi, 20_000, seed: 8))).ToArray();
        blocks.Should().BeInAscendingOrder();
    }

    [SkippableFact]
    public void Squared_spx_returns_since_1990_ask_for_most_of_a_year_of_days()
    {
        var data = ModelData.Require().Data;
        var pool = HistoricalDays.From(data, new DateOnly(1990, 1, 2));
        // The rule on 1990-01-03..2026-02-11 (9,086 days) as an independent transcription of Patton's
        // opt_block_length_REV_dec07.m in numpy gives it (and a port of the arch package's optimal_block_length by a
        // reviewer, 175.4): 175.43 trading days for the squared returns (volatility clustering), 7.94 for the returns
        // themselves (almost no memory) and 25.93 for the VIX's log changes.
        BlockBootstrap.AutomaticBlockDays(pool).Should().BeApproximately(175.43, 0.01);
        BlockLength.StationaryBootstrap(pool.SpxReturn).Should().BeApproximately(7.94, 0.01);
        BlockLength.StationaryBootstrap(pool.VixChange).Should().BeApproximately(25.93, 0.01);
    }

    [Fact]
    public void Values_that_are_not_finite_are_refused()
    {
        var x = Ar1(0.5, 100, seed: 1);
        x[40] = double.PositiveInfinity;
        var act = () => BlockLength.StationaryBootstrap(x);
        act.Should().Throw<ArgumentException>().WithMessage("observation 40 is*finite*");
        x[40] = double.NaN;
        act.Should().Throw<ArgumentException>().WithMessage("observation 40 is NaN*");
    }
}
