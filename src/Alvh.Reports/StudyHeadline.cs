using Alvh.Reports.Html;
using Alvh.Study;

namespace Alvh.Reports;

/// <summary>The study-only sections: the answer at a glance, the claim table, the crisis windows and the notes.</summary>
internal static class StudyHeadline
{
    /// <summary>The claim the study tests.</summary>
    public const string Claim = "layered VIX hedges cut DRIP drawdowns 12–18% in high-VIX periods";

    /// <summary>Section <c>verdict</c>: title, one-line answer, four headline figures and the verdict.</summary>
    public static void Write(HtmlPage page, StudyResult study)
    {
        var drip = study.Run("drip");
        var named = Named(study, "drip-alvh");
        double average = StudyEngine.AverageWindowCut(study, "drip-alvh");
        int cut = named.Count(c => c.ReductionPoints > 0);
        int inside = named.Count(c => c.WithinClaim);
        bool holds = average >= 0.12 && average <= 0.18;
        string answer = named.Count == 0
            ? study.Runs.Any(r => r.Name == "drip-alvh") ? "No named crisis window falls in this period: the claim is not tested here." : "No ALVH run: the claim is not tested."
            : holds ? $"Yes: the ALVH cut the DRIP's drawdown by {Format.Percent(average)} on average across {named.Count} crisis windows, inside the claimed 12–18%."
            : average > 0 ? $"Not as claimed: the ALVH cut drawdowns in {cut} of {named.Count} crisis windows, but by {Format.Percent(average)} on average, {(average < 0.12 ? "below" : "above")} the claimed 12–18%."
            : $"No: on average the ALVH did not cut the DRIP's drawdown in the {named.Count} crisis windows ({Format.Percent(average)}).";

        page.Raw("<header class=\"top\">\n<h1>Did layered VIX hedges cut DRIP drawdowns?</h1>\n")
            .Paragraph($"Alvh study, {Format.Date(study.From)} to {Format.Date(study.To)}: the claim “{Claim}”, tested on DRIP, DRIP + condors, DRIP + ALVH, the full system and three de-levered DRIP baselines.", "subtitle")
            .Raw("</header>\n");
        page.Section("verdict", "The answer");
        page.Raw($"<p class=\"answer {(holds ? "yes" : "no")}\">").Raw(HtmlPage.E(answer)).Raw("</p>\n");
        // An --as-if study trades VIX options before they were listed: the answer says so where it is read, not only
        // in the notes at the foot of the page.
        if (study.From < Alvh.Engine.Options.ListingRules.VixOptionsLaunch)
            page.Paragraph($"Hypothetical before {Format.Date(Alvh.Engine.Options.ListingRules.VixOptionsLaunch)}: VIX options (and SPX weeklies) are traded before they were listed (--as-if); the figures from {Format.Date(study.From)} to then are not a record of what could have been held.", "asif");
        page.Raw("<div class=\"cards\">\n");
        // The median window and the hedge's fair baseline beside the average: one window's large cut lifts the mean, and
        // holding less equity with no hedge cuts drawdowns too (audit).
        double median = StudyEngine.MedianWindowCut(study, "drip-alvh");
        double fair = StudyEngine.AverageWindowCut(study, StudyEngine.SameVolatilityAsHedge);
        string context = (double.IsNaN(median) ? "" : $"; median window {Format.Percent(median)}")
            + (double.IsNaN(fair) ? "" : $"; the DRIP at drip-alvh's volatility, no hedge: {Format.Percent(fair)}");
        page.Card(Format.Percent(average), $"average drawdown cut by the ALVH in the named crisis windows (claim: 12–18%; {inside} of {named.Count} inside{context})");
        page.Card(Format.Percent(drip.Metrics.MaxDrawdown), $"the unhedged DRIP's worst drawdown ({Format.Date(drip.Metrics.MaxDrawdownPeak)} to {Format.Date(drip.Metrics.MaxDrawdownTrough)}), CAGR {Format.Percent(drip.Metrics.Cagr)}");
        var calm = study.CalmCosts.FirstOrDefault(c => c.Hedged == "drip-alvh");
        page.Card(calm is null || calm.Years.Count == 0 ? "n/a" : Format.Percent(calm.CostPerYear) + "/yr",
            calm is null ? "calm-year cost"
            : calm.Years.Count == 0 ? $"what the ALVH cost in calm years: no whole calendar year of the period averaged a VIX below {Format.Level(study.CalmYearAverageVix)}"
            : $"what the ALVH cost in {calm.CalmYears} (average VIX below {Format.Level(study.CalmYearAverageVix)}){calm.WithoutCrisisYears(Format.Percent)}"
              + (double.IsNaN(calm.OptionPnlPerYear) ? "" : $"; its options' own P&L {Verdict.SignedPoints(calm.OptionPnlPerYear, 1)}% of equity a year"));
        var full = study.Runs.FirstOrDefault(r => r.Name == StudyReport.FullSystem);
        var sameVol = study.Runs.FirstOrDefault(r => r.Name == StudyEngine.SameVolatility);
        page.Card(full is null || sameVol is null ? "n/a" : Format.Points(full.Metrics.Cagr - sameVol.Metrics.Cagr) + " pts/yr",
            "the full system's CAGR against a DRIP de-levered to the same volatility (positive = it earned more; the verdict weighs the drawdowns too)"
            + (study.Comparison(StudyReport.FullSystem, StudyEngine.SameVolatility) is { } c
                ? $"; 95% interval {Format.Points(c.Difference.Lower)} to {Format.Points(c.Difference.Upper)} pts/yr from a paired block bootstrap of the daily returns{(c.Difference.HoldsZero ? ", within chance" : "")}"
                : ""));
        page.Raw("</div>\n");
        foreach (var paragraph in study.Verdict.Split(Verdict.ParagraphBreak)) page.Raw("<p class=\"verdict\">").Raw(HtmlPage.E(paragraph)).Raw("</p>\n");
        page.EndSection();
    }

