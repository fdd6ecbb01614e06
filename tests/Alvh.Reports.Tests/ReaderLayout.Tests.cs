using System.Text.Json.Nodes;
using Alvh.Reports.Charts;
using Alvh.Reports.Tests.Support;

namespace Alvh.Reports.Tests;

/// <summary>What a reader of study.html sees: on a phone, in the rolling charts, on a short period's date axes, in the sensitivity table.</summary>
public sealed class ReaderLayoutTests
{
    /// <summary>
    /// At 420 CSS pixels the four headline figures stacked off the screen: a grid of four fixed columns wider than a
    /// phone, the fourth (the full system against the same-volatility DRIP) beyond the right edge and the page
    /// scrolling sideways. Tables may scroll inside their own frame; the page itself must not.
    /// </summary>
    [SkippableFact]
    public async Task On_a_phone_the_headline_figures_fit_and_the_page_does_not_scroll_sideways()
    {
        BrowserCheck.RequireChromium();
        var (study, series) = SyntheticStudy.Build();
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "phone");
        var path = StudyReport.Build(study, series).WriteTo(folder, StudyReport.FileName);
        const string script = """
            (() => ({
              viewport: document.documentElement.clientWidth,
              page: document.documentElement.scrollWidth,
              cards: [...document.querySelectorAll('.card')].map(c => Math.ceil(c.getBoundingClientRect().right)),
              charts: [...document.querySelectorAll('.grid2 figure')].map(f => Math.round(f.getBoundingClientRect().width))
            }))()
            """;
        await using var browser = await HeadlessChromium.LaunchAsync(TimeSpan.FromSeconds(60));
        var page = await browser.VisitAsync(new Uri(path).AbsoluteUri, script, 420, TimeSpan.FromSeconds(90));
        page.Errors.Should().BeEmpty();
        var result = page.Evaluation!.AsObject();
        int viewport = result["viewport"]!.GetValue<int>();
        result["page"]!.GetValue<int>().Should().BeLessThanOrEqualTo(viewport, "the page must not scroll sideways on a phone");
        var cards = result["cards"]!.AsArray().Select(n => n!.GetValue<int>()).ToList();
        cards.Should().HaveCount(4).And.OnlyContain(right => right <= viewport, "every headline figure is on the screen");
        // The four rolling charts one under the other, each nearly the screen's width, not two 180-pixel thumbnails a row.
        result["charts"]!.AsArray().Select(n => n!.GetValue<int>()).Should().OnlyContain(w => w >= viewport * 0.8);
    }

    /// <summary>
    /// The rolling charts drew a legend inside their data area, over the latest years (2019-2025 of the study's
    /// rolling return and Sharpe; the last months of a two-year study); the section's HTML legend already names the colours.
    /// </summary>
    [Fact]
    public void The_rolling_charts_leave_their_data_uncovered()
    {
        var (study, series) = SyntheticStudy.Build();
        var curves = study.Runs.Select((r, i) => new ReportCurve(r.Name, r.Dates, r.Equity, i)).ToList();
        var plots = RollingCharts.Plots(curves, series);
        plots.Should().HaveCount(4);
        foreach (var (plot, file, _) in plots)
        {
            plot.Legend.IsVisible.Should().BeFalse(file);
            plot.Dispose();
        }
        StudyReport.Build(study, series).Html.Should().Contain("<div class=\"legend\">", "the colours are named once, above the four charts");
    }

    /// <summary>
    /// The VIX chart drew its seven-row legend in the data area's upper-right corner, over the latest years: the study's
    /// April 2025 close of 52.3 and the monetisations marked on it were hidden under it. The legend is now beside the data.
    /// </summary>
    [Fact]
    public void The_vix_chart_keeps_its_legend_out_of_the_data()
    {
        var dates = Enumerable.Range(0, 300).Select(i => new DateOnly(2024, 1, 1).AddDays(i)).ToArray();
        var vix = dates.Select((_, i) => i == 290 ? 52.3 : 15.0).ToArray();
        using var plot = VixChart.Plot(dates, vix, [dates[10]], [dates[290]], "drip-alvh");
        plot.Legend.IsVisible.Should().BeFalse("a legend inside the data area covers the latest peaks");
        plot.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>().Should().ContainSingle("the legend is on the chart's edge, outside the data");
    }

    /// <summary>A two-year study's date axes read 07/01/2019, 10/01/2019 (US order) on a page that writes every date as 2019-07-01.</summary>
    [Fact]
    public void Date_axes_label_in_iso_order()
    {
        ChartCanvas.DateLabel(new DateTime(2019, 7, 1)).Should().Be("2019-07");
        ChartCanvas.DateLabel(new DateTime(2020, 1, 1)).Should().Be("2020");
        ChartCanvas.DateLabel(new DateTime(2020, 3, 16)).Should().Be("2020-03-16");
        using var plot = ChartCanvas.CreateDated("t", "y");
        var generator = plot.Axes.Bottom.TickGenerator.Should().BeOfType<ScottPlot.TickGenerators.DateTimeAutomatic>().Subject;
        generator.LabelFormatter.Should().NotBeNull();
        generator.LabelFormatter!(new DateTime(2019, 10, 1)).Should().Be("2019-10");
    }

    /// <summary>
    /// The claim's tables give each window's cut as "% less" and "points", signed (+1.1, -0.4), and the page said what
    /// "% less" is but not which sign of "points" is shallower.
    /// </summary>
    [Fact]
    public void The_claims_points_say_which_sign_is_shallower()
    {
        var (study, series) = SyntheticStudy.Build();
        var html = StudyReport.Build(study, series).Html;
        int start = html.IndexOf("<section id=\"claims\">", StringComparison.Ordinal);
        var section = html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
        section.Should().Contain("<th class=\"num\">points</th>");
        section.Should().Contain("(points: + shallower than the DRIP, − deeper)");
    }

    /// <summary>The sensitivity table's numeric headers sat left-aligned over right-aligned figures, unlike every other table of the page.</summary>
    [Fact]
    public void The_sensitivity_tables_numeric_headers_align_with_their_figures()
    {
        var (study, series) = SyntheticStudy.Build();
        var html = StudyReport.Build(study, series).Html;
        int start = html.IndexOf("<section id=\"sensitivity\">", StringComparison.Ordinal);
        var section = html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
        foreach (var header in new[] { "CAGR", "volatility", "max drawdown", "avg window drawdown cut", "same-vol DRIP CAGR", "same-vol DRIP max drawdown" })
            section.Should().Contain($"<th class=\"num\">{header}</th>");
        section.Should().Contain("<th>scenario</th>").And.Contain("<th>beats it?</th>");
    }

    /// <summary>
    /// An --as-if study (from 1990) said its figures before 2006 are hypothetical only in the notes at the foot of the
    /// page; the title, the answer and the headline figures above read like a record.
    /// </summary>
    [Fact]
    public void An_as_if_study_says_it_is_hypothetical_beside_the_answer()
    {
        var (study, series) = SyntheticStudy.Build();
        StudyReport.Build(study, series).Html.Should().NotContain("Hypothetical before", "a study from 2006-02-24 on traded listed options only");
        var html = StudyReport.Build(study with { From = new DateOnly(1990, 1, 2) }, series).Html;
        int warning = html.IndexOf("<p class=\"asif\">Hypothetical before 2006-02-24", StringComparison.Ordinal);
        warning.Should().BeGreaterThan(html.IndexOf("<p class=\"answer", StringComparison.Ordinal));
        warning.Should().BeLessThan(html.IndexOf("<div class=\"cards\">", StringComparison.Ordinal));
    }
}
