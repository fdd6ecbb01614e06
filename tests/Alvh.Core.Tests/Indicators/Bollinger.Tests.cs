using Alvh.Indicators;

namespace Alvh.Core.Tests.Indicators;

public class BollingerTests
{
    [Fact]
    public void Uses_the_population_standard_deviation()
    {
        // Hand computation: window 2, 4, 4, 4, 5, 5, 7, 9 has mean 5 and population σ = 2 (variance 32/8).
        var b = Bollinger.Compute([2.0, 4, 4, 4, 5, 5, 7, 9], 8, 2.0);
        b.Middle[7].Should().BeApproximately(5, 1e-12);
        b.Upper[7].Should().BeApproximately(9, 1e-12);
        b.Lower[7].Should().BeApproximately(1, 1e-12);
        b.Middle.Take(7).Should().OnlyContain(x => double.IsNaN(x));
    }

    [Fact]
    public void Constant_series_collapses_the_bands()
    {
        var b = Bollinger.Compute(Enumerable.Repeat(4.0, 30).ToArray());
        b.Upper[19..].Should().OnlyContain(x => x == 4);
        b.Lower[19..].Should().OnlyContain(x => x == 4);
    }

    [Fact]
    public void Stays_accurate_at_price_levels_over_long_series()
    {
        var values = TestSeries.RandomWalk(3, 10_000).Select(x => x * 40).ToArray();
        var b = Bollinger.Compute(values, 20, 2);
        for (int i = 19; i < values.Length; i += 499)
        {
            var w = values.Skip(i - 19).Take(20).ToArray();
            double mean = w.Average();
            double sd = Math.Sqrt(w.Sum(x => (x - mean) * (x - mean)) / 20);
            b.Upper[i].Should().BeApproximately(mean + 2 * sd, 1e-8 * mean);
        }
    }

    [Fact]
    public void Rejects_negative_width()
    {
        var act = () => new BollingerStream(20, -1);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("width");
    }
}
