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
        // Around the gap the values are the definition's: the two-pass sample σ (×√252) of the five log returns
        // ending there (returns 5–9 before the NaN close, 12–16 once returns 10 and 11 have left the window).
        vol[9].Should().BeApproximately(TwoPassVolatility(closes, 9, 5), 1e-12 * TwoPassVolatility(closes, 9, 5));
        vol.Skip(10).Take(6).Should().OnlyContain(x => double.IsNaN(x)); // returns 10 and 11 stay in the window through index 15
        vol[16].Should().BeApproximately(TwoPassVolatility(closes, 16, 5), 1e-12 * TwoPassVolatility(closes, 16, 5));
    }

    // Annualised sample standard deviation of the period log returns ending at index end, summed afresh.
    private static double TwoPassVolatility(double[] closes, int end, int period)
    {
        var r = Enumerable.Range(end - period + 1, period).Select(k => Math.Log(closes[k] / closes[k - 1])).ToArray();
        double mean = r.Average();
        return Math.Sqrt(r.Sum(x => (x - mean) * (x - mean)) / (period - 1)) * Math.Sqrt(252);
    }

    [Fact]
    public void Matches_the_two_pass_sample_deviation_of_log_returns()
    {
        // Two-pass σ of the 21 log returns (Math.Log) on every bar of 5,000. Tolerance 1e-12 relative: the
        // returns are ~1e-2 with window σ ~1e-2, so the centred running M2 has nothing to cancel; what is
        // left is the vector logarithm (≈ 1 ulp) and the reference's own rounding. Measured max 6e-15.
        var closes = TestSeries.RandomWalk(5, 5_000).Select(x => 40 * x).ToArray();
        var vol = RealisedVolatility.Compute(closes, 21);
        for (int i = 21; i < closes.Length; i++)
        {
            var r = Enumerable.Range(i - 20, 21).Select(k => Math.Log(closes[k] / closes[k - 1])).ToArray();
            double mean = r.Average();
            double sd = Math.Sqrt(r.Sum(x => (x - mean) * (x - mean)) / 20) * Math.Sqrt(252);
            vol[i].Should().BeApproximately(sd, 1e-12 * sd, $"index {i}");
        }
    }
}