    /// <summary>Section <c>claims</c>: each named window's drawdown for the DRIP and each hedged portfolio, then the episodes, calm costs and baselines.</summary>
    public static void Claims(HtmlPage page, StudyResult study)
    {
        page.Section("claims", "The claim, window by window",
            $"Max drawdown inside each window, the share of the DRIP's drawdown removed (% less: (hedged − DRIP) / |DRIP|) and the same in percentage points (points: + shallower than the DRIP, − deeper); green when inside the claimed 12–18%. Each hedged portfolio is followed by its fair baseline, the DRIP de-levered to its volatility (drip-same-vol-alvh for drip-alvh, drip-same-vol for the full system), which removes a share of the drawdown with no hedge at all. Claim: “{Claim}”.");
        var hedged = study.Claims.Select(c => c.Hedged).Distinct().ToList();
        var headers = new List<Cell> { "window", new("DRIP max DD", "num") };
        foreach (var h in hedged)
        {
            headers.Add(Cell.Run(h, IndexOf(study, h)) with { Class = "num" });
            headers.Add(new Cell("% less", "num"));
            headers.Add(new Cell("points", "num"));
        }
        var windows = study.Claims.Select(c => (c.Window, c.Name)).Distinct().ToList();
        var namedRows = windows.Where(w => !IsEpisode(w.Window)).Select(w => ClaimRow(study, hedged, w)).ToList();
        page.Table(headers, namedRows, caption: "Max drawdown in each named crisis window: the DRIP against each hedged portfolio");
        var episodes = windows.Where(w => IsEpisode(w.Window)).Select(w => ClaimRow(study, hedged, w)).ToList();
        if (episodes.Count > 0)
        {
            page.Raw($"<details><summary>{episodes.Count} high-VIX episodes found in the data ({HtmlPage.E(StudyEngine.EpisodeRule(study))})</summary>\n")
                .Table(headers, episodes, caption: "Max drawdown in each high-VIX episode: the DRIP against each hedged portfolio").Raw("</details>\n");
        }
        var lines = study.CalmCosts.Select(c => c.Years.Count == 0
                ? $"{c.Hedged}: no calm year (a whole calendar year averaging a VIX below {Format.Level(study.CalmYearAverageVix)}) in the period: no calm-year cost to measure."
                : $"{c.Hedged}: cost {Format.Percent(c.CostPerYear)}/yr of return against the DRIP in {c.CalmYears} ({string.Join(", ", c.Years)}){c.WithoutCrisisYears(Format.Percent)}"
                  // What the hedge's options themselves made in those years: the cost is mostly its cash, not its calls (an audit).
                  + (double.IsNaN(c.OptionPnlPerYear) ? "." : $"; its ALVH options' own P&L {Verdict.SignedPoints(c.OptionPnlPerYear, 1)}% of equity a year"
                      // Without the crisis years only where that leaves some and drops some, as the cost and the verdict
                      // (it repeated the figure, or read "n/a", a review).
                      + (c.QuietYears.Count > 0 && c.QuietYears.Count < c.Years.Count && !double.IsNaN(c.QuietOptionPnlPerYear)
                          ? $" ({Verdict.SignedPoints(c.QuietOptionPnlPerYear, 1)}% without a crisis window)" : "")
                      // The rest is the layers' cash only where there are no condors to lose too, and only where there is a
                      // rest: a cost the options do not exceed (a study of 2014-2015, cost -0.6%/yr and options +0.7%, read
                      // "the rest the cash", where the verdict says nothing of a cost; a review).
                      + (c.Hedged == "drip-alvh" && c.CostPerYear > 0 && c.CostPerYear + c.OptionPnlPerYear > 0 ? ", the rest the cash its layers keep in T-bills instead of SPY." : ".")))
            .Concat(study.Baselines.Select(b => double.IsNaN(b.Weight)
                ? $"{b.Name}: no equity weight reaches {StudyEngine.MatchedFigure(b)} ({b.Reason})."
                : $"{b.Name}: {Format.Percent(b.Weight)} SPY + T-bills, rebalanced daily at no cost (its small turnover is not charged, in the baseline's favour), matches {StudyEngine.MatchedFigure(b)} ({Format.Percent(b.TargetValue)}); the weight is fitted on the whole period, with hindsight."));
        page.Raw("<ul>\n");
        foreach (var l in lines) page.Raw("<li>").Raw(HtmlPage.E(l)).Raw("</li>\n");
        page.Raw("</ul>\n").EndSection();
    }

