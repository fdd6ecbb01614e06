using Alvh.Indicators;

namespace Alvh.Core.Tests.Indicators;

public class RealisedVolatilityTests
{
    [Fact]
    public void Annualised_sample_stdev_of_log_returns()
    {
        // Hand computation: closes alternate ×e^0.01, ×e^−0.01 → log returns +0.01, −0.01, +0.01, −0.01;
        // mean 0, sample variance 4·0.0001/3, σ = 0.011547; ×√252 = 0.18330.
        double[] closes = [100, 100 * Math.Exp(0.01), 100, 100 * Math.Exp(0.01), 100];
        var vol = RealisedVolatility.Compute(closes, 4);
        vol.Take(4).Should().OnlyContain(x => double.IsNaN(x));
        vol[4].Should().BeApproximately(Math.Sqrt(0.0004 / 3) * Math.Sqrt(252), 1e-12);
    }

    [Fact]
    public void Constant_is_zero_and_short_is_NaN()
    {
        RealisedVolatility.Compute(Enumerable.Repeat(10.0, 30).ToArray(), 21)[21..].Should().OnlyContain(x => x == 0);
        RealisedVolatility.Compute([1.0, 2, 3], 21).Should().OnlyContain(x => double.IsNaN(x));
    }

    [Fact]
    public void NaN_close_blanks_both_of_its_returns()
    {
        var closes = TestSeries.RandomWalk(5, 40);
        closes[10] = double.NaN;
        var vol = RealisedVolatility.Compute(closes, 5);
        vol[9].Should().NotBe(double.NaN);
        vol.Skip(10).Take(6).Should().OnlyContain(x => double.IsNaN(x)); // returns 10 and 11 stay in the window through index 15
        double.IsNaN(vol[16]).Should().BeFalse();
    }
}
