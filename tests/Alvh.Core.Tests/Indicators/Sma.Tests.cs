using Alvh.Indicators;

namespace Alvh.Core.Tests.Indicators;

public class SmaTests
{
    [Fact]
    public void Averages_the_trailing_window()
    {
        // Hand computation: (1+2+3)/3 = 2, (2+3+4)/3 = 3, (3+4+5)/3 = 4.
        var sma = Sma.Compute([1.0, 2, 3, 4, 5], 3);
        double.IsNaN(sma[0]).Should().BeTrue();
        double.IsNaN(sma[1]).Should().BeTrue();
        sma[2..].Should().Equal([2.0, 3, 4], (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Matches_the_StockCharts_10_day_SMA()
    {
        // StockCharts ChartSchool "Moving Averages" (cs-movavg spreadsheet): 10-day SMA of these closes
        // is 22.22, 22.21, 22.23 (published to 2 decimals).
        double[] closes = [22.27, 22.19, 22.08, 22.17, 22.18, 22.13, 22.23, 22.43, 22.24, 22.29, 22.15, 22.39];
        var sma = Sma.Compute(closes, 10);
        sma[9].Should().BeApproximately(22.22, 0.005);
        sma[10].Should().BeApproximately(22.21, 0.005);
        sma[11].Should().BeApproximately(22.23, 0.005);
        // The unrounded values by hand: the first ten closes sum to 222.21 → 22.221; then 222.21 − 22.27 + 22.15 =
        // 222.09 → 22.209; then 222.09 − 22.19 + 22.39 = 222.29 → 22.229.
        sma[9].Should().BeApproximately(22.221, 1e-12);
        sma[10].Should().BeApproximately(22.209, 1e-12);
        sma[11].Should().BeApproximately(22.229, 1e-12);
    }

    [Fact]
    public void Shorter_than_period_is_all_NaN() =>
        Sma.Compute([1.0, 2, 3], 5).Should().OnlyContain(x => double.IsNaN(x));

    [Fact]
    public void Constant_series_gives_the_constant() =>
        Sma.Compute(Enumerable.Repeat(7.25, 30).ToArray(), 10)[9..].Should().OnlyContain(x => x == 7.25);

    [Fact]
    public void NaN_blanks_the_output_while_in_the_window_then_recovers()
    {
        double[] values = [1, 2, double.NaN, 4, 5, 6, 7];
        var sma = Sma.Compute(values, 3);
        sma.Take(5).Should().OnlyContain(x => double.IsNaN(x));
        sma[5].Should().Be(5.0);
        sma[6].Should().Be(6.0);
    }

    [Fact]
    public void Rejects_a_period_below_one()
    {
        var act = () => Sma.Compute([1.0], 0);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("period");
    }

    [Fact]
    public void Rolling_sum_stays_accurate_over_long_series()
    {
        var values = TestSeries.RandomWalk(7, 10_000);
        var sma = Sma.Compute(values, 50);
        for (int i = 49; i < values.Length; i += 997)
        {
            double naive = values.Skip(i - 49).Take(50).Average();
            sma[i].Should().BeApproximately(naive, 1e-9 * naive);
        }
    }
}
