using Alvh.Research;

namespace Alvh.Core.Tests.Research;

/// <summary>
/// Synthetic cases from Bailey, Borwein, López de Prado &amp; Zhu (2015), "The Probability of Backtest
/// Overfitting", section 3: configurations that are all pure noise overfit half the time (PBO ≈ 0.5);
/// one configuration with a real edge is chosen in sample and stays on top out of sample (PBO ≈ 0).
/// </summary>
public class CscvTests
{
    private static double[] Noise(int periods, int configs, int seed, int betterColumn = -1, double edge = 0)
    {
        var random = new Random(seed);
        var m = new double[periods * configs];
        for (int t = 0; t < periods; t++)
        {
            for (int n = 0; n < configs; n++)
            {
                double z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                m[t * configs + n] = 0.01 * z + (n == betterColumn ? edge : 0);
            }
        }
        return m;
    }

    [Fact]
    public void Identical_noise_configurations_overfit_about_half_the_time()
    {
        // Averaged over seeds: one matrix's PBO is itself noisy.
        var pbos = Enumerable.Range(1, 8).Select(s => Cscv.Pbo(Noise(1000, 20, s), 20, 10).Probability).ToArray();
        pbos.Average().Should().BeApproximately(0.5, 0.12);
        Cscv.Pbo(Noise(1000, 20, 1), 20, 10).Splits.Should().Be(252);
    }

    [Fact]
    public void One_truly_better_configuration_gives_a_pbo_near_zero()
    {
        var result = Cscv.Pbo(Noise(2000, 20, 3, betterColumn: 7, edge: 0.004), 20, 16);
        result.Probability.Should().BeLessThan(0.02);
        result.Splits.Should().Be(12870);
        result.MedianLogit.Should().BeGreaterThan(2);
    }

    [Fact]
    public void Bad_shapes_are_rejected()
    {
        FluentActions.Invoking(() => Cscv.Pbo(new double[100], 2, 3)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => Cscv.Pbo(new double[10], 2, 4)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Walk_forward_picks_the_better_configuration_and_stitches_test_windows()
    {
        var dates = Engine.SyntheticMarket.Weekdays(new DateOnly(2000, 1, 3), 260 * 8);
        var random = new Random(5);
        var good = dates.Select(_ => 0.001 + 0.005 * (random.NextDouble() - 0.5)).ToArray();
        var bad = dates.Select(_ => -0.001 + 0.005 * (random.NextDouble() - 0.5)).ToArray();
        var result = WalkForward.Run(dates, [bad, good], new double[dates.Length], 3, 1);
        result.Folds.Should().HaveCountGreaterThanOrEqualTo(4);
        result.Folds.Should().OnlyContain(f => f.Chosen == 1);
        result.Dates.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        result.Dates[0].Should().Be(result.Folds[0].TestFrom);
        // Holding the configuration the walk-forward chose every time gives its own stitched returns, bit for bit.
        result.Over(dates, good).Should().Equal(result.Returns);
        WalkForwardResult.Compound(result.Over(dates, good)).Should().Equal(result.Equity());
        // The other one, held over the same days: its returns on exactly those days (the first is not applied).
        int first = Array.IndexOf(dates, result.Dates[0]);
        result.Over(dates, bad).Skip(1).Should().Equal(bad.Skip(first + 1).Take(result.Dates.Length - 1));
        FluentActions.Invoking(() => result.Over(dates[1..], bad[1..])).Should().NotThrow("the out-of-sample days are all still there");
        FluentActions.Invoking(() => result.Over(dates[..^1], bad[..^1])).Should().Throw<ArgumentException>().WithMessage("*out-of-sample day*");
    }
}
