using System.Globalization;
using Alvh.Reports.Charts;
using Alvh.Reports.Html;
using Alvh.Research.Scenarios;

namespace Alvh.Reports;

/// <summary>One portfolio's outcomes on every simulated path, in path order.</summary>
/// <param name="Name">Portfolio name (its colour in the charts).</param>
/// <param name="Outcomes">Its outcome on each path.</param>
public sealed record MonteCarloOutcomes(string Name, IReadOnlyList<PathOutcome> Outcomes);

/// <summary>What <c>alvh montecarlo --out</c> puts in <c>montecarlo.html</c>.</summary>
/// <param name="Title">What ran: the strategy, the paths and the generator.</param>
/// <param name="Lines">What the run was (generator, seed, start, anchor), one line each, as the console printed them.</param>
/// <param name="Strategy">The strategy.</param>
/// <param name="Baseline">The DRIP on the same paths, or null when the strategy is the DRIP itself.</param>
/// <param name="SameVolatility">The DRIP de-levered to the strategy's volatility on each path, or null with <paramref name="Baseline"/>.</param>
/// <param name="DrawdownLevels">Drawdown thresholds, positive fractions (0.2 = a drawdown worse than −20%).</param>
/// <param name="Notes">Warnings and notes the run printed (the market check's findings among them).</param>
public sealed record MonteCarloReportInput(
    string Title,
    IReadOnlyList<string> Lines,
    MonteCarloOutcomes Strategy,
    MonteCarloOutcomes? Baseline,
    MonteCarloOutcomes? SameVolatility,
    IReadOnlyList<double> DrawdownLevels,
    IReadOnlyList<string> Notes);

/// <summary>
/// The tear sheet of a Monte Carlo run, <c>montecarlo.html</c> beside montecarlo.json and paths.csv: the distributions of
/// CAGR, maximum drawdown and terminal wealth of the strategy, the DRIP and the same-volatility DRIP as cumulative
/// distributions over the paths, their percentiles with 95% intervals, the probability of each drawdown with Wilson
/// intervals, and the path-by-path comparisons. Self-contained and byte-identical for the same outcomes, like every page.
/// </summary>
public static class MonteCarloReport
{
    /// <summary>File name of the page.</summary>
    public const string FileName = "montecarlo.html";

    /// <summary>File names of the charts written beside the page.</summary>
    public static IReadOnlyList<string> ChartFileNames { get; } = ["mc-cagr.png", "mc-drawdown.png", "mc-wealth.png"];

    /// <summary>The id of every section of the page, in order.</summary>
    public static IReadOnlyList<string> SectionIds { get; } = ["summary", "cagr", "drawdown", "wealth", "distributions", "drawdown-risk", "paired", "notes"];

    /// <summary>Writes the page and its charts into <paramref name="folder"/>; returns the page's full path.</summary>
    public static string Write(string folder, MonteCarloReportInput input) => Build(input).WriteTo(folder, FileName);

