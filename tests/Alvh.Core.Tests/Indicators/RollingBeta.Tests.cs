using Alvh.Indicators;

namespace Alvh.Core.Tests.Indicators;

public class RollingBetaTests
{
    [Fact]
    public void Leveraged_copy_has_beta_two_and_correlation_one()
    {
        var market = TestSeries.Returns(TestSeries.RandomWalk(11, 200));
        var asset = market.Select(r => 2 * r + 0.0001).ToArray();
        var beta = RollingBeta.Compute(asset, market, 20);
        var corr = RollingCorrelation.Compute(asset, market, 20);
        beta.Take(20).Should().OnlyContain(x => double.IsNaN(x)); // index 0 return is NaN
        beta[20..].Should().OnlyContain(x => Math.Abs(x - 2) < 1e-9);
        corr[20..].Should().OnlyContain(x => Math.Abs(x - 1) < 1e-9);
    }

    [Fact]
    public void Matches_a_naive_window_computation()
    {
        var x = TestSeries.Returns(TestSeries.RandomWalk(12, 3000));
        var y = TestSeries.Returns(TestSeries.RandomWalk(13, 3000)).Select((r, i) => 0.5 * x[i] + r).ToArray();
        var beta = RollingBeta.Compute(y, x, 60);
        var corr = RollingCorrelation.Compute(x, y, 60);
        for (int i = 60; i < x.Length; i += 97)
        {
            var wx = x[(i - 59)..(i + 1)];
            var wy = y[(i - 59)..(i + 1)];
            double mx = wx.Average(), my = wy.Average();
            double c = wx.Zip(wy, (a, b) => (a - mx) * (b - my)).Sum();
            double vx = wx.Sum(a => (a - mx) * (a - mx)), vy = wy.Sum(b => (b - my) * (b - my));
            beta[i].Should().BeApproximately(c / vx, 1e-9);
            corr[i].Should().BeApproximately(c / Math.Sqrt(vx * vy), 1e-9);
        }
    }

    [Fact]
    public void Matches_a_naive_window_computation_at_every_bar_of_a_long_series()
    {
        // 10,000 bars: several groups of four 256-bar blocks, each block from an exact restart. Same
        // two-pass reference and tolerance as above.
        var x = TestSeries.Returns(TestSeries.RandomWalk(14, 10_000));
        var y = TestSeries.Returns(TestSeries.RandomWalk(15, 10_000)).Select((r, i) => 0.5 * x[i] + r).ToArray();
        var beta = RollingBeta.Compute(y, x, 60);
        var corr = RollingCorrelation.Compute(x, y, 60);
        for (int i = 60; i < x.Length; i++)
        {
            var wx = x.AsSpan(i - 59, 60);
            var wy = y.AsSpan(i - 59, 60);
            double mx = 0, my = 0;
            for (int k = 0; k < 60; k++) { mx += wx[k]; my += wy[k]; }
            mx /= 60;
            my /= 60;
            double c = 0, vx = 0, vy = 0;
            for (int k = 0; k < 60; k++)
            {
                c += (wx[k] - mx) * (wy[k] - my);
                vx += (wx[k] - mx) * (wx[k] - mx);
                vy += (wy[k] - my) * (wy[k] - my);
            }
            Math.Abs(beta[i] - c / vx).Should().BeLessThan(1e-9, $"index {i}");
            Math.Abs(corr[i] - c / Math.Sqrt(vx * vy)).Should().BeLessThan(1e-9, $"index {i}");
        }
    }

    [Fact]
    public void Constant_benchmark_gives_NaN()
    {
        RollingBeta.Compute([0.01, 0.02, 0.03], [0.0, 0, 0], 2).Should().OnlyContain(x => double.IsNaN(x));
        RollingCorrelation.Compute([0.01, 0.02, 0.03], [0.0, 0, 0], 2).Should().OnlyContain(x => double.IsNaN(x));
    }
}
