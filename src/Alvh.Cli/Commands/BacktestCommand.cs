using System.CommandLine;
using System.Globalization;
using Alvh.Data.Output;
using Alvh.Data.Strategies;
using Alvh.Reports;
using Alvh.Runs;
using Alvh.Strategies;
using Spectre.Console;

namespace Alvh.Cli.Commands;

/// <summary>
/// <c>alvh backtest --preset NAME | --config FILE [--from D] [--to D] [--data DIR] [--out DIR] [--seed N] [--as-if] [--json]</c>:
/// runs one strategy and writes daily.csv, trades.csv, ledger.csv, summary.json and report.html (the tear sheet).
/// </summary>
internal static class BacktestCommand
{
    public static Command Create(CliContext context)
    {
        var run = new RunOptions();
        run.Out.Description = "Output folder (default: out/<the strategy's name>, e.g. out/drip-condor-alvh).";
        var preset = new Option<string?>("--preset") { Description = "Preset: " + string.Join(", ", Presets.All.Keys) + "." };
        var config = new Option<string?>("--config") { Description = "Strategy file (YAML; see alvh init).", HelpName = "FILE" }.NotBlank("a strategy file");
        var seed = new Option<int>("--seed") { Description = "Seed of the run's random streams. The built-in sleeves draw none (their rules are deterministic), so it changes none of their runs.", DefaultValueFactory = _ => 1 };
        var command = new Command("backtest", "Run one strategy over history and write daily.csv, trades.csv, ledger.csv, summary.json and report.html. " + AlvhCli.ExitCodeHelp) { preset, config, seed };
        run.AddTo(command);
        command.SetAction(parse =>
        {
            StrategyDefinition strategy;
            var presetName = parse.GetValue(preset);
            var file = parse.GetValue(config);
            if ((presetName is null) == (file is null))
            {
                context.Error.WriteLine("alvh: bad input: give exactly one of --preset NAME or --config FILE");
                return ExitCodes.BadInput;
            }
            if (file is not null)
            {
                try
                {
                    strategy = StrategyFile.Load(Path.GetFullPath(file, context.CurrentDirectory));
                }
                catch (StrategyFileException e)
                {
                    context.Error.WriteLine(e.Message);
                    return ExitCodes.BadInput;
                }
            }
            else if (Presets.Find(presetName!) is { } p)
            {
                strategy = p;
            }
            else
            {
                context.Error.WriteLine($"alvh: bad input: unknown preset '{presetName}' (allowed: {string.Join(", ", Presets.All.Keys)})");
                return ExitCodes.BadInput;
            }
            if (RunOptions.NotAFolder(parse.GetValue(run.Out), run.OutFolder(parse, context, Path.Combine("out", strategy.Name))) is { } notAFolder)
            {
                context.Error.WriteLine($"alvh: bad input: {notAFolder}");
                return ExitCodes.BadInput;
            }
            if (RunOptions.CannotMake(run.OutFolder(parse, context, Path.Combine("out", strategy.Name))) is { } cannotMake)
            {
                context.Error.WriteLine($"alvh: cannot write --out {parse.GetValue(run.Out) ?? Path.Combine("out", strategy.Name)}: {cannotMake}");
                return ExitCodes.Failure;
            }
            var from = RunOptions.Date(parse, run.From);
            var to = RunOptions.Date(parse, run.To);
            var data = run.Load(parse, context);
            var market = MarketContext.Build(data, run.Settings(parse));
            Alvh.Engine.BacktestResult result;
            try
            {
                result = market.Run(strategy, from, to, parse.GetValue(seed));
            }
            catch (ArgumentException e) when (file is not null && KeyLine(Path.GetFullPath(file, context.CurrentDirectory), e.Message) is { } where)
            {
                // A refusal that names a key of the file (a ticker without prices: "drip.symbol QQQ: ... has no prices") with
                // the file and the key's line, as the file's own errors are: it named the key alone.
                context.Error.WriteLine($"alvh: bad input: {where}: {e.Message.Split(" (Parameter")[0]}");
                return ExitCodes.BadInput;
            }
            if (result.Daily.Count < 2)
            {
                // The metrics need a daily return: one day failed with "bad input: needs at least 2 values, got 1".
                context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"alvh: bad input: --from and --to hold one trading day ({result.Daily[0].Date:yyyy-MM-dd}); a backtest needs at least two (one daily return)"));
                return ExitCodes.BadInput;
            }
            var series = market.SeriesFor(result.Dates());
            var metrics = series.Metrics(result.EquityCurve());
            foreach (var note in BacktestNotes.IdleSleeves(result, strategy.Overlay?.Rules.Roll, parse.GetValue(run.AsIf))) context.Error.WriteLine(note);
            foreach (var note in StrategyChecks.Notes(strategy)) context.Error.WriteLine("alvh: note: " + note);
            // Only where a gate reads the events (the condor's entry buffer, the ALVH's event tranche).
            bool readsEvents = strategy.Condor?.Rules.EventBufferDays >= 0 || strategy.Alvh?.Rules.TrancheBeforeEventDays >= 0;
            if (readsEvents && Alvh.Engine.Signals.MissingMacroNote(data) is { } macro)
            {
                context.Error.WriteLine("alvh: note: " + macro);
            }
            var calendar = data.Calendar;
            foreach (var note in market.Carry.DividendNotes(calendar.IndexOf(result.Daily[0].Date), calendar.IndexOf(result.Daily[^1].Date)))
            {
                context.Error.WriteLine("alvh: note: " + note);
            }
            if (BacktestNotes.Dropped(result) is { } dropped) context.Error.WriteLine(dropped);
            var outFolder = run.OutFolder(parse, context, Path.Combine("out", strategy.Name));
            // The sleeves' records as the study writes them (the hedge's high-VIX days without a call, the condors' record).
            var summary = SummaryJson.Write(strategy.Name, result, metrics, SleeveStatistics.ForRun(result, data));
            string report;
            // Every file of the run or none: a failure leaves the folder's previous results whole.
            using (var staged = StagedFolder.Begin(outFolder))
            {
                BacktestFiles.Write(staged.Path, result);
                AtomicWriter.WriteText(Path.Combine(staged.Path, "summary.json"), summary);
                report = staged.Final(BacktestReport.Write(staged.Path, strategy.Name, result, metrics, ReportSeries.From(series)));
                // An earlier run's chart this one did not draw (a condor's, before a DRIP run) would describe another strategy.
                staged.Commit(replacing: BacktestReport.ChartFileNames);
            }
            if (parse.GetValue(run.Json))
            {
                context.Output.Write(summary);
                return ExitCodes.Ok;
            }
            if (!parse.GetValue(run.Quiet))
            {
                // --as-if is "printed in every output": the files said so, the table did not, so two runs with and without it looked alike.
                string asIf = parse.GetValue(run.AsIf) ? " (AS-IF listings: hypothetical expirations)" : "";
                // So are fills at the close a decision was made on, "optimistic, labelled" (the strategy file's fills key).
                if (strategy.Fills == Alvh.Engine.FillTiming.SameClose) asIf += " (SameClose fills: optimistic)";
                var table = new Table().Title($"{Markup.Escape(strategy.Name)}: {result.Daily[0].Date:yyyy-MM-dd} to {result.Daily[^1].Date:yyyy-MM-dd}{asIf}")
                    .AddColumn("metric").AddColumn(new TableColumn("value").RightAligned());
                table.AddRow("final equity", result.FinalEquity.ToString("N0", CultureInfo.InvariantCulture));
                table.AddRow("total return", Pct(metrics.TotalReturn));
                table.AddRow("CAGR", Pct(metrics.Cagr));
                table.AddRow("volatility", Pct(metrics.Volatility));
                table.AddRow("Sharpe", Number(metrics.Sharpe));
                table.AddRow("max drawdown", $"{Pct(metrics.MaxDrawdown)} ({metrics.MaxDrawdownPeak:yyyy-MM-dd} to {metrics.MaxDrawdownTrough:yyyy-MM-dd})");
                table.AddRow("beta to S&P 500", Number(metrics.Beta));
                table.AddRow("trades", result.Trades.Count.ToString(CultureInfo.InvariantCulture));
                table.AddRow("option valuations", result.SleeveValuations == 0 ? result.OptionValuations.ToString("N0", CultureInfo.InvariantCulture)
                    : string.Create(CultureInfo.InvariantCulture, $"{result.OptionValuations:N0} ({result.SleeveValuations:N0} in strike searches)"));
                table.AddRow("ledger SHA-256", result.Ledger.Sha256()[..16] + "...");
                context.Console.Write(table);
            }
            context.Output.WriteLine($"wrote {outFolder}");
            context.Output.WriteLine($"report: {report}");
            return ExitCodes.Ok;
        });
        return command;
    }

    // A statistic a short run has no value for (a Sharpe and a beta need two daily returns) is "n/a", as in the report: the table printed "NaN".
    private static string Number(double v) => double.IsNaN(v) ? "n/a" : v.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Pct(double v) => double.IsNaN(v) ? "n/a" : (v * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    /// <summary><c>file.yaml:LINE</c> of the key path a run's refusal starts with (its text up to the first space or colon), when the file sets that key; null otherwise.</summary>
    private static string? KeyLine(string path, string message)
    {
        int end = message.IndexOfAny([' ', ':']);
        if (end <= 0) return null;
        string key = message[..end];
        return key.Contains('.', StringComparison.Ordinal) && StrategyFile.LineOf(path, key) is { } line ? $"{Path.GetFileName(path)}:{line}" : null;
    }
}