    /// <summary>Section <c>sleeves</c>: what the hedge and the condors did in each backtest (the study.json figures).</summary>
    public static void Sleeves(HtmlPage page, StudyResult study)
    {
        var hedges = study.Runs.Where(r => r.Sleeves?.Hedge is not null).ToList();
        var condors = study.Runs.Where(r => r.Sleeves?.Condor is not null).ToList();
        // The budget the premium is read against, from the layers' own parameter (a review: 2.3% a year of premium beside
        // a preset said to spend 1% read as a fault).
        string budget = study.Assumptions.FirstOrDefault(a => a.Name.EndsWith(".budgetPerYear", StringComparison.Ordinal)) is { } b
            && double.TryParse(b.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double perYear)
            ? $", {Format.Percent(perYear)} of equity a year" : "";
        page.Section("sleeves", "What the hedge and the condors did",
            $"The ALVH's carry: premium paid for the VIX calls bought (the budget{budget} before the regime multiplier, plus the signal tranches and the layers bought back after a sale) and the hedge's net option P&L (sales, settlements and fees less premium, plus what is still open), each as a share of the average portfolio equity per year; its P&L inside each high-VIX episode; and the days the VIX closed above the study's high-VIX level on which it held no VIX call. The condors' record from their fills, fees and settlements.");
        if (hedges.Count == 0 && condors.Count == 0) page.Paragraph("No portfolio of this study holds an ALVH hedge or iron condors.");
        if (hedges.Count > 0)
        {
            page.Table(["portfolio", new Cell("premium paid / yr", "num"), new Cell("net carry / yr", "num"), new Cell("monetisations", "num"), new Cell("tranches", "num"), new Cell("best episode payoff", "num"), new Cell("high-VIX days with no call", "num")],
                hedges.Select(r =>
                {
                    var h = r.Sleeves!.Hedge!;
                    var best = h.SpikePayoff.Count == 0 ? (Start: default(DateOnly), Payoff: double.NaN) : h.SpikePayoff.MaxBy(p => p.Payoff);
                    return (IReadOnlyList<Cell>)[Cell.Run(r.Name, IndexOf(study, r.Name)), Cell.Number(Format.Percent(h.PremiumPerYear)), Cell.Number(Format.Percent(h.CarryPerYear), h.CarryPerYear < 0, signed: true),
                        Cell.Number(h.Monetisations.ToString(System.Globalization.CultureInfo.InvariantCulture)), Cell.Number(h.Tranches.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        Cell.Number(double.IsNaN(best.Payoff) ? "n/a" : $"{Format.Percent(best.Payoff)} ({Format.Date(best.Start)})"),
                        Cell.Number(h.HighVixDays == 0 ? "n/a" : FormattableString.Invariant($"{h.HighVixDaysWithoutCall} of {h.HighVixDays} (VIX > {h.HighVixLevel:0.##})"))];
                }), caption: "The ALVH hedge's carry");
        }
        if (condors.Count > 0)
        {
            page.Table(["portfolio", new Cell("condors", "num"), new Cell("hit rate", "num"), new Cell("average credit (points)", "num"), Cell.Text("total P&L", "num"), new Cell("costs (fees and half-spreads)", "num")],
                condors.Select(r =>
                {
                    var c = r.Sleeves!.Condor!;
                    return (IReadOnlyList<Cell>)[Cell.Run(r.Name, IndexOf(study, r.Name)), Cell.Number(c.Condors.ToString(System.Globalization.CultureInfo.InvariantCulture)), Cell.Number(Format.Percent(c.HitRate)),
                        Cell.Number(Format.Ratio(c.AverageCredit)), Cell.Number(Format.Dollars(c.TotalPnl), c.TotalPnl < 0, signed: true), Cell.Number(Format.Dollars(c.Costs))];
                }), caption: "The iron condors' record");
        }
        page.EndSection();
    }

    /// <summary>Section <c>windows</c>: every portfolio's max drawdown and return in every window.</summary>
    public static void Windows(HtmlPage page, StudyResult study)
    {
        page.Section("windows", "Crisis windows", "The named stress windows and every high-VIX episode found in the data: max drawdown inside the window and return over it, both measured from the close before its first day (so a fall on the first day counts).");
        var headers = new List<Cell> { "window", "from", "to" };
        headers.AddRange(study.Runs.Select((r, i) => Cell.Run(r.Name, i) with { Class = "num" }));
        var windows = study.Runs[0].Windows;
        IReadOnlyList<Cell> Row(int w, Func<WindowResult, double> value, bool signed) =>
            [Cell.Text(windows[w].Name), Cell.Text(Format.Date(windows[w].Start), "date"), Cell.Text(Format.Date(windows[w].End), "date"),
             .. study.Runs.Select(r => { double v = value(r.Windows[w]); return Cell.Number(Format.Percent(v), v < 0, signed); })];
        page.Raw("<h3>Max drawdown</h3>\n").Table(headers, Enumerable.Range(0, windows.Count).Select(w => Row(w, x => x.MaxDrawdown, false)), cssClass: "wide", caption: "Max drawdown of every portfolio in every window");
        page.Raw("<details><summary>Return over each window</summary>\n").Table(headers, Enumerable.Range(0, windows.Count).Select(w => Row(w, x => x.Return, true)), cssClass: "wide", caption: "Return of every portfolio over every window").Raw("</details>\n");
        page.EndSection();
    }

    /// <summary>Section <c>sensitivity</c>: the full system with one model assumption or one rule moved, against the DRIP de-levered to the same volatility.</summary>
    public static void Sensitivity(HtmlPage page, StudyResult study)
    {
        page.Section("sensitivity", "Sensitivity to the model's assumptions and to the preset's rules",
            "The full system rerun with one market-model assumption moved at a time, then with its condor entered on another weekday, with its hedge rebuilt the other way after a sale in a VIX spike and with its hedge held to each layer's roll (choices of the preset, not of the market). \"Beats it\" means a higher CAGR and a shallower worst drawdown than a DRIP de-levered (SPY + T-bills) to the same volatility; two figures it compares that print alike at one decimal get the decimals that part them.");
        var full = study.Runs.FirstOrDefault(r => r.Name == StudyReport.FullSystem);
        var same = study.Runs.FirstOrDefault(r => r.Name == StudyEngine.SameVolatility);
        var rows = new List<IReadOnlyList<Cell>>();
        if (full is not null)
        {
            // The preset's own row, with the figures the scenarios' rows carry (its cells were left empty).
            double cut = StudyEngine.AverageWindowCut(study, StudyReport.FullSystem);
            bool beats = same is not null && StudyEngine.Beats(full.Metrics, same.Metrics);
            // The figures "beats it?" compares, with the decimals that part two which print alike (Verdict.PercentApart).
            double sameCagr = same?.Metrics.Cagr ?? double.NaN, sameDd = same?.Metrics.MaxDrawdown ?? double.NaN;
            rows.Add([Cell.Text("baseline model"), Cell.Number(Verdict.PercentApart(full.Metrics.Cagr, sameCagr)), Cell.Number(Format.Percent(full.Metrics.Volatility)),
                Cell.Number(Verdict.PercentApart(full.Metrics.MaxDrawdown, sameDd), true), Cell.Number(Format.Percent(cut)), Cell.Number(same is null ? "n/a" : Verdict.PercentApart(sameCagr, full.Metrics.Cagr)),
                Cell.Number(same is null ? "n/a" : Verdict.PercentApart(sameDd, full.Metrics.MaxDrawdown), true), Cell.Number(Format.Percent(StudyEngine.AverageWindowCut(study, StudyEngine.SameVolatility))),
                Cell.Text(same is null ? "n/a" : beats ? "yes" : "no")]);
        }
        foreach (var r in study.Sensitivity)
        {
            rows.Add([Cell.Text(r.Scenario), Cell.Number(Verdict.PercentApart(r.Cagr, r.SameVolatilityCagr)), Cell.Number(Format.Percent(r.Volatility)), Cell.Number(Verdict.PercentApart(r.MaxDrawdown, r.SameVolatilityMaxDrawdown), true),
                Cell.Number(Format.Percent(r.AverageReductionPercent)), Cell.Number(Verdict.PercentApart(r.SameVolatilityCagr, r.Cagr)), Cell.Number(Verdict.PercentApart(r.SameVolatilityMaxDrawdown, r.MaxDrawdown), true),
                Cell.Number(Format.Percent(r.SameVolatilityAverageReductionPercent)), Cell.Text(r.BeatsSameVolatility ? "yes" : "no")]);
        }
        // Numeric headers right-aligned over their right-aligned figures, as in every other table of the page.
        page.Table(["scenario", new Cell("CAGR", "num"), new Cell("volatility", "num"), new Cell("max drawdown", "num"), new Cell("avg window drawdown cut", "num"),
                new Cell("same-vol DRIP CAGR", "num"), new Cell("same-vol DRIP max drawdown", "num"), new Cell("same-vol DRIP avg window cut", "num"), "beats it?"], rows,
            caption: "The full system under each scenario, against the DRIP de-levered to the same volatility");
        if (study.HedgeSensitivity.Count > 0 && study.Runs.FirstOrDefault(r => r.Name == "drip-alvh") is { } hedge)
        {
            // The claim is the hedge's: the rules read for the full system that move its record most, on drip-alvh too.
            // Beside its own fair baseline, as the full system's rows: without it a row that loses to holding less equity
            // (held to its roll: -50.05% against -50.04%) read as a clean win (a review).
            var hedgeBase = study.Runs.FirstOrDefault(r => r.Name == StudyEngine.SameVolatilityAsHedge);
            double baseCagr = hedgeBase?.Metrics.Cagr ?? double.NaN, baseDd = hedgeBase?.Metrics.MaxDrawdown ?? double.NaN;
            var hedgeRows = new List<IReadOnlyList<Cell>>
            {
                new[] { Cell.Text("drip-alvh as preset"), Cell.Number(Verdict.PercentApart(hedge.Metrics.Cagr, baseCagr)), Cell.Number(Format.Percent(hedge.Metrics.Volatility)),
                    Cell.Number(Verdict.PercentApart(hedge.Metrics.MaxDrawdown, baseDd), true), Cell.Number(Format.Percent(StudyEngine.AverageWindowCut(study, "drip-alvh"))),
                    Cell.Number(Format.Percent(StudyEngine.MedianWindowCut(study, "drip-alvh"))), Cell.Number(Verdict.PercentApart(baseCagr, hedge.Metrics.Cagr)),
                    Cell.Number(Verdict.PercentApart(baseDd, hedge.Metrics.MaxDrawdown), true), Cell.Number(Format.Percent(StudyEngine.AverageWindowCut(study, StudyEngine.SameVolatilityAsHedge))),
                    Cell.Text(hedgeBase is null ? "n/a" : StudyEngine.Beats(hedge.Metrics, hedgeBase.Metrics) ? "yes" : "no") },
            };
            foreach (var r in study.HedgeSensitivity)
            {
                hedgeRows.Add([Cell.Text(r.Scenario), Cell.Number(Verdict.PercentApart(r.Cagr, r.SameVolatilityCagr)), Cell.Number(Format.Percent(r.Volatility)), Cell.Number(Verdict.PercentApart(r.MaxDrawdown, r.SameVolatilityMaxDrawdown), true),
                    Cell.Number(Format.Percent(r.AverageReductionPercent)), Cell.Number(Format.Percent(r.MedianReductionPercent)), Cell.Number(Verdict.PercentApart(r.SameVolatilityCagr, r.Cagr)),
                    Cell.Number(Verdict.PercentApart(r.SameVolatilityMaxDrawdown, r.MaxDrawdown), true), Cell.Number(Format.Percent(r.SameVolatilityAverageReductionPercent)), Cell.Text(r.BeatsSameVolatility ? "yes" : "no")]);
            }
            page.Table(["hedge alone", new Cell("CAGR", "num"), new Cell("volatility", "num"), new Cell("max drawdown", "num"), new Cell("avg window drawdown cut", "num"), new Cell("median window cut", "num"),
                    new Cell("same-vol DRIP CAGR", "num"), new Cell("same-vol DRIP max drawdown", "num"), new Cell("same-vol DRIP avg window cut", "num"), "beats it?"], hedgeRows,
                caption: "The hedge alone (drip-alvh) under the same rule, against the DRIP de-levered to its volatility: the claim is the hedge's");
        }
        page.Raw("<ul class=\"notes\">\n");
        foreach (var r in study.Sensitivity) page.Raw("<li>").Raw(HtmlPage.E($"{r.Scenario}: {r.Description}")).Raw("</li>\n");
        page.Raw("</ul>\n");
        page.EndSection();
    }

    /// <summary>Section <c>notes</c>: the portfolios compared and the study's caveats.</summary>
    public static void Notes(HtmlPage page, StudyResult study)
    {
        page.Section("notes", "Portfolios and notes");
        // Each backtest's own report (its folder beside this page: daily.csv, trades.csv, ledger.csv, summary.json).
        page.Table(["portfolio", "what it is", "files"], study.Runs.Select((r, i) => (IReadOnlyList<Cell>)[Cell.Run(r.Name, i), Cell.Text(r.Description),
            r.Backtest is null ? Cell.Text("computed from the DRIP's returns") : new Cell($"<a href=\"{Uri.EscapeDataString(r.Name)}/{BacktestReport.FileName}\">report</a>, <a href=\"{Uri.EscapeDataString(r.Name)}/ledger.csv\">ledger</a>")]),
            caption: "The portfolios compared");
        page.Raw("<ul class=\"notes\">\n");
        foreach (var n in study.Notes) page.Raw("<li>").Raw(HtmlPage.E(n)).Raw("</li>\n");
        page.Raw("</ul>\n").EndSection();
    }

    private static IReadOnlyList<Cell> ClaimRow(StudyResult study, IReadOnlyList<string> hedged, (string Window, string Name) w)
    {
        var first = study.Claims.First(c => c.Window == w.Window);
        var row = new List<Cell> { Cell.Text(w.Name), Cell.Number(Format.Percent(first.BaselineMaxDrawdown)) };
        foreach (var h in hedged)
        {
            var c = study.Claims.FirstOrDefault(x => x.Window == w.Window && x.Hedged == h);
            if (c is null)
            {
                row.AddRange([Cell.Number("–"), Cell.Number("–"), Cell.Number("–")]);
                continue;
            }
            row.Add(Cell.Number(Format.Percent(c.HedgedMaxDrawdown)));
            string share = Format.PercentBeside(c.ReductionPercent, 0.12, 0.18);
            row.Add(c.WithinClaim ? new Cell(HtmlPage.E(share), "num hit") : Cell.Number(share, c.ReductionPercent < 0, signed: true));
            row.Add(Cell.Number(Format.Points(c.ReductionPoints), c.ReductionPoints < 0, signed: true));
        }
        return row;
    }

    private static List<ClaimRow> Named(StudyResult study, string hedged) =>
        study.Claims.Where(c => c.Hedged == hedged && !IsEpisode(c.Window) && double.IsFinite(c.ReductionPercent)).ToList();

    private static bool IsEpisode(string window) => window.StartsWith("vix-", StringComparison.Ordinal);

    private static int IndexOf(StudyResult study, string name)
    {
        for (int i = 0; i < study.Runs.Count; i++) if (study.Runs[i].Name == name) return i;
        return study.Runs.Count;
    }
}
