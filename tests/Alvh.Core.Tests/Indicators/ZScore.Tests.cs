using Alvh.Indicators;

namespace Alvh.Core.Tests.Indicators;

public class ZScoreTests
{
    [Fact]
    public void Standardises_the_current_value_within_its_window()
    {
        // Hand computation: window 2,4,4,4,5,5,7,9: mean 5, population σ 2 → z(9) = 2.
        ZScore.Compute([2.0, 4, 4, 4, 5, 5, 7, 9], 8)[7].Should().BeApproximately(2, 1e-12);
    }

    [Fact]
    public void Constant_window_is_zero_and_NaN_blanks_the_window()
    {
        ZScore.Compute(Enumerable.Repeat(1.0, 10).ToArray(), 5)[4..].Should().OnlyContain(x => x == 0);
        var z = ZScore.Compute([1.0, 2, double.NaN, 4, 5, 6], 2);
        z[1].Should().BeApproximately(1, 1e-12);
        z[2..4].Should().OnlyContain(x => double.IsNaN(x));
        z[4].Should().BeApproximately(1, 1e-12);
    }

    [Theory]
    [InlineData(40.0, 0.0, 1e-9)]  // level ≈ 4,000 with 1 % daily moves (window σ ≈ 100)
    [InlineData(0.0, 0.01, 2e-6)]  // level ≈ 5,000 with moves of ≈ 0.01 (window σ ≈ 0.03, 2e5 times below the level)
    public void Stays_accurate_at_price_levels_over_long_series(double scale, double step, double tolerance)
    {
        // Against the two-pass z-score in decimal (exact to ~1e-20 here) on every bar of 10,000. The centred
        // O(1) update rounds the running mean once per bar at the level's ulp (9e-13 at 5,000), and those
        // roundings add up over the bars since the last exact window; the z-score sees that drift divided
        // by σ. Measured max: 4.8e-10 and 6.8e-7 — the same as before the batch loop was split into
        // additions and a vector pass (the update's additions are the same in number and kind); tolerances
        // are those with margin.
        var walk = TestSeries.RandomWalk(3, 10_000);
        var values = walk.Select(x => scale > 0 ? x * scale : 5000 + step * (x - 100)).ToArray();
        const int period = 60;
        var z = ZScore.Compute(values, period);
        for (int i = period - 1; i < values.Length; i++)
        {
            decimal mean = 0, m2 = 0;
            for (int k = i - period + 1; k <= i; k++) mean += (decimal)values[k];
            mean /= period;
            for (int k = i - period + 1; k <= i; k++) m2 += ((decimal)values[k] - mean) * ((decimal)values[k] - mean);
            double exact = (double)((decimal)values[i] - mean) / Math.Sqrt((double)(m2 / period));
            z[i].Should().BeApproximately(exact, tolerance, $"index {i}");
        }
    }
}
