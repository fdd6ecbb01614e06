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
