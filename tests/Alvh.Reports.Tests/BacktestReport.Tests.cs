using Alvh.Reports.Tests.Support;

namespace Alvh.Reports.Tests;

public sealed class BacktestReportTests
{
    [Fact]
    public void A_backtest_page_has_its_sections_and_the_same_bytes_twice()
    {
        var (study, series) = SyntheticStudy.Build(days: 400);
        var run = study.Run("drip-condor-alvh");
        var first = BacktestReport.Build(run.Name, run.Backtest!, run.Metrics, series);
        var second = BacktestReport.Build(run.Name, run.Backtest!, run.Metrics, series);
        PageParts.SectionIds(first.Html).Should().Equal(BacktestReport.SectionIds);
        first.Html.Should().Be(second.Html);
        first.Html.Should().Contain("Backtest: drip-condor-alvh").And.Contain("condorWidth");
    }

    /// <summary>
    /// The page counts the orders the fills did not take by kind: it said "1 orders", and called a leg left out for want of
    /// a bid a lack of cash.
    /// </summary>
    [Fact]
    public void A_backtest_page_counts_its_dropped_orders_by_kind()
    {
        var (study, series) = SyntheticStudy.Build(days: 400);
        var run = study.Run("drip-condor-alvh");
        var day = new DateOnly(2020, 1, 3);
        var one = new Alvh.Engine.DroppedOrder(day, "condor", "SPX 2020-01-10 P 3000", "stop loss", "no tradable price", Alvh.Engine.DroppedOrderKind.NotFilled);
        var part = one with { Why = "not enough cash", Kind = Alvh.Engine.DroppedOrderKind.FilledInPart };
        string Lead(params Alvh.Engine.DroppedOrder[] dropped) =>
            BacktestReport.Build(run.Name, run.Backtest! with { Dropped = dropped }, run.Metrics, series).Html;

        Lead(one).Should().Contain(">1 order not filled (").And.NotContain("filled in part");
        Lead(one, one, part).Should().Contain(">2 orders not filled (").And.Contain("; 1 order filled in part (for lack of cash, or without a leg that had no bid) (see summary.json");
        Lead(part, part).Should().Contain(">2 orders filled in part (").And.NotContain("not filled");
        Lead().Should().NotContain("see summary.json, &#39;dropped&#39;").And.NotContain("see summary.json, 'dropped'");
    }

    [SkippableFact]
    public async Task A_backtest_page_opens_in_headless_chromium()
    {
        BrowserCheck.RequireChromium();
        var (study, series) = SyntheticStudy.Build(days: 400);
        var run = study.Run("drip");
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "backtest");
        var path = BacktestReport.Write(folder, run.Name, run.Backtest!, run.Metrics, series);
        await BrowserCheck.OpenAsync(path, BacktestReport.SectionIds, "report-backtest.png");
    }
}
