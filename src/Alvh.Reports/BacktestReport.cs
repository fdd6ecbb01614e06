using Alvh.Analytics;
using Alvh.Engine;
using Alvh.Reports.Html;

namespace Alvh.Reports;

/// <summary>
/// The tear sheet of one backtest, <c>report.html</c> next to its summary.json: headline figures, the equity
/// and underwater curves against the S&amp;P 500, VIX with the hedge's layers, the condors' P&amp;L, monthly
/// returns, rolling statistics, the metrics and the assumptions.
/// </summary>
public static class BacktestReport
{
    /// <summary>File name of a backtest's page.</summary>
    public const string FileName = "report.html";

    /// <summary>Legend name of the S&amp;P 500 total return index drawn for comparison.</summary>
    public const string BenchmarkName = "S&P 500 (total return)";

    /// <summary>
    /// Every chart a backtest's page may write beside it. Which are drawn depends on the run (the condor chart only for
    /// a strategy with a condor sleeve), so a run into an earlier run's folder removes those it did not draw.
    /// </summary>
    public static IReadOnlyList<string> ChartFileNames { get; } =
        [Charts.CurveCharts.EquityFileName, Charts.CurveCharts.UnderwaterFileName, Charts.VixChart.FileName, Charts.CondorChart.FileName, .. Charts.RollingCharts.FileNames];

    /// <summary>The id of every section of the page, in order.</summary>
    public static IReadOnlyList<string> SectionIds { get; } =
        ["summary", "equity", "underwater", "vix", "condors", "monthly", "rolling", "metrics", "assumptions"];

    /// <summary>Writes <c>report.html</c> and its charts (PNG) into <paramref name="folder"/>; returns the page's full path.</summary>
    /// <param name="folder">The run's output folder (where summary.json is).</param>
    /// <param name="name">Strategy name.</param>
    /// <param name="result">The run.</param>
    /// <param name="metrics">The run's headline metrics.</param>
    /// <param name="series">Benchmark, T-bill and VIX series on the run's dates.</param>
    public static string Write(string folder, string name, BacktestResult result, MetricSet metrics, ReportSeries series) =>
        Build(name, result, metrics, series).WriteTo(folder, FileName);

    /// <summary>Renders the page and its charts.</summary>
    /// <param name="name">Strategy name.</param>
    /// <param name="result">The run.</param>
    /// <param name="metrics">The run's headline metrics.</param>
    /// <param name="series">Benchmark, T-bill and VIX series on the run's dates.</param>
    /// <param name="parent">A page this one belongs to, linked from its header (a study's portfolio pages link back to
    /// study.html), as (relative address, title); null for none.</param>
    public static ReportDocument Build(string name, BacktestResult result, MetricSet metrics, ReportSeries series, (string Href, string Title)? parent = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(series);
        var dates = result.Dates();
        var run = new ReportCurve(name, dates, result.EquityCurve(), 0);
        var withBenchmark = new List<ReportCurve> { run };
        if (series.Benchmark.Length == dates.Length && series.Benchmark.All(double.IsFinite))
            withBenchmark.Add(new ReportCurve(BenchmarkName, dates, series.Benchmark, 1));
        var vixSeries = series with { Vix = result.Daily.Select(d => d.Vix).ToArray(), Dates = dates };

        var page = new HtmlPage($"Alvh backtest {name}");
        page.Raw("<header class=\"top\">\n<h1>").Raw(HtmlPage.E($"Backtest: {name}")).Raw("</h1>\n")
            .Paragraph($"{Format.Date(dates[0])} to {Format.Date(dates[^1])}, sleeves {string.Join(", ", result.Sleeves)}; files: daily.csv, trades.csv, ledger.csv, summary.json.", "subtitle");
        if (parent is { } up) page.Raw($"<p class=\"subtitle\"><a href=\"{HtmlPage.E(up.Href)}\">← {HtmlPage.E(up.Title)}</a></p>\n");
        page.Raw("</header>\n");
        page.Section("summary", "Summary").Raw("<div class=\"cards\">\n");
        page.Card(Format.Percent(metrics.Cagr), $"CAGR (total return {Format.Percent(metrics.TotalReturn)}, final equity {Format.Dollars(result.FinalEquity)})");
        page.Card(Format.Percent(metrics.MaxDrawdown), $"max drawdown ({Format.Date(metrics.MaxDrawdownPeak)} to {Format.Date(metrics.MaxDrawdownTrough)})");
        page.Card(Format.Ratio(metrics.Sharpe), $"Sharpe over T-bills (volatility {Format.Percent(metrics.Volatility)})");
        // The dividend reinvestments are trades.csv rows too: said, so the count is not read as orders alone (audit).
        int reinvested = result.Trades.Count(t => t.Reason == Alvh.Engine.TradeRecord.DividendReinvestment);
        page.Card(Format.Count(result.Trades.Count), (reinvested > 0 ? $"fills, {Format.Count(reinvested)} of them dividend reinvestments" : "fills") + $"; ledger SHA-256 {result.Ledger.Sha256()[..16]}…");
        page.Raw("</div>\n");
        if (result.Dropped.Count > 0)
        {
            // Counted by kind ("1 orders" read oddly, and a leg left out for want of a bid was called a lack of cash).
            int notFilled = result.Dropped.Count(d => d.Kind == DroppedOrderKind.NotFilled), inPart = result.Dropped.Count - notFilled;
            static string Orders(int n) => n == 1 ? "1 order" : $"{n} orders";
            var parts = new List<string>();
            if (notFilled > 0) parts.Add($"{Orders(notFilled)} not filled (no tradable price, not placeable within what they can pay out, refused on an option's expiry day, or no cash)");
            if (inPart > 0) parts.Add($"{Orders(inPart)} filled in part (for lack of cash, or without a leg that had no bid)");
            page.Paragraph($"{string.Join("; ", parts)} (see summary.json, 'dropped').", "lead");
        }
        page.EndSection();

        ReportSections.Equity(page, withBenchmark);
        ReportSections.Underwater(page, withBenchmark);
        bool hasAlvh = result.Sleeves.Any(s => s.StartsWith(TradeMarks.AlvhPrefix, StringComparison.Ordinal));
        ReportSections.Vix(page, vixSeries, hasAlvh ? result : null, hasAlvh ? name : "no ALVH sleeve");
        ReportSections.Condors(page, result.Sleeves.Contains(TradeMarks.CondorSleeve) ? result : null, name);
        ReportSections.Monthly(page, [run]);
        ReportSections.Rolling(page, [run], series);
        ReportSections.Metrics(page, [(name, metrics)]);
        ReportSections.Assumptions(page, result.Assumptions);
        return page.Finish();
    }
}
