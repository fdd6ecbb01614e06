using Alvh.Reports.Html;
using Alvh.Study;

namespace Alvh.Reports;

/// <summary>
/// The study's tear sheet, <c>study.html</c>: the answer first (verdict, headline figures, claim table), then
/// the equity and underwater curves of every portfolio, VIX with the hedge's layers, the condors' P&amp;L,
/// monthly returns, rolling statistics, the crisis windows, the metrics, the assumptions and the notes.
/// </summary>
public static class StudyReport
{
    /// <summary>File name of the study's page.</summary>
    public const string FileName = "study.html";

    /// <summary>The id of every section of the page, in order.</summary>
    public static IReadOnlyList<string> SectionIds { get; } =
        ["verdict", "claims", "sleeves", "sensitivity", "equity", "underwater", "vix", "condors", "monthly", "rolling", "windows", "metrics", "assumptions", "notes"];

    /// <summary>Name of the full system, whose trades the VIX and condor charts show.</summary>
    public const string FullSystem = "drip-condor-alvh";

    /// <summary>
    /// Writes <c>study.html</c> and its charts (PNG) into <paramref name="folder"/>, and <c>report.html</c> for
    /// every backtest run into <c>folder/&lt;run&gt;</c> (next to its summary.json); returns study.html's full path.
    /// </summary>
    /// <param name="folder">The study's output folder.</param>
    /// <param name="study">The study.</param>
    /// <param name="series">Benchmark, T-bill and VIX series on the study's dates.</param>
    public static string Write(string folder, StudyResult study, ReportSeries series)
    {
        ArgumentNullException.ThrowIfNull(study);
        // Each page is independent of the others (its own plots, its own files), so they render in parallel.
        var pages = study.Runs.Where(r => r.Backtest is not null)
            .Select(r => (Action)(() => BacktestReport.Build(r.Name, r.Backtest!, r.Metrics, series, ("../study.html", "back to the study")).WriteTo(Path.Combine(folder, r.Name), BacktestReport.FileName)))
            .ToList();
        string path = "";
        pages.Add(() => path = Build(study, series).WriteTo(folder, FileName));
        Parallel.Invoke([.. pages]);
        return path;
    }

    /// <summary>Renders the page and its charts.</summary>
    public static ReportDocument Build(StudyResult study, ReportSeries series)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(series);
        var curves = study.Runs.Select((r, i) => new ReportCurve(r.Name, r.Dates, r.Equity, i)).ToList();
        var full = study.Runs.FirstOrDefault(r => r.Name == FullSystem);
        var hedgeSource = full?.Backtest is not null ? full : study.Runs.FirstOrDefault(r => r.Name == "drip-alvh" && r.Backtest is not null);
        var condorSource = study.Runs.FirstOrDefault(r => r.Backtest?.Sleeves.Contains(TradeMarks.CondorSleeve) == true && r.Name == FullSystem)
            ?? study.Runs.FirstOrDefault(r => r.Backtest?.Sleeves.Contains(TradeMarks.CondorSleeve) == true);

        var page = new HtmlPage($"Alvh study {Format.Date(study.From)} to {Format.Date(study.To)}");
        StudyHeadline.Write(page, study);
        StudyHeadline.Claims(page, study);
        StudyHeadline.Sleeves(page, study);
        StudyHeadline.Sensitivity(page, study);
        ReportSections.Equity(page, curves);
        ReportSections.Underwater(page, curves);
        ReportSections.Vix(page, series, hedgeSource?.Backtest, hedgeSource?.Name ?? "no ALVH run");
        ReportSections.Condors(page, condorSource?.Backtest, condorSource?.Name ?? "");
        ReportSections.Monthly(page, curves.Where(c => c.Name == FullSystem || c.Name == "drip").Reverse().ToList());
        ReportSections.Rolling(page, curves, series);
        StudyHeadline.Windows(page, study);
        ReportSections.Metrics(page, study.Runs.Select(r => (r.Name, r.Metrics)).ToList(),
            [($"return on days after a VIX close above {Format.Level(study.HighVixThreshold)} (compounded)", i => Cell.Number(Format.Percent(study.Runs[i].HighVixReturn)))]);
        ReportSections.Assumptions(page, study.Assumptions);
        StudyHeadline.Notes(page, study);
        return page.Finish();
    }
}
