using System.Security.Cryptography;
using Alvh.Analytics;
using Alvh.Reports.Tests.Support;
using Alvh.Research;

namespace Alvh.Reports.Tests;

/// <summary><c>walkforward.html</c>: its sections, its bytes, its folds and its PBO.</summary>
public sealed class WalkForwardReportTests
{
    /// <summary>
    /// 300 weekdays from 2020-01-06 and two folds. The PBO comes from the hand-worked case of the CSCV tests (N = 2, S = 4:
    /// six splits, two with the in-sample winner last out of sample, λ = −ln 2, four with it first, λ = ln 2; PBO 1/3).
    /// </summary>
    private static WalkForwardReportInput Input(PboResult? pbo = null)
    {
        var dates = new List<DateOnly>();
        for (var d = new DateOnly(2020, 1, 6); dates.Count < 300; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) dates.Add(d);
        }
        var days = dates.ToArray();
        WalkForwardCurve Curve(string name, double drift)
        {
            var equity = new double[days.Length];
            for (int t = 0; t < equity.Length; t++) equity[t] = Math.Exp(drift * t + 0.01 * Math.Sin(t / 7.0));
            return new WalkForwardCurve(name, equity, Metrics.Compute(equity, days, [], [], [], []));
        }
        var folds = new[]
        {
            new WalkForwardReportFold(new WalkForwardFold(new DateOnly(2017, 1, 3), days[0], days[1], days[149], 1, 0.84, 1.21, 0.062, 1), "alvh.rules.budgetPerYear=0.02"),
            new WalkForwardReportFold(new WalkForwardFold(new DateOnly(2017, 7, 3), days[149], days[150], days[^1], 0, 0.77, -0.35, -0.041, 2), "alvh.rules.budgetPerYear=0.01 (tie of 2 on train: the first of them)"),
        };
        double l = Math.Log(2);
        return new WalkForwardReportInput("drip-alvh over 2 grid points, train 3 y, test 1 y", days,
            [Curve("walk-forward", 0.0004), Curve("drip-alvh as configured", 0.0003), Curve("drip", 0.0005)], folds,
            pbo ?? new PboResult(1.0 / 3, 6, 4, [-l, l, l, l, l, -l], 2, 2), "CSCV <method>");
    }

    [Fact]
    public void The_page_has_every_section_in_order_and_the_same_bytes_twice()
    {
        var first = WalkForwardReport.Build(Input());
        var second = WalkForwardReport.Build(Input());
        PageParts.SectionIds(first.Html).Should().Equal(WalkForwardReport.SectionIds);
        first.Html.Should().Be(second.Html);
        first.Charts.Select(c => c.FileName).Should().Equal(WalkForwardReport.ChartFileNames);
        first.Charts.Select(c => Convert.ToHexString(SHA256.HashData(c.Png))).Should().Equal(second.Charts.Select(c => Convert.ToHexString(SHA256.HashData(c.Png))));
        first.Html.Should().Contain("CSCV &lt;method&gt;", "text is escaped");
        PageParts.References(first.Html).Should().OnlyContain(r => r.StartsWith("data:image/png;base64,", StringComparison.Ordinal));
    }

    /// <summary>
    /// The period's last days that no fold holds are said on the page as on the console: the out-of-sample curve stopped
    /// short of the period's end without a word on the page (review, stop 31).
    /// </summary>
    [Fact]
    public void The_days_after_the_last_test_window_are_said()
    {
        WalkForwardReport.Build(Input()).Html.Should().NotContain("in no fold");
        var html = WalkForwardReport.Build(Input() with { Untested = new UntestedDays(12, new DateOnly(2016, 1, 4), new DateOnly(2016, 1, 20)) }).Html;
        html.Should().Contain("(the period&#39;s last 12 trading days, 2016-01-04 to 2016-01-20, are too few for a test window (at least 20) and in no fold)");
        new UntestedDays(1, new DateOnly(2016, 1, 20), new DateOnly(2016, 1, 20)).ToString().Should().StartWith("the period's last 1 trading day, ");
    }

    [Fact]
    public void The_folds_and_the_pbo_read_as_computed()
    {
        var html = WalkForwardReport.Build(Input()).Html;
        html.Should().Contain("<td>alvh.rules.budgetPerYear=0.01 (tie of 2 on train: the first of them)</td>");
        html.Should().Contain("<td class=\"num neg\">-0.35</td><td class=\"num neg\">-4.1%</td>", "a losing test window is marked");
        html.Should().Contain("<div class=\"value\">0.333</div>", "the hand-worked PBO, 2 of 6 splits at λ = −ln 2");
        html.Should().Contain("6 splits over 2 distinct configurations");
    }

    /// <summary>
    /// The page says how the folds' returns are made (each grid point's own run over the whole period, cut at the windows,
    /// so a switch is free and takes over open positions) and that the PBO reads every day: neither was said (review).
    /// </summary>
    [Fact]
    public void The_page_says_how_the_folds_returns_are_cut_and_what_the_pbo_reads()
    {
        var html = WalkForwardReport.Build(Input()).Html;
        html.Should().Contain("Each grid point&#39;s daily returns are those of its own run over the whole period, cut at the windows: a switch of grid point at a test window&#39;s start costs nothing and takes over that run&#39;s open positions.")
            .And.Contain("The PBO ranks the grid points over every day of the period, train and test windows alike.");
    }

    [Fact]
    public void Without_two_distinct_configurations_the_pbo_is_said_to_be_undefined()
    {
        var document = WalkForwardReport.Build(Input(new PboResult(double.NaN, 0, 4, [], 1, 2)));
        document.Html.Should().Contain("n/a (1 distinct configuration: nothing to choose between)");
        document.Html.Should().Contain("alt=\"Distribution of the CSCV logits", "the chart is still written (empty), replacing an earlier run's");
        document.Charts.Select(c => c.FileName).Should().Equal(WalkForwardReport.ChartFileNames);
    }

    /// <summary>
    /// The empty histogram of a walk-forward without two distinct configurations had ScottPlot's default axes, its share of
    /// splits running from -10% to 10%. A share is drawn from 0 to 100%.
    /// </summary>
    [Fact]
    public void Without_splits_the_histogram_s_shares_run_from_0_to_100_percent()
    {
        using var plot = Alvh.Reports.Charts.WalkForwardCharts.LogitsPlot(new PboResult(double.NaN, 0, 4, [], 1, 2));
        var limits = plot.Axes.GetLimits();
        limits.Bottom.Should().Be(0);
        limits.Top.Should().Be(100);
    }

    /// <summary>
    /// A PBO over 3 distinct configurations is read against no skill's 2/3, not 1/2, and the page, the console and the JSON
    /// say so: six splits (S = 4) whose in-sample best ranked 2 (λ = ln(2/4 ÷ 2/4) = 0) three times, 1 (λ = −ln 3) once and 3
    /// (λ = ln 3) twice give a PBO of 4/6; 3/6 = 50.0% at the middle and 1/6 = 16.7% below it (hand computation). With 30
    /// days a block there is no caveat on the blocks; with 17 (S = 16 over the shortest period a fold allows, about 272
    /// days) there is, and a grid of 25 distinct configurations has none on its size.
    /// </summary>
    [Fact]
    public void A_pbo_over_few_configurations_or_short_blocks_carries_its_caveats()
    {
        double l3 = Math.Log(3);
        var three = new PboResult(4.0 / 6, 6, 4, [0, 0, 0, -l3, l3, l3], 3, 30);
        var caveats = WalkForwardReport.PboCaveats(three);
        caveats.Should().HaveCount(2);
        caveats[0].Should().Contain("with 3 distinct configurations the PBO is coarse")
            .And.Contain("a choice with no skill scores 0.667, not 0.5 (here 50.0% of the splits ranked it in the middle and 16.7% below)");
        // C(4, 2) = 6 splits: the PBO is k/6, 7 values in steps of 1/6.
        caveats[1].Should().StartWith("4 blocks give only 6 splits, so the PBO can take only 7 values, in steps of 0.167");
        WalkForwardReport.Build(Input(three)).Html.Should().Contain("Caveat: with 3 distinct configurations").And.Contain("a choice with no skill scores 0.667");

        // S = 8: C(8, 4) = 70 splits, no caveat on their number.
        var eight = three with { Splits = 70, Blocks = 8 };
        WalkForwardReport.PboCaveats(eight with { Configurations = 25 }).Should().BeEmpty();
        WalkForwardReport.PboCaveats(eight with { Configurations = 25, BlockPeriods = 17 }).Should().ContainSingle()
            .Which.Should().Contain("the 8 blocks hold only 17 trading days each");
        // S = 6: C(6, 3) = 20 splits, steps of 0.05.
        WalkForwardReport.PboCaveats(eight with { Configurations = 25, Splits = 20, Blocks = 6 }).Should().ContainSingle()
            .Which.Should().StartWith("6 blocks give only 20 splits, so the PBO can take only 21 values, in steps of 0.050");
        WalkForwardReport.PboCaveats(new PboResult(double.NaN, 0, 4, [], 1, 17)).Should().BeEmpty("no PBO, nothing to qualify");
    }

    /// <summary>
    /// The red bins hold exactly the splits the PBO counts (λ ≤ 0), a logit of exactly 0 (the middle rank) among them even
    /// when it is the smallest: logits {0, 0, ln 3} drew the zeros blue, no overfit split against a PBO of 2/3 (review).
    /// </summary>
    [Theory]
    [InlineData(new[] { 0.0, 0.0, 1.0986 }, 2)]
    [InlineData(new[] { 0.0, 0.0, 0.0 }, 3)]
    [InlineData(new[] { -0.6931, 0.6931, 0.6931, 0.6931, 0.6931, -0.6931 }, 2)]
    [InlineData(new[] { 0.25, 0.5, 1.0 }, 0)]
    [InlineData(new[] { -0.25, 0.0 }, 2)]
    public void The_red_bins_hold_the_splits_the_pbo_counts(double[] logits, int overfit)
    {
        var bins = Alvh.Reports.Charts.WalkForwardCharts.Bins(logits);
        bins.Sum(b => b.Count).Should().Be(logits.Length);
        bins.Where(b => Alvh.Reports.Charts.WalkForwardCharts.Overfit(b.Left)).Sum(b => b.Count).Should().Be(overfit);
        logits.Count(l => l <= 0).Should().Be(overfit, "the PBO's count");
    }

    [SkippableFact]
    public async Task The_page_opens_in_headless_chromium()
    {
        BrowserCheck.RequireChromium();
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "walkforward");
        var path = WalkForwardReport.Write(folder, Input());
        await BrowserCheck.OpenAsync(path, WalkForwardReport.SectionIds, "report-walkforward.png");
    }
}
