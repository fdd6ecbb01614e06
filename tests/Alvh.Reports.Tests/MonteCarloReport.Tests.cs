using System.Security.Cryptography;
using Alvh.Reports.Tests.Support;
using Alvh.Research.Scenarios;

namespace Alvh.Reports.Tests;

/// <summary><c>montecarlo.html</c>: its sections, its bytes, its figures against the statistics they come from.</summary>
public sealed class MonteCarloReportTests
{
    /// <summary>
    /// Ten paths with hand-set outcomes: the strategy's drawdowns are −10%, −15%, −18%, −19%, −19.5%, −25%, −30%, −35%,
    /// −12% and −45%, so 4 of 10 are worse than −20%; the DRIP's are 6 points deeper on every path (8 of 10 worse than −20%).
    /// </summary>
    private static MonteCarloReportInput Input(bool withBaselines = true)
    {
        double[] drawdowns = [-0.10, -0.15, -0.18, -0.19, -0.195, -0.25, -0.30, -0.35, -0.12, -0.45];
        var strategy = drawdowns.Select((d, i) => new PathOutcome(0.05 + 0.01 * i, d, Math.Pow(1.05 + 0.01 * i, 10))).ToArray();
        var drip = strategy.Select(o => o with { Cagr = o.Cagr + 0.02, MaxDrawdown = o.MaxDrawdown - 0.06, TerminalWealth = o.TerminalWealth * 1.2 }).ToArray();
        var sameVol = strategy.Select(o => o with { Cagr = o.Cagr + 0.01, MaxDrawdown = o.MaxDrawdown + 0.01 }).ToArray();
        return new MonteCarloReportInput(
            "drip-condor-alvh on 10 bootstrap paths of 10 years",
            ["From 2026-02-12, seed 1; a test's hand-set outcomes."],
            new MonteCarloOutcomes("drip-condor-alvh", strategy),
            withBaselines ? new MonteCarloOutcomes("drip", drip) : null,
            withBaselines ? new MonteCarloOutcomes("drip-same-vol", sameVol) : null,
            [0.2, 0.3],
            ["Market check: <in line>."]);
    }

    [Fact]
    public void The_page_has_every_section_in_order_and_the_same_bytes_twice()
    {
        var first = MonteCarloReport.Build(Input());
        var second = MonteCarloReport.Build(Input());
        PageParts.SectionIds(first.Html).Should().Equal(MonteCarloReport.SectionIds);
        first.Html.Should().Be(second.Html);
        first.Charts.Select(c => c.FileName).Should().Equal(MonteCarloReport.ChartFileNames);
        first.Charts.Select(c => Convert.ToHexString(SHA256.HashData(c.Png))).Should().Equal(second.Charts.Select(c => Convert.ToHexString(SHA256.HashData(c.Png))));
        first.Html.Should().Contain("Market check: &lt;in line&gt;.", "notes are escaped");
    }

    [Fact]
    public void The_page_is_self_contained()
    {
        var html = MonteCarloReport.Build(Input()).Html;
        PageParts.References(html).Should().NotBeEmpty().And.OnlyContain(r => r.StartsWith("data:image/png;base64,", StringComparison.Ordinal));
        html.Should().NotContain("<script").And.NotContain("<link").And.NotContain("url(");
    }

    [Fact]
    public void A_drawdown_probability_reads_its_share_and_wilson_interval()
    {
        // 4 of 10 worse than −20%: Wilson's 95% interval (Wilson 1927, z = 1.96) is centre (0.4 + z²/20) / (1 + z²/10) =
        // 0.4278 ± 1.4160 × sqrt(0.024 + z²/400) = ± 0.2596, i.e. 16.8% to 68.7%. The DRIP, 6 points deeper on each path,
        // has 8 of 10: 0.7167 ± 1.4160 × sqrt(0.016 + z²/400) = ± 0.2266, i.e. 49.0% to 94.3%.
        var html = MonteCarloReport.Build(Input()).Html;
        html.Should().Contain("<td class=\"num\">40.0% (16.8% to 68.7%)</td>");
        html.Should().Contain("<td class=\"num\">80.0% (49.0% to 94.3%)</td>");
    }

