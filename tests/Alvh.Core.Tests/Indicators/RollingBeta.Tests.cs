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
    public void Constant_benchmark_gives_NaN()
    {
        RollingBeta.Compute([0.01, 0.02, 0.03], [0.0, 0, 0], 2).Should().OnlyContain(x => double.IsNaN(x));
        RollingCorrelation.Compute([0.01, 0.02, 0.03], [0.0, 0, 0], 2).Should().OnlyContain(x => double.IsNaN(x));
    }
}
