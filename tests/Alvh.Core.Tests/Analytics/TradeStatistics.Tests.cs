using Alvh.Analytics;

namespace Alvh.Core.Tests.Analytics;

public class TradeStatisticsTests
{
    [Fact]
    public void Summary_by_hand()
    {
        // Wins 100, 200; losses −50, −25; one scratch. Hit rate 2/5; mean 225/5; PF 300/75.
        var s = TradeStatistics.Summarise([100, -50, 0, 200, -25]);
        s.Should().Be(new TradeSummary(5, 2, 0.4, 45, 150, -37.5, 225, 4));
        TradeStatistics.HitRate([100, -50, 0, 200, -25]).Should().Be(0.4);
        TradeStatistics.AveragePnl([100, -50, 0, 200, -25]).Should().Be(45);
    }

    [Fact]
    public void Edge_cases()
    {
        TradeStatistics.Summarise([]).HitRate.Should().Be(double.NaN);
        TradeStatistics.Summarise([1.0, 2.0]).ProfitFactor.Should().Be(double.PositiveInfinity);
        TradeStatistics.Summarise([0.0]).ProfitFactor.Should().Be(double.NaN);
    }
}