    [Fact]
    public void The_paired_table_compares_the_strategy_with_each_baseline_path_by_path()
    {
        // The DRIP compounded 2 points faster and fell 6 points deeper on every path: the medians and ranges are exactly
        // that, and the strategy's drawdown was shallower on all 10 paths (Wilson 72.2% to 100.0% for 10 of 10).
        var html = MonteCarloReport.Build(Input()).Html;
        html.Should().Contain("<td class=\"num\" style=\"white-space: normal\">-2.0 (95% -2.0 to -2.0; p5 to p95 -2.0 to -2.0)</td><td class=\"num\" style=\"white-space: normal\">+6.0 (95% +6.0 to +6.0; p5 to p95 +6.0 to +6.0)</td><td class=\"num\">100.0% (72.2% to 100.0%)</td>");
    }

    [Fact]
    public void A_paired_median_carries_its_interval_from_the_order_statistics()
    {
        // The strategy compounds i points a year faster than the DRIP on path i (0 to 9). The median difference is 4.5
        // (linear between the 5th and 6th of ten); its distribution-free 95% interval is [x(2), x(9)] = [1, 8], since
        // P(2 <= B <= 8) = 1 - 2 (1 + 10) / 1024 = 0.9785 for B ~ Binomial(10, 1/2) while [x(3), x(8)] covers only
        // 1 - 2 (1 + 10 + 45) / 1024 = 0.8906 (Conover 1999, 3.2). p5 and p95 are 0.45 and 8.55.
        var input = Input();
        var drip = input.Strategy.Outcomes.Select((o, i) => o with { Cagr = o.Cagr - 0.01 * i }).ToArray();
        var html = MonteCarloReport.Build(input with { Baseline = new MonteCarloOutcomes("drip", drip) }).Html;
        html.Should().Contain("<td class=\"num\" style=\"white-space: normal\">+4.5 (95% +1.0 to +8.0; p5 to p95 +0.5 to +8.6)</td>");
    }

    [Fact]
    public void The_drip_alone_has_no_paired_table_and_says_why()
    {
        var document = MonteCarloReport.Build(Input(withBaselines: false));
        document.Html.Should().Contain("The strategy is the DRIP itself: there is nothing to compare it with path by path.");
        document.Html.Should().NotContain("drip-same-vol");
    }

    [SkippableFact]
    public async Task The_page_opens_in_headless_chromium()
    {
        BrowserCheck.RequireChromium();
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "montecarlo");
        var path = MonteCarloReport.Write(folder, Input());
        await BrowserCheck.OpenAsync(path, MonteCarloReport.SectionIds, "report-montecarlo.png");
    }

    /// <summary>
    /// The path-by-path table, the page's comparison of the strategy with each baseline, was 2,864 pixels wide in a
    /// 1,082-pixel frame at a 1,400-pixel window: its five headers and its two median-interval-range cells each kept on
    /// one line, so the shares of paths shallower and richer and the drawdown avoided lay two screens to the right.
    /// </summary>
    [SkippableFact]
    public async Task The_paired_table_fits_its_frame_on_a_desktop_screen()
    {
        BrowserCheck.RequireChromium();
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "montecarlo-width");
        var path = MonteCarloReport.Write(folder, Input());
        const string script = """
            (() => {
              const wrap = document.querySelector('section#paired .table-wrap');
              return { frame: wrap.clientWidth, table: wrap.scrollWidth };
            })()
            """;
        await using var browser = await HeadlessChromium.LaunchAsync(TimeSpan.FromSeconds(60));
        var page = await browser.VisitAsync(new Uri(path).AbsoluteUri, script, 1280, TimeSpan.FromSeconds(90));
        page.Errors.Should().BeEmpty();
        var result = page.Evaluation!.AsObject();
        result["table"]!.GetValue<int>().Should().BeLessThanOrEqualTo(result["frame"]!.GetValue<int>(), "every column of the comparison is on the screen");
    }
}
