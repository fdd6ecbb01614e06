using Alvh.Indicators;

namespace Alvh.Core.Tests.Indicators;

public class RsiTests
{
    // StockCharts ChartSchool "Relative Strength Index (RSI)", cs-rsi spreadsheet (Wilder's example).
    // The table displays closes rounded to 2 decimals (44.34, 44.09, 44.15, 43.61, 44.33, ...); its
    // published RSI values are computed from the underlying 4-decimal closes below. (From the rounded
    // closes the first RSI is 70.46 rather than 70.53: checked below too.)
    private static readonly double[] Closes =
    [
        44.3389, 44.0902, 44.1497, 43.6124, 44.3278, 44.8264, 45.0955, 45.4245, 45.8433, 46.0826,
        45.8931, 46.0328, 45.6140, 46.2820, 46.2820, 46.0028, 46.0328, 46.4116, 46.2222, 45.6439,
        46.2122, 46.2521, 45.7137, 46.4515, 45.7835, 45.3548, 44.0288, 44.1783, 44.2181, 44.5672,
        43.4205, 42.6628, 43.1314,
    ];

    // Published RSI(14), from index 14 on, 2 decimals.
    private static readonly double[] PublishedRsi14 =
    [
        70.53, 66.32, 66.55, 69.41, 66.36, 57.97, 62.93, 63.26, 56.06, 62.38,
        54.71, 50.42, 39.99, 41.46, 41.87, 45.46, 37.30, 33.08, 37.77,
    ];

    [Fact]
    public void Matches_the_StockCharts_worked_example()
    {
        var rsi = Rsi.Compute(Closes, 14);
        rsi.Take(14).Should().OnlyContain(x => double.IsNaN(x));
        for (int k = 0; k < PublishedRsi14.Length; k++)
        {
            rsi[14 + k].Should().BeApproximately(PublishedRsi14[k], 0.005, $"bar {14 + k}");
        }
    }

    [Fact]
    public void First_value_from_the_rounded_closes_is_70_46()
    {
        // Hand computation from 2-decimal closes: gains sum 3.34, losses sum 1.40 over 14 changes,
        // RS = 3.34/1.40, RSI = 100 − 100/(1 + RS) = 70.464.
        double[] rounded = [44.34, 44.09, 44.15, 43.61, 44.33, 44.83, 45.10, 45.42, 45.84, 46.08, 45.89, 46.03, 45.61, 46.28, 46.28];
        Rsi.Compute(rounded, 14)[14].Should().BeApproximately(100 - 100 / (1 + 3.34 / 1.40), 1e-9);
    }

    [Fact]
    public void Edge_cases()
    {
        Rsi.Compute([1.0, 2, 3], 14).Should().OnlyContain(x => double.IsNaN(x));
        // Average loss 0 → 100, including the constant series (0/0 in Wilder's ratio): TradingView's built-in RSI,
        // rsi = down == 0 ? 100 : up == 0 ? 0 : 100 - (100 / (1 + up / down)).
        // A RSI(SPX) tranche trigger therefore reads a flat stretch as overbought; real closes never hold 14 flat days.
        Rsi.Compute(Enumerable.Repeat(10.0, 20).ToArray(), 14)[14..].Should().OnlyContain(x => x == 100);
        Rsi.Compute(Enumerable.Range(1, 20).Select(i => (double)i).ToArray(), 14)[19].Should().Be(100);
        Rsi.Compute(Enumerable.Range(1, 20).Select(i => 30.0 - i).ToArray(), 14)[19].Should().Be(0);
    }

    [Fact]
    public void NaN_close_is_skipped()
    {
        // Inserting a NaN shifts the output by one bar and leaves every value unchanged.
        var withGap = Closes.Take(20).Concat([double.NaN]).Concat(Closes.Skip(20)).ToArray();
        var rsi = Rsi.Compute(withGap, 14);
        var reference = Rsi.Compute(Closes, 14);
        double.IsNaN(rsi[20]).Should().BeTrue();
        rsi[21..].Should().Equal(reference[20..]);
    }
}
