using Alvh.Research;

namespace Alvh.Core.Tests.Research;

/// <summary>The walk-forward's PBO input: the configurations' daily excess returns, from the first day with a return.</summary>
public class WalkForwardTests
{
    /// <summary>
    /// Hand-worked, two configurations over three dates: day 0 has no return, so the matrix has two rows,
    /// (0.01 − 0.0001, 0.03 − 0.0001) and (−0.02 − 0.0002, 0.005 − 0.0002). Built from day 0, it had a third, leading row
    /// (0, 0): a period of zero excess return for every configuration, which the CSCV kept in its first block whenever the
    /// day count was a multiple of the blocks.
    /// </summary>
    [Fact]
    public void The_excess_return_matrix_starts_at_the_first_return()
    {
        double[][] returns = [[0, 0.01, -0.02], [0, 0.03, 0.005]];
        double[] bills = [0, 0.0001, 0.0002];

        var matrix = WalkForward.ExcessReturnMatrix(returns, bills);

        matrix.Should().HaveCount(4);
        matrix.Should().Equal([0.01 - 0.0001, 0.03 - 0.0001, -0.02 - 0.0002, 0.005 - 0.0002]);
    }

    /// <summary>
    /// Configurations whose daily returns are equal within rounding noise (1e-12 a day, as the CSCV merges them) tie on a
    /// train window: the first listed is held and the fold says 3 tied. Here the second and third are the first plus
    /// 5e-13 and 9e-13 a day (a sum in another order differs by such last bits), which raises their train Sharpe
    /// by about 5e-13 / 0.0029 × √252 ≈ 3e-9 and 5e-9: bit for bit the third was "chosen" in every fold with Tied 1.
    /// A fourth, 1e-6 a day better, is a real alternative and is chosen over all three (Tied 1).
    /// </summary>
    [Fact]
    public void Configurations_equal_within_rounding_noise_tie_on_the_train_window()
    {
        var dates = Engine.SyntheticMarket.Weekdays(new DateOnly(2000, 1, 3), 260 * 5);
        var random = new Random(31);
        var first = dates.Select(_ => 0.0004 + 0.01 * (random.NextDouble() - 0.5)).ToArray();
        var second = first.Select(r => r + 5e-13).ToArray();
        var third = first.Select(r => r + 9e-13).ToArray();
        var bills = new double[dates.Length];

        var result = WalkForward.Run(dates, [first, second, third], bills, 2, 1);

        result.Folds.Should().HaveCountGreaterThanOrEqualTo(2);
        result.Folds.Should().OnlyContain(f => f.Chosen == 0 && f.Tied == 3);
        result.Folds.Should().OnlyContain(f => f.TrainSharpe == WalkForward.Sharpe(first, bills, Math.Max(1, Array.IndexOf(dates, f.TrainFrom)), Array.IndexOf(dates, f.TrainTo) + 1));

        var better = first.Select(r => r + 1e-6).ToArray();
        WalkForward.Run(dates, [first, second, third, better], bills, 2, 1).Folds.Should().OnlyContain(f => f.Chosen == 3 && f.Tied == 1);
    }
}
