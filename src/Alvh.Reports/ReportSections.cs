using System.Globalization;
using Alvh.Analytics;
using Alvh.Engine;
using Alvh.Reports.Charts;
using Alvh.Reports.Html;

namespace Alvh.Reports;

/// <summary>The sections a study report and a backtest report share, each a <c>&lt;section&gt;</c> with a stable id.</summary>
internal static class ReportSections
{
    private static readonly string[] MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>Section <c>equity</c>: growth of $1 on a log scale.</summary>
    public static void Equity(HtmlPage page, IReadOnlyList<ReportCurve> curves) =>
        page.Section("equity", "Equity curves", "Growth of $1 on a log scale: equal vertical distances are equal percentage gains or losses.")
            .Chart(CurveCharts.Equity(curves)).EndSection();

    /// <summary>Section <c>underwater</c>: drawdown from the running peak.</summary>
    public static void Underwater(HtmlPage page, IReadOnlyList<ReportCurve> curves) =>
        page.Section("underwater", "Underwater (drawdown)", "How far each portfolio stood below its previous peak, day by day.")
            .Chart(CurveCharts.Underwater(curves)).EndSection();

    /// <summary>Section <c>vix</c>: VIX, regime bands, ALVH layers of <paramref name="source"/> (none when null).</summary>
    public static void Vix(HtmlPage page, ReportSeries series, BacktestResult? source, string sourceName)
    {
        var (additions, monetisations) = source is null ? ([], []) : TradeMarks.LayerEvents(source);
        page.Section("vix", "VIX, regimes and the hedge",
                "VIX close with the regime bands (calm < 15 ≤ normal < 20 ≤ elevated < 25 ≤ high < 35 ≤ extreme). Blue triangles: days the ALVH added a layer or a tranche; red: days it monetised.")
            .Chart(VixChart.Render(series.Dates, series.Vix, additions, monetisations, sourceName)).EndSection();
    }

    /// <summary>Section <c>condors</c>: the P&amp;L of each iron condor of <paramref name="source"/>.</summary>
    public static void Condors(HtmlPage page, BacktestResult? source, string sourceName)
    {
        page.Section("condors", "Iron condor P&L", "Each weekly condor's P&L after fees: premium collected, buy-backs (take profit, stop loss) and settlement, grouped by expiry.");
        if (source is null) page.Paragraph("This run holds no iron condors.", "lead");
        else page.Chart(CondorChart.Render(TradeMarks.CondorPnl(source), sourceName));
        page.EndSection();
    }

    /// <summary>Section <c>monthly</c>: heatmaps of monthly returns for the given portfolios.</summary>
    public static void Monthly(HtmlPage page, IReadOnlyList<ReportCurve> curves)
    {
        page.Section("monthly", "Monthly returns", "Return of each calendar month and year (first and last years partial); green gains, red losses.");
        foreach (var c in curves)
        {
            var table = PeriodReturns.Monthly(c.Equity, c.Dates);
            page.Raw("<h3>").Raw(HtmlPage.E(c.Name)).Raw("</h3>\n");
            var headers = new List<Cell> { "year" };
            headers.AddRange(MonthNames.Select(m => new Cell(m, "num")));
            headers.Add(new Cell("year", "num"));
            var rows = new List<IReadOnlyList<Cell>>();
            for (int year = table.FirstYear; year <= table.LastYear; year++)
            {
                var row = new List<Cell> { Format.Integer(year) };
                for (int m = 1; m <= 12; m++) row.Add(Heat(table[year, m], 0.08));
                var annual = Heat(table.Annual(year), 0.30);
                row.Add(annual with { Content = "<b>" + annual.Content + "</b>" });
                rows.Add(row);
            }
            page.Table(headers, rows, "heat");
        }
        page.EndSection();
    }

    /// <summary>Section <c>rolling</c>: rolling one-year return, volatility, Sharpe and beta.</summary>
    public static void Rolling(HtmlPage page, IReadOnlyList<ReportCurve> curves, ReportSeries series)
    {
        page.Section("rolling", "Rolling one-year statistics", "Over the trailing 252 trading days: total return, annualised volatility, Sharpe ratio over T-bills and CAPM beta to the S&P 500.");
        page.Raw("<div class=\"legend\">");
        foreach (var c in curves) page.Raw("<span>").Raw(Cell.Run(c.Name, c.Index).Content).Raw("</span>");
        page.Raw("</div>\n<div class=\"grid2\">\n");
        foreach (var chart in RollingCharts.All(curves, series)) page.Chart(chart, "chart half");
        page.Raw("</div>\n").EndSection();
    }

