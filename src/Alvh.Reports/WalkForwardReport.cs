using System.Globalization;
using Alvh.Analytics;
using Alvh.Reports.Charts;
using Alvh.Reports.Html;
using Alvh.Research;

namespace Alvh.Reports;

/// <summary>One fold of a walk-forward as the page shows it.</summary>
/// <param name="Fold">The fold.</param>
/// <param name="Chosen">The configuration held over its test window, in words (its grid values, and a tie when there was one).</param>
/// <param name="TestNote">Said after the test window's dates (e.g. "partial: 123 days" for one cut at the period's end), or null.</param>
public sealed record WalkForwardReportFold(WalkForwardFold Fold, string Chosen, string? TestNote = null);

/// <summary>A curve over the out-of-sample days with its metrics.</summary>
/// <param name="Name">Its name (the walk-forward, the strategy as configured, the DRIP).</param>
/// <param name="Equity">Growth of 1 on each out-of-sample day.</param>
/// <param name="Metrics">Its metrics over those days.</param>
public sealed record WalkForwardCurve(string Name, double[] Equity, MetricSet Metrics);

/// <summary>What <c>alvh walkforward --out</c> puts in <c>walkforward.html</c>.</summary>
/// <param name="Title">What ran: the strategy, the grid's size, the windows.</param>
/// <param name="Dates">The out-of-sample days (the close of the first choice, then the test windows back to back).</param>
/// <param name="Curves">The walk-forward first, then the fixed configurations over the same days.</param>
/// <param name="Folds">The folds, in date order.</param>
/// <param name="Pbo">The probability of backtest overfitting over the whole period.</param>
/// <param name="Method">How the PBO was computed, in words.</param>
/// <param name="Untested">The period's last trading days that no fold holds (too few for a test window), or null when none.</param>
public sealed record WalkForwardReportInput(string Title, DateOnly[] Dates, IReadOnlyList<WalkForwardCurve> Curves, IReadOnlyList<WalkForwardReportFold> Folds, PboResult Pbo, string Method, UntestedDays? Untested = null);

/// <summary>The period's last trading days after the last test window, too few (under 20) for one of their own.</summary>
/// <param name="Days">How many.</param>
/// <param name="From">The first of them.</param>
/// <param name="To">The last of them, the period's last day.</param>
public sealed record UntestedDays(int Days, DateOnly From, DateOnly To)
{
    /// <summary>The sentence the console, the page and the README use.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"the period's last {Days} trading day{(Days == 1 ? "" : "s")}, {From:yyyy-MM-dd} to {To:yyyy-MM-dd}, are too few for a test window (at least 20) and in no fold");
}

/// <summary>
/// The tear sheet of a walk-forward, <c>walkforward.html</c> beside walkforward.json: the stitched out-of-sample curve
/// against the strategy as configured and the DRIP over the same days, the folds, and the probability of backtest
/// overfitting with the distribution of its logits. Self-contained and byte-identical for the same inputs.
/// </summary>
public static class WalkForwardReport
{
    /// <summary>
    /// How the folds' returns are made (WalkForward's remarks), said on the page and the console: it was said in the code
    /// only, and a condor or a hedge layer a test window holds may have been opened in the train window before it.
    /// </summary>
    public const string Slicing = "Each grid point's daily returns are those of its own run over the whole period, cut at the windows: a switch of grid point at a test window's start costs nothing and takes over that run's open positions. The PBO ranks the grid points over every day of the period, train and test windows alike.";

    /// <summary>As few splits as this (S = 6 gives 20, S = 4 six, S = 2 two) draw a caveat (<see cref="PboCaveats"/>): the PBO moves in steps of 1/splits.</summary>
    public const int FewSplits = 20;

    /// <summary>Blocks shorter than this many trading days (a month) draw a caveat (<see cref="PboCaveats"/>).</summary>
    public const int ShortBlockDays = 21;

