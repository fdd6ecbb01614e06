using System.CommandLine;
using System.Diagnostics;
using Alvh.Data.Output;
using Alvh.Study;
using Spectre.Console;

namespace Alvh.Cli.Commands;

/// <summary>
/// <c>alvh study [--data DIR] [--out DIR] [--from D] [--to D] [--as-if] [--json] [--quiet]</c>: the README's main job.
/// Runs the four presets and the de-levered baselines over the same period and every window, prints
/// the tables and the verdict, and writes each run's files and study.json.
/// </summary>
internal static class StudyCommand
{
    public static Command Create(CliContext context)
    {
        var run = new RunOptions();
        var command = new Command("study", "Answer the question: do layered VIX hedges cut DRIP drawdowns in high-VIX periods, at what cost, against fair baselines?");
        run.AddTo(command);
        command.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            var data = run.Load(parse, context);
            var (_, inputs) = StudySetup.Prepare(data, parse.GetValue(run.AsIf), RunOptions.Date(parse, run.From), RunOptions.Date(parse, run.To));
            StudyResult study = null!;
            bool quiet = parse.GetValue(run.Quiet) || parse.GetValue(run.Json);
            if (context.Interactive && !quiet)
            {
                context.Console.Status().Start("running the study (4 presets, 2 baselines, every window)...", _ => study = StudyEngine.Run(inputs));
            }
            else
            {
                study = StudyEngine.Run(inputs);
            }

            var outFolder = run.OutFolder(parse, context, Path.Combine("out", "study"));
            foreach (var r in study.Runs.Where(r => r.Backtest is not null))
            {
                var folder = Path.Combine(outFolder, r.Name);
                BacktestFiles.Write(folder, r.Backtest!);
                AtomicWriter.WriteText(Path.Combine(folder, "summary.json"), SummaryJson.Write(r.Name, r.Backtest!, r.Metrics));
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
            return ExitCodes.Ok;
        });
        return command;
    }
}