    /// <summary>Section <c>metrics</c>: every headline metric (rows) of every portfolio (columns).</summary>
    public static void Metrics(HtmlPage page, IReadOnlyList<(string Name, MetricSet Metrics)> runs, IReadOnlyList<(string Label, Func<int, Cell> Value)>? extra = null)
    {
        page.Section("metrics", "Metrics", "Whole period. Returns and rates are annualised where marked; drawdowns are negative; Sharpe and Sortino over T-bills; beta and alpha against the S&P 500 with its dividends reinvested (total return).");
        var headers = new List<Cell> { "metric" };
        headers.AddRange(runs.Select((r, i) => Cell.Run(r.Name, i) with { Class = "num" }));
        var rows = new List<(string, Func<MetricSet, string>)>
        {
            ("total return", m => Format.Percent(m.TotalReturn)),
            ("CAGR (annualised)", m => Format.Percent(m.Cagr)),
            ("XIRR (money-weighted, annualised)", m => Format.Percent(m.Xirr)),
            ("volatility (annualised)", m => Format.Percent(m.Volatility)),
            ("Sharpe", m => Format.Ratio(m.Sharpe)),
            ("Sortino", m => Format.Ratio(m.Sortino)),
            ("Calmar", m => Format.Ratio(m.Calmar)),
            ("max drawdown", m => Format.Percent(m.MaxDrawdown)),
            ("max drawdown peak", m => Format.Date(m.MaxDrawdownPeak)),
            ("max drawdown trough", m => Format.Date(m.MaxDrawdownTrough)),
            ("max drawdown recovery", m => m.MaxDrawdownRecovery is null ? "not recovered" : Format.Date(m.MaxDrawdownRecovery)),
            ("peak to trough (trading days)", m => Format.Count(m.MaxDrawdownDurationTradingDays)),
            ("Ulcer index", m => Format.Percent(m.Ulcer)),
            ("1-day VaR 95%", m => Format.Percent(m.ValueAtRisk95)),
            ("1-day CVaR 95%", m => Format.Percent(m.ConditionalValueAtRisk95)),
            ("skewness", m => Format.Ratio(m.Skewness)),
            ("excess kurtosis", m => Format.Ratio(m.Kurtosis)),
            ("beta to S&P 500", m => Format.Ratio(m.Beta)),
            ("alpha (annualised)", m => Format.Percent(m.Alpha)),
            ("correlation to VIX changes", m => Format.Ratio(m.CorrelationToVix)),
        };
        var cells = rows.Select(r => (IReadOnlyList<Cell>)[r.Item1, .. runs.Select(x => Cell.Number(r.Item2(x.Metrics)))]).ToList();
        if (extra is not null) cells.AddRange(extra.Select(e => (IReadOnlyList<Cell>)[e.Label, .. runs.Select((_, i) => e.Value(i))]));
        page.Table(headers, cells).EndSection();
    }

    /// <summary>Section <c>assumptions</c>: every model, engine and sleeve assumption.</summary>
    public static void Assumptions(HtmlPage page, IEnumerable<Assumption> assumptions)
    {
        var list = assumptions.DistinctBy(a => a.Name).ToList();
        page.Section("assumptions", "Assumptions", $"Every model, engine and sleeve assumption behind these numbers ({list.Count}): option prices come from the market model, not from historical quotes.")
            .Table(["name", "value", "unit", "reason"], list.Select(a => (IReadOnlyList<Cell>)[new Cell(HtmlPage.E(a.Name), "run"), Cell.Text(a.Value), Cell.Text(a.Unit), Cell.Text(a.Reason)]))
            .EndSection();
    }

    /// <summary>A heatmap cell: green for gains, red for losses, full colour at <paramref name="full"/>.</summary>
    private static Cell Heat(double value, double full)
    {
        if (!double.IsFinite(value)) return new Cell("", "num");
        double alpha = Math.Min(1, Math.Abs(value) / full) * 0.75;
        string rgb = value >= 0 ? "22,163,74" : "220,38,38";
        return new Cell(HtmlPage.E(Format.Percent(value)), "num", string.Create(CultureInfo.InvariantCulture, $"background:rgba({rgb},{alpha:0.00})"));
    }
}
