using Alvh.Indicators;

namespace Alvh.Core.Tests.Indicators;

public class EmaTests
{
    // StockCharts ChartSchool "Moving Averages - Simple and Exponential", cs-movavg spreadsheet: 30 closes
    // and the 10-day EMA (SMA-seeded, α = 2/11), published to 2 decimals (values as transcribed in
    // several public test suites). Bar 15 is published as 22.79 while a hand recomputation gives
    // 22.7952 (with α = 2/11 or the rounded 0.1818 alike), so the tolerance is 0.01, not 0.005.
    private static readonly double[] Closes =
    [
        22.27, 22.19, 22.08, 22.17, 22.18, 22.13, 22.23, 22.43, 22.24, 22.29,
        22.15, 22.39, 22.38, 22.61, 23.36, 24.05, 23.75, 23.83, 23.95, 23.63,
        23.82, 23.87, 23.65, 23.19, 23.10, 23.33, 22.68, 23.10, 22.40, 22.17,
    ];

    private static readonly double[] PublishedEma10 =
    [
        22.22, 22.21, 22.24, 22.27, 22.33, 22.52, 22.79, 22.97, 23.13, 23.28,
        23.34, 23.43, 23.51, 23.53, 23.47, 23.40, 23.39, 23.26, 23.23, 23.08, 22.91,
    ];

    [Fact]
    public void Matches_the_StockCharts_10_day_EMA()
    {
        var ema = Ema.Compute(Closes, 10);
        ema.Take(9).Should().OnlyContain(x => double.IsNaN(x));
        for (int k = 0; k < PublishedEma10.Length; k++)
        {
            ema[9 + k].Should().BeApproximately(PublishedEma10[k], 0.01, $"bar {9 + k}");
        }
        // Seed is exactly the SMA of the first 10 closes (hand sum 222.21 / 10).
        ema[9].Should().BeApproximately(22.221, 1e-12);
    }

    [Fact]
    public void Alpha_is_two_over_period_plus_one() => Ema.Alpha(10).Should().Be(2.0 / 11);

    [Fact]
    public void Constant_and_short_series()
    {
        Ema.Compute(Enumerable.Repeat(3.5, 20).ToArray(), 5)[4..].Should().OnlyContain(x => x == 3.5);
        Ema.Compute([1.0, 2], 3).Should().OnlyContain(x => double.IsNaN(x));
    }

    [Fact]
    public void NaN_input_is_skipped_and_state_held()
    {
        // Hand computation, period 3 (α = 0.5): seed (1+2+3)/3 = 2 at index 3 (NaN skipped);
        // then 2 + 0.5·(4 − 2) = 3.
        var ema = Ema.Compute([1.0, 2, double.NaN, 3, double.NaN, 4], 3);
        double.IsNaN(ema[2]).Should().BeTrue();
        ema[3].Should().Be(2.0);
        double.IsNaN(ema[4]).Should().BeTrue();
        ema[5].Should().Be(3.0);
    }

    [Fact]
    public void Rejects_a_period_below_one()
    {
        var act = () => new EmaStream(0);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("period");
    }
}