    /// <summary>
    /// What makes a PBO hard to read, said beside it on the page, the console (as warnings) and in walkforward.json
    /// (<c>pbo.caveats</c>); empty when nothing does. With 2 or 3 distinct configurations the logit takes only 2 or 3
    /// values (the paper's grids have hundreds of points), and with 3 the middle rank, λ = 0, counts as overfit, so a
    /// choice with no skill scores 2/3: a 3-point grid of drip-condor's shortDelta over 1990-2026 gave 0.903, which read as
    /// heavy overfitting where its in-sample best ranked last out of sample in 30.5% of the splits, below no skill's third.
    /// With S ≤ 6 blocks there are at most 20 splits, C(S, S/2), and the PBO moves in steps of 1/20 or more.
    /// Blocks shorter than a month are tied to their neighbours by the positions held across their edges (a weekly
    /// condor, a hedge layer held for months), where the CSCV takes them as near-independent.
    /// </summary>
    public static IReadOnlyList<string> PboCaveats(PboResult pbo)
    {
        ArgumentNullException.ThrowIfNull(pbo);
        var caveats = new List<string>();
        if (pbo.Splits == 0) return caveats;
        if (pbo.Configurations <= 3)
        {
            caveats.Add(pbo.Configurations == 2
                ? string.Create(CultureInfo.InvariantCulture, $"with 2 distinct configurations the PBO is coarse: it is the share of splits in which the in-sample best is the worse of the two out of sample (or ties, logit 0), {pbo.NoSkillProbability:0.000} for a choice with no skill; a grid of more points says more")
                : string.Create(CultureInfo.InvariantCulture, $"with {pbo.Configurations} distinct configurations the PBO is coarse: the in-sample best can rank only 1 to {pbo.Configurations} out of sample, and the middle rank (logit 0) counts as overfit, so a choice with no skill scores {pbo.NoSkillProbability:0.000}, not 0.5 (here {pbo.AtMiddle:0.0%} of the splits ranked it in the middle and {pbo.Probability - pbo.AtMiddle:0.0%} below); a grid of more points says more"));
        }
        if (pbo.Splits <= FewSplits)
        {
            caveats.Add(string.Create(CultureInfo.InvariantCulture,
                $"{pbo.Blocks} blocks give only {pbo.Splits} splits, so the PBO can take only {pbo.Splits + 1} values, in steps of {1.0 / pbo.Splits:0.000}: one split more or less overfit moves it by a step; the paper's S = 16 gives 12,870 splits (--blocks 8 gives 70)"));
        }
        if (pbo.BlockPeriods < ShortBlockDays)
        {
            caveats.Add(string.Create(CultureInfo.InvariantCulture,
                $"the {pbo.Blocks} blocks hold only {pbo.BlockPeriods} trading days each: positions held across a block's edge (a weekly condor, a hedge layer held for months) tie neighbouring blocks, which the CSCV takes as independent; fewer --blocks or a longer period give blocks of a month or more"));
        }
        return caveats;
    }

    /// <summary>File name of the page.</summary>
    public const string FileName = "walkforward.html";

    /// <summary>File names of the charts written beside the page.</summary>
    public static IReadOnlyList<string> ChartFileNames { get; } = [CurveCharts.EquityFileName, "pbo-logits.png"];

    /// <summary>The id of every section of the page, in order.</summary>
    public static IReadOnlyList<string> SectionIds { get; } = ["summary", "equity", "folds", "pbo"];

    /// <summary>Writes the page and its charts into <paramref name="folder"/>; returns the page's full path.</summary>
    public static string Write(string folder, WalkForwardReportInput input) => Build(input).WriteTo(folder, FileName);