    /// <summary>Renders the page and its charts.</summary>
    public static ReportDocument Build(MonteCarloReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var portfolios = new List<MonteCarloOutcomes> { input.Strategy };
        if (input.Baseline is { } baseline) portfolios.Add(baseline);
        if (input.SameVolatility is { } sameVolatility) portfolios.Add(sameVolatility);
        int paths = input.Strategy.Outcomes.Count;

        var page = new HtmlPage($"Alvh Monte Carlo {input.Strategy.Name}");
        page.Raw("<header class=\"top\">\n<h1>").Raw(HtmlPage.E($"Monte Carlo: {input.Title}")).Raw("</h1>\n");
        foreach (var line in input.Lines) page.Paragraph(line, "subtitle");
        page.Paragraph("Files: paths.csv (each path's outcomes and market: every figure below is computed from it), montecarlo.json (the strategy's and the DRIP's distributions, the comparisons, the market check).", "subtitle");
        page.Raw("</header>\n");

        var main = Summary(input.Strategy);
        page.Section("summary", "Summary", $"Over {Format.Count(paths)} paths: medians with their 95% intervals, and the share of paths whose drawdown was worse than {Format.Percent(-input.DrawdownLevels.DefaultIfEmpty(0.2).First())}.").Raw("<div class=\"cards\">\n");
        page.Card(Format.Percent(main.Cagr.P50), $"{input.Strategy.Name}: median CAGR (95% {Interval(main.Cagr.MedianCi, Format.Percent)})");
        page.Card(Format.Percent(main.MaxDrawdown.P50), $"{input.Strategy.Name}: median max drawdown (95% {Interval(main.MaxDrawdown.MedianCi, Format.Percent)})");
        if (input.DrawdownLevels.Count > 0)
        {
            var risk = MonteCarlo.DrawdownWorseThan(input.Strategy.Outcomes, input.DrawdownLevels[0]);
            page.Card(Format.Percent(risk.Estimate), $"{input.Strategy.Name}: P(drawdown worse than {Format.Percent(-input.DrawdownLevels[0])}) (95% Wilson {Format.Percent(risk.Lower)} to {Format.Percent(risk.Upper)})");
        }
        if (input.SameVolatility is { } fair)
        {
            var paired = PairedOutcomes.Of(input.Strategy.Outcomes, fair.Outcomes);
            page.Card(Format.Points(paired.CagrDifference.P50), $"{input.Strategy.Name}'s CAGR less {fair.Name}'s, path by path (median, points a year); {input.Strategy.Name}'s drawdown shallower on {Format.Percent(paired.ShallowerDrawdown.Estimate)} of paths");
        }
        page.Raw("</div>\n").EndSection();

        Chart(page, "cagr", "CAGR across the paths", "Each curve is the share of paths (y) whose CAGR was at most x: a curve to the right compounded faster; where two cross, one wins on some paths and loses on others.",
            MonteCarloCharts.Cdf(portfolios, o => o.Cagr * 100, "CAGR (%)", ChartFileNames[0], "Cumulative distribution of CAGR over the paths"));
        Chart(page, "drawdown", "Maximum drawdown across the paths", "The share of paths (y) whose maximum drawdown was at least as deep as x: a curve to the right suffered shallower drawdowns.",
            MonteCarloCharts.Cdf(portfolios, o => o.MaxDrawdown * 100, "maximum drawdown (%)", ChartFileNames[1], "Cumulative distribution of maximum drawdown over the paths"));
        Chart(page, "wealth", "Terminal wealth across the paths", "The share of paths (y) ending with at most x times the starting capital (log scale).",
            MonteCarloCharts.Cdf(portfolios, o => Math.Log10(Math.Max(o.TerminalWealth, 1e-6)), "terminal wealth (× starting capital, log scale)", ChartFileNames[2], "Cumulative distribution of terminal wealth over the paths", logX: true));

        page.Section("distributions", "Distributions", "Percentiles over the paths (linear between order statistics); the median's 95% interval from the order statistics, the mean's from Student's t.");
        var headers = new Cell[] { "portfolio", "measure", Num("p5"), Num("p25"), Num("median"), "median 95%", Num("p75"), Num("p95"), Num("mean"), "mean 95%" };
        var rows = new List<IReadOnlyList<Cell>>();
        for (int i = 0; i < portfolios.Count; i++)
        {
            var s = Summary(portfolios[i]);
            rows.Add(DistributionRow(portfolios[i].Name, i, "CAGR", s.Cagr, Format.Percent));
            rows.Add(DistributionRow(portfolios[i].Name, i, "max drawdown", s.MaxDrawdown, Format.Percent));
            rows.Add(DistributionRow(portfolios[i].Name, i, "terminal wealth (×)", s.TerminalWealth, Format.Ratio));
        }
        page.Table(headers, rows, caption: "Outcome distributions").EndSection();

        page.Section("drawdown-risk", "Probability of a deep drawdown", "The share of paths whose maximum drawdown was worse than each threshold, with its 95% Wilson interval (Wilson 1927).");
        var riskHeaders = new List<Cell> { "portfolio" };
        foreach (var level in input.DrawdownLevels) riskHeaders.Add(Num($"worse than {Format.Percent(-level)}"));
        var riskRows = new List<IReadOnlyList<Cell>>();
        for (int i = 0; i < portfolios.Count; i++)
        {
            var row = new List<Cell> { Cell.Run(portfolios[i].Name, i) };
            foreach (var level in input.DrawdownLevels)
            {
                var p = MonteCarlo.DrawdownWorseThan(portfolios[i].Outcomes, level);
                row.Add(Num($"{Format.Percent(p.Estimate)} ({Format.Percent(p.Lower)} to {Format.Percent(p.Upper)})"));
            }
            riskRows.Add(row);
        }
        page.Table(riskHeaders, riskRows, caption: "Drawdown probabilities").EndSection();

        page.Section("paired", "Path by path", "Both portfolios ran on the same simulated market, so their difference on each path carries the strategy's own effect without the spread of the paths (far tighter than comparing the two distributions). A median difference whose 95% interval holds 0 is not told apart from none by these paths.");
        var pairedRows = new List<IReadOnlyList<Cell>>();
        foreach (var other in portfolios.Skip(1))
        {
            var paired = PairedOutcomes.Of(input.Strategy.Outcomes, other.Outcomes);
            pairedRows.Add([Cell.Run(other.Name, portfolios.IndexOf(other)),
                Wrapping(PairedCell(paired.CagrDifference)),
                Wrapping(PairedCell(paired.DrawdownDifference)),
                Num($"{Format.Percent(paired.ShallowerDrawdown.Estimate)} ({Format.Percent(paired.ShallowerDrawdown.Lower)} to {Format.Percent(paired.ShallowerDrawdown.Upper)})"),
                Num($"{Format.Percent(paired.HigherTerminalWealth.Estimate)} ({Format.Percent(paired.HigherTerminalWealth.Lower)} to {Format.Percent(paired.HigherTerminalWealth.Upper)})"),
                Num(Format.Percent(paired.MeanDrawdownCut))]);
        }
        if (pairedRows.Count == 0) page.Paragraph("The strategy is the DRIP itself: there is nothing to compare it with path by path.");
        else
        {
            page.Table(
                ["against", Num("CAGR difference, points a year: median (its 95% interval; p5 to p95)"), Num("max drawdown difference, points (+ shallower): median (its 95% interval; p5 to p95)"),
                    Num($"{input.Strategy.Name}'s drawdown shallower: share of paths (95% Wilson)"), Num($"{input.Strategy.Name} ends richer: share of paths (95% Wilson)"),
                    Num("drawdown avoided on average (1 − mean drawdown ÷ the other's)")],
                pairedRows, cssClass: "wide", caption: $"{input.Strategy.Name} against each baseline on the same paths");
        }
        page.EndSection();

        page.Section("notes", "Notes");
        if (input.Notes.Count == 0) page.Paragraph("None.");
        foreach (var note in input.Notes) page.Paragraph(note);
        page.EndSection();
        return page.Finish();
    }

