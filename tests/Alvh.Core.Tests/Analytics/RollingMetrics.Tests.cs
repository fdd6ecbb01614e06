using Alvh.Analytics;

namespace Alvh.Core.Tests.Analytics;

public class RollingMetricsTests
{
    private const int Window = 60;
    private static readonly double[] R = AnalyticsTestData.NormalReturns(9001, 400, 0.0004, 0.012);
    private static readonly double[] B = AnalyticsTestData.NormalReturns(9002, 400, 0.0003, 0.01).Select((x, i) => x + 0.7 * R[i]).ToArray();
    private static readonly double[] Rf = Enumerable.Range(0, 400).Select(i => 0.0001 + 1e-6 * (i % 7)).ToArray();

    [Fact]
    public void Each_window_equals_the_full_sample_function_on_that_window()
    {
        var vol = RollingMetrics.Volatility(R, Window);
        var sharpe = RollingMetrics.Sharpe(R, Rf, Window);
        var beta = RollingMetrics.Beta(R, B, Rf, Window);
        vol[..(Window - 1)].Should().OnlyContain(x => double.IsNaN(x));
        for (int t = Window - 1; t < R.Length; t += 23)
        {
            var range = (t - Window + 1)..(t + 1);
            vol[t].Should().BeApproximately(SampleStatistics.AnnualisedVolatility(R[range]), 1e-12);
            sharpe[t].Should().BeApproximately(RiskAdjustedReturns.Sharpe(R[range], Rf[range]), 1e-9);
            beta[t].Should().BeApproximately(Capm.Regress(R[range], B[range], Rf[range]).Beta, 1e-10);
        }
    }

    [Fact]
    public void Rolling_return_by_hand()
    {
        var ret = RollingMetrics.Return([100.0, 110, 121, 133.1], 2);
        ret[0].Should().Be(double.NaN);
        ret[1].Should().Be(double.NaN);
        ret[2].Should().BeApproximately(0.21, 1e-14);
        ret[3].Should().BeApproximately(0.21, 1e-14);
        RollingMetrics.Return(AnalyticsTestData.Curve(R)).Count(double.IsFinite).Should().Be(R.Length + 1 - 252);
    }
}
