using System.CommandLine;
using System.Diagnostics;
using Alvh.Data.Output;
using Alvh.Reports;
using Alvh.Runs;
using Alvh.Study;
using Spectre.Console;

namespace Alvh.Cli.Commands;

/// <summary>
/// <c>alvh study [--data DIR] [--out DIR] [--from D] [--to D] [--as-if] [--seed N] [--json] [--quiet]</c>: the README's main job.
/// Runs the four presets and the de-levered baselines over the same period and every window, prints
/// the tables and the verdict, and writes each run's files and report.html, study.json and study.html (the tear sheet).
/// </summary>
internal static class StudyCommand
{
    public static Command Create(CliContext context)
    {
        var run = new RunOptions();
        run.Out.Description = "Output folder (default: out/study).";
        var command = new Command("study", "Answer the question: do layered VIX hedges cut DRIP drawdowns in high-VIX periods, at what cost, against fair baselines? Writes study.html, the tear sheet to open first. " + AlvhCli.ExitCodeHelp);
        run.AddTo(command);
        var seed = new Option<ulong>("--seed")
        {
            Description = "Seed of the bootstraps that put an interval on each comparison of CAGR (default 1); the runs themselves draw nothing.",
            DefaultValueFactory = _ => 1UL,
        };
        command.Options.Add(seed);
        command.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            var outFolder = run.OutFolder(parse, context, Path.Combine("out", "study"));
            if (RunOptions.NotAFolder(parse.GetValue(run.Out), outFolder) is { } notAFolder)
            {
                context.Error.WriteLine($"alvh: bad input: {notAFolder}");
                return ExitCodes.BadInput;
            }
            if (RunOptions.CannotMake(outFolder) is { } cannotMake)
            {
                context.Error.WriteLine($"alvh: cannot write --out {parse.GetValue(run.Out) ?? outFolder}: {cannotMake}");
                return ExitCodes.Failure;
            }
            var data = run.Load(parse, context);
            var (market, inputs) = StudySetup.Prepare(data, parse.GetValue(run.AsIf), RunOptions.Date(parse, run.From), RunOptions.Date(parse, run.To));
            inputs = inputs with { BootstrapSeed = parse.GetValue(seed) };
            bool quiet = parse.GetValue(run.Quiet) || parse.GetValue(run.Json);
            StudyResult study = null!;
            string report = null!;
            // Every file of the study or none: a failure leaves the folder's previous results whole.
            using var staged = StagedFolder.Begin(outFolder);
            void RunStudy() => study = StudyEngine.Run(inputs);
            void WriteRuns()
            {
                foreach (var r in study.Runs.Where(r => r.Backtest is not null))
                {
                    var folder = Path.Combine(staged.Path, r.Name);
                    BacktestFiles.Write(folder, r.Backtest!);
                    AtomicWriter.WriteText(Path.Combine(folder, "summary.json"), SummaryJson.Write(r.Name, r.Backtest!, r.Metrics, r.Sleeves));
                }
                // The de-levered baselines have no backtest: their daily equity, to check or chart them.
                var baselines = study.Runs.Where(r => r.Backtest is null).ToList();
                AtomicWriter.Write(Path.Combine(staged.Path, "baselines.csv"), w =>
                {
                    w.WriteLine("date," + string.Join(',', baselines.Select(b => b.Name)));
                    for (int i = 0; i < study.Runs[0].Dates.Length; i++)
                    {
                        w.WriteLine(study.Runs[0].Dates[i].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + ","
                            + string.Join(',', baselines.Select(b => b.Equity[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture))));
                    }
                });
            }
            void WriteReport() => report = staged.Final(StudyReport.Write(staged.Path, study, ReportSeries.From(new RunSeries(data, market.Rates, study.Runs[0].Dates, [], market.SpxTotalReturn))));
            if (context.Interactive && !quiet)
            {
                StudyProgress.Run(context.Console,
                    ("running the study (4 presets, 3 baselines, every window)", RunStudy),
                    ("writing each run's daily.csv, trades.csv, ledger.csv, summary.json, and baselines.csv", WriteRuns),
                    ("rendering study.html and each run's report.html", WriteReport));
            }
            else
            {
                RunStudy();
                WriteRuns();
                WriteReport();
            }
            var json = StudyJson.Write(study);
            AtomicWriter.WriteText(Path.Combine(staged.Path, "study.json"), json);
            staged.Commit();
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
}