    private static (Distribution Cagr, Distribution MaxDrawdown, Distribution TerminalWealth) Summary(MonteCarloOutcomes o) => (
        Distribution.Of(o.Outcomes.Select(x => x.Cagr)),
        Distribution.Of(o.Outcomes.Select(x => x.MaxDrawdown)),
        Distribution.Of(o.Outcomes.Select(x => x.TerminalWealth)));

    private static void Chart(HtmlPage page, string id, string heading, string lead, ChartImage chart) => page.Section(id, heading, lead).Chart(chart).EndSection();

    private static Cell Num(string text) => Cell.Number(text);

    /// <summary>
    /// A number cell that may wrap: a paired median with its interval and range is some 45 characters, and two of them
    /// beside five long headers kept on one line made the table 2.6 times the page's width.
    /// </summary>
    private static Cell Wrapping(string text) => Cell.Number(text) with { Style = "white-space: normal" };

    private static string Interval(Alvh.Research.Scenarios.Interval interval, Func<double, string> format) =>
        double.IsNaN(interval.Lower) ? "n/a" : $"{format(interval.Lower)} to {format(interval.Upper)}";

    /// <summary>
    /// A paired difference: its median with the median's 95% interval (is the difference told apart from 0 by these
    /// paths?), then p5 to p95 (how far it spreads from path to path).
    /// </summary>
    private static string PairedCell(Distribution d) =>
        $"{Format.Points(d.P50)} (95% {Interval(d.MedianCi, Format.Points)}; p5 to p95 {Format.Points(d.P5)} to {Format.Points(d.P95)})";

    private static IReadOnlyList<Cell> DistributionRow(string name, int index, string measure, Distribution d, Func<double, string> format) =>
        [Cell.Run(name, index), measure, Num(format(d.P5)), Num(format(d.P25)), Num(format(d.P50)), Interval(d.MedianCi, format), Num(format(d.P75)), Num(format(d.P95)), Num(format(d.Mean)), Interval(d.MeanCi, format)];
}
