using System.CommandLine;
using System.Diagnostics;
using Alvh.Data.Output;
using Alvh.Engine;
using Alvh.Engine.Options;
using Alvh.Reports;
using Alvh.Runs;
using Alvh.Study;
using Spectre.Console;

namespace Alvh.Cli.Commands;

/// <summary>
/// <c>alvh study [--data DIR] [--out DIR] [--from D] [--to D] [--as-if] [--json] [--quiet]</c>: the README's main job.
/// Runs the four presets and the de-levered baselines over the same period and every window, prints
/// the tables and the verdict, and writes each run's files and report.html, study.json and study.html (the tear sheet).
/// </summary>
internal static class StudyCommand
{
    public static Command Create(CliContext context)
    {
        var run = new RunOptions();
        var command = new Command("study", "Answer the question: do layered VIX hedges cut DRIP drawdowns in high-VIX periods, at what cost, against fair baselines? Writes study.html, the tear sheet to open first. " + AlvhCli.ExitCodeHelp);
        run.AddTo(command);
        command.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            var data = run.Load(parse, context);
            var settings = run.Settings(parse);
            var market = MarketContext.Build(data, settings);
            var period = market.DefaultPeriod();
            bool asIf = parse.GetValue(run.AsIf);
            var notes = new List<string>();
            var from = RunOptions.Date(parse, run.From) ?? (asIf ? period.From : Later(period.From, ListingRules.VixOptionsLaunch));
            var to = RunOptions.Date(parse, run.To) ?? period.To;
            notes.Add(asIf
                ? "AS-IF LISTINGS: VIX options and SPX weeklies are traded before they were listed; results before 2006 are hypothetical."
                : $"The comparison starts {from:yyyy-MM-dd}: VIX options were first listed on {ListingRules.VixOptionsLaunch:yyyy-MM-dd}, so a layered VIX hedge could not be held earlier (use --as-if for a hypothetical 1990 start).");
            notes.Add($"It ends {to:yyyy-MM-dd}, the last day with both an S&P 500 and a VIX close in the data.");
            notes.Add("In-sample calibration: the VIX futures model is fitted on 2007-2015 settles and the VIX term-structure extrapolation on every day with all four pillars; both are applied over the whole period.");
            notes.Add("Option prices come from the market model (no historical quotes): see the assumptions.");

            var inputs = new StudyInputs(data, s => market.Run(s, from, to), market.Rates, from, to, [.. market.Options.Assumptions], notes);
            var outFolder = run.OutFolder(parse, context, Path.Combine("out", "study"));
            bool quiet = parse.GetValue(run.Quiet) || parse.GetValue(run.Json);
            StudyResult study = null!;
            string report = null!;
            void RunStudy() => study = StudyEngine.Run(inputs);
            void WriteRuns()
            {
                foreach (var r in study.Runs.Where(r => r.Backtest is not null))
                {
                    var folder = Path.Combine(outFolder, r.Name);
                    BacktestFiles.Write(folder, r.Backtest!);
                    AtomicWriter.WriteText(Path.Combine(folder, "summary.json"), SummaryJson.Write(r.Name, r.Backtest!, r.Metrics));
                }
            }
            void WriteReport() => report = StudyReport.Write(outFolder, study, ReportSeries.From(new RunSeries(data, market.Rates, study.Runs[0].Dates)));
            if (context.Interactive && !quiet)
            {
                StudyProgress.Run(context.Console,
                    ("running the study (4 presets, 2 baselines, every window)", RunStudy),
                    ("writing each run's daily.csv, trades.csv, ledger.csv, summary.json", WriteRuns),
                    ("rendering study.html and each run's report.html", WriteReport));
            }
            else
            {
                RunStudy();
                WriteRuns();
                WriteReport();
            }
            var json = StudyJson.Write(study);
            AtomicWriter.WriteText(Path.Combine(outFolder, "study.json"), json);
            if (parse.GetValue(run.Json))
            {
                context.Output.Write(json);
                return ExitCodes.Ok;
            }
            StudyTables.Render(context.Console, study, parse.GetValue(run.Quiet));
            context.Output.WriteLine($"wrote {outFolder} ({clock.Elapsed.TotalSeconds:0.0} s)");
            context.Output.WriteLine($"report: {report}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
