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
}