    /// <summary>Renders the page and its charts.</summary>
    public static ReportDocument Build(WalkForwardReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var page = new HtmlPage($"Alvh walk-forward {input.Title}");
        page.Raw("<header class=\"top\">\n<h1>").Raw(HtmlPage.E($"Walk-forward: {input.Title}")).Raw("</h1>\n")
            .Paragraph($"Out of sample from the close of {Format.Date(input.Dates[0])} (the first train window's last day) to {Format.Date(input.Dates[^1])}{(input.Untested is { } u ? $" ({u})" : "")}; each test window holds the grid point with the best Sharpe on the train window before it. {WalkForwardReport.Slicing} Files: walkforward.json.", "subtitle")
            .Raw("</header>\n");

        var main = input.Curves[0];
        page.Section("summary", "Summary", "The stitched out-of-sample curve, and each fixed configuration held over the same days (like for like: no choice made).").Raw("<div class=\"cards\">\n");
        page.Card(Format.Percent(main.Metrics.Cagr), $"{main.Name}: CAGR out of sample (Sharpe {Format.Ratio(main.Metrics.Sharpe)}, max drawdown {Format.Percent(main.Metrics.MaxDrawdown)})");
        foreach (var other in input.Curves.Skip(1))
        {
            page.Card(Format.Percent(other.Metrics.Cagr), $"{other.Name}, same days: CAGR (Sharpe {Format.Ratio(other.Metrics.Sharpe)}, max drawdown {Format.Percent(other.Metrics.MaxDrawdown)})");
        }
        page.Card(double.IsNaN(input.Pbo.Probability) ? "n/a" : input.Pbo.Probability.ToString("0.000", CultureInfo.InvariantCulture), PboLabel(input.Pbo));
        page.Raw("</div>\n").EndSection();

        var curves = input.Curves.Select((c, i) => new ReportCurve(c.Name, input.Dates, c.Equity, i)).ToList();
        ReportSections.Equity(page, curves);

        page.Section("folds", "Folds", "Each train window's best-Sharpe grid point and how it did on the test window after it (Sharpe annualised; the test return from the close it was chosen at).");
        page.Table(
            ["train", "test", "chosen", Cell.Number("train Sharpe"), Cell.Number("test Sharpe"), Cell.Number("test return")],
            input.Folds.Select(f => (IReadOnlyList<Cell>)[
                $"{Format.Date(f.Fold.TrainFrom)} to {Format.Date(f.Fold.TrainTo)}",
                $"{Format.Date(f.Fold.TestFrom)} to {Format.Date(f.Fold.TestTo)}{(f.TestNote is null ? "" : $" ({f.TestNote})")}",
                f.Chosen,
                Cell.Number(Format.Ratio(f.Fold.TrainSharpe)),
                Cell.Number(Format.Ratio(f.Fold.TestSharpe), f.Fold.TestSharpe < 0, signed: true),
                Cell.Number(Format.Percent(f.Fold.TestReturn), f.Fold.TestReturn < 0, signed: true)]),
            caption: "Walk-forward folds");
        page.EndSection();

        page.Section("pbo", "Probability of backtest overfitting", input.Method);
        if (input.Pbo.Logits.Length == 0) page.Paragraph(PboLabel(input.Pbo));
        foreach (var caveat in PboCaveats(input.Pbo)) page.Paragraph("Caveat: " + caveat + ".");
        // Drawn even without splits (an empty chart that says so): a run into an earlier run's folder then replaces its chart.
        page.Chart(WalkForwardCharts.Logits(input.Pbo, ChartFileNames[1]));
        page.EndSection();
        return page.Finish();
    }

    private static string PboLabel(PboResult pbo) => double.IsNaN(pbo.Probability)
        ? $"probability of backtest overfitting: n/a ({pbo.Configurations} distinct configuration{(pbo.Configurations == 1 ? "" : "s")}: nothing to choose between)"
        : string.Create(CultureInfo.InvariantCulture, $"probability of backtest overfitting (CSCV, S = {pbo.Blocks} blocks of {pbo.BlockPeriods} trading days, {pbo.Splits} splits over {pbo.Configurations} distinct configurations): the share of splits whose in-sample best ranked at or below the middle out of sample (logit ≤ 0); median logit {pbo.MedianLogit:0.00}; a choice with no skill scores {pbo.NoSkillProbability:0.000}");
}
