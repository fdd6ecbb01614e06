using System.Globalization;
using Alvh.Study;
using Spectre.Console;

namespace Alvh.Cli.Commands;

/// <summary>The study on the console: the runs table, the claim table, the calm-year cost and the verdict.</summary>
internal static class StudyTables
{
    private static readonly string[] NamedWindows = ["2008", "2011", "2015", "2018-02", "2018-q4", "2020", "2022"];

    public static void Render(IAnsiConsole console, StudyResult study, bool quiet)
    {
        if (!quiet)
        {
            var runs = new Table().Title($"Alvh study {study.From:yyyy-MM-dd} to {study.To:yyyy-MM-dd}: whole period, max drawdown in each window, return on the days after a VIX close above {study.HighVixThreshold:0}")
                .AddColumn("portfolio").AddColumn(R("CAGR")).AddColumn(R("vol")).AddColumn(R("Sharpe")).AddColumn(R("max DD")).AddColumn(R("beta"));
            var windows = NamedWindows.Where(w => study.Runs[0].Windows.Any(x => x.Id == w)).ToArray();
            foreach (var w in windows) runs.AddColumn(R(w));
            runs.AddColumn(R($"return, VIX>{study.HighVixThreshold:0} days"));
            foreach (var r in study.Runs)
            {
                var cells = new List<string> { r.Name, P(r.Metrics.Cagr), P(r.Metrics.Volatility), F(r.Metrics.Sharpe), P(r.Metrics.MaxDrawdown), F(r.Metrics.Beta) };
                cells.AddRange(windows.Select(w => P(r.Windows.First(x => x.Id == w).MaxDrawdown)));
                cells.Add(P(r.HighVixReturn));
                runs.AddRow(cells.Select(Markup.Escape).ToArray());
            }
            console.Write(runs);

            // Each fair baseline by its name (both read "DRIP at its vol", told apart only by their place).
            var claim = new Table().Title("The claim: \"layered VIX hedges cut DRIP drawdowns 12–18% in high-VIX periods\" (named windows)")
                .AddColumn("window").AddColumn(R("DRIP")).AddColumn(R("drip-alvh")).AddColumn(R("% less")).AddColumn(R("points"))
                .AddColumn(R(StudyEngine.SameVolatilityAsHedge)).AddColumn(R("% less"))
                .AddColumn(R("full system")).AddColumn(R("% less")).AddColumn(R(StudyEngine.SameVolatility)).AddColumn(R("% less"));
            foreach (var w in windows)
            {
                var a = study.Claims.First(c => c.Window == w && c.Hedged == "drip-alvh");
                var f = study.Claims.First(c => c.Window == w && c.Hedged == "drip-condor-alvh");
                var v = study.Claims.FirstOrDefault(c => c.Window == w && c.Hedged == StudyEngine.SameVolatility);
                // Each hedged portfolio beside the DRIP de-levered to its own volatility (its fair baseline).
                var h = study.Claims.FirstOrDefault(c => c.Window == w && c.Hedged == StudyEngine.SameVolatilityAsHedge);
                claim.AddRow(w, P(a.BaselineMaxDrawdown), P(a.HedgedMaxDrawdown), P(a.ReductionPercent), Pts(a.ReductionPoints),
                    h is null ? "-" : P(h.HedgedMaxDrawdown), h is null ? "-" : P(h.ReductionPercent),
                    P(f.HedgedMaxDrawdown), P(f.ReductionPercent), v is null ? "-" : P(v.HedgedMaxDrawdown), v is null ? "-" : P(v.ReductionPercent));
            }
            console.Write(claim);

            if (study.Sensitivity.Count > 0)
            {
                var sens = new Table().Title("Sensitivity: the full system with one model assumption, or one rule (its condor's entry day, its hedge's rebuild or monetisation), moved")
                    .AddColumn("scenario").AddColumn(R("CAGR")).AddColumn(R("vol")).AddColumn(R("max DD")).AddColumn(R("avg window DD cut"))
                    .AddColumn(R("same-vol DRIP CAGR")).AddColumn(R("same-vol DRIP max DD")).AddColumn("beats it?");
                var full = study.Run("drip-condor-alvh");
                var same = study.Runs.FirstOrDefault(r => r.Name == StudyEngine.SameVolatility);
                // The figures "beats it?" compares, with the decimals that part two which print alike.
                static string A(double a, double b) => Verdict.PercentApart(a, b);
                double sameCagr = same?.Metrics.Cagr ?? double.NaN, sameDd = same?.Metrics.MaxDrawdown ?? double.NaN;
                sens.AddRow("(baseline model)", A(full.Metrics.Cagr, sameCagr), P(full.Metrics.Volatility), A(full.Metrics.MaxDrawdown, sameDd), P(StudyEngine.AverageWindowCut(study, "drip-condor-alvh")),
                    same is null ? "-" : A(sameCagr, full.Metrics.Cagr), same is null ? "-" : A(sameDd, full.Metrics.MaxDrawdown), same is null ? "-" : StudyEngine.Beats(full.Metrics, same.Metrics) ? "yes" : "no");
                foreach (var r in study.Sensitivity)
                {
                    sens.AddRow(Markup.Escape(r.Description), A(r.Cagr, r.SameVolatilityCagr), P(r.Volatility), A(r.MaxDrawdown, r.SameVolatilityMaxDrawdown), P(r.AverageReductionPercent),
                        A(r.SameVolatilityCagr, r.Cagr), A(r.SameVolatilityMaxDrawdown, r.MaxDrawdown), r.BeatsSameVolatility ? "yes" : "no");
                }
                console.Write(sens);
            }

            foreach (var c in study.CalmCosts)
            {
                console.MarkupLine(Markup.Escape(c.Years.Count == 0
                    ? $"{c.Hedged}: no calm year (a whole calendar year averaging a VIX below {study.CalmYearAverageVix:0}) in the period: no calm-year cost to measure"
                    : $"{c.Hedged}: cost in {c.CalmYears} (average VIX below {study.CalmYearAverageVix:0}: {string.Join(", ", c.Years)}): {P(c.CostPerYear)}/yr{c.WithoutCrisisYears(P)}"
                      + (double.IsNaN(c.OptionPnlPerYear) ? "" : $"; its ALVH options' own P&L {Verdict.SignedPoints(c.OptionPnlPerYear, 1)}% of equity a year")));
            }
            foreach (var b in study.Baselines)
            {
                console.MarkupLine(Markup.Escape(double.IsNaN(b.Weight)
                    ? $"{b.Name}: no equity weight reaches {StudyEngine.MatchedFigure(b)} ({b.Reason})"
                    : $"{b.Name}: {P(b.Weight)} SPY + T-bills matches {StudyEngine.MatchedFigure(b)} ({P(b.TargetValue)})"));
            }
            // The verdict's comparisons with their intervals, one line each (they were in the verdict's text alone).
            foreach (var c in study.Comparisons)
            {
                var d = c.Difference;
                console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"{c.Strategy} - {c.Baseline}: CAGR {Verdict.SignedPoints(d.Estimate, 2)} points a year, {d.Level:0%} interval {Verdict.SignedPoints(d.Lower, 1)} to {Verdict.SignedPoints(d.Upper, 1)} (paired block bootstrap, mean block {d.MeanBlock:0.#} days){(d.HoldsZero ? ": within chance" : "")}")));
            }
            console.WriteLine();
            foreach (var n in study.Notes) console.MarkupLine($"[grey]{Markup.Escape(n)}[/]");
            console.WriteLine();
        }
        // Quiet, the console holds the verdict alone, which does not say that results before 2006 are hypothetical: the
        // note under --as-if stays (the full console, study.json and study.html have it among the notes).
        else if (study.Notes.Contains(StudySetup.AsIfNote)) console.MarkupLine(Markup.Escape(StudySetup.AsIfNote));
        console.Write(new Panel(Markup.Escape(study.Verdict)).Header("Verdict"));
    }

    private static TableColumn R(string name) => new TableColumn(name).RightAligned();

    private static string P(double v) => Verdict.P(v);

    private static string Pts(double v) => double.IsNaN(v) ? "n/a" : (v * 100).ToString("0.0", CultureInfo.InvariantCulture);

    private static string F(double v) => double.IsNaN(v) ? "n/a" : v.ToString("0.00", CultureInfo.InvariantCulture);
}
