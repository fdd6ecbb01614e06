using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Alvh.Data.Output;
using Alvh.Data.Research;
using Alvh.Engine;
using Alvh.Research;
using Alvh.Runs;
using Alvh.Strategies;
using Spectre.Console;

namespace Alvh.Cli.Commands;

/// <summary>
/// <c>alvh walkforward --config FILE --grid GRID [--train-years 5 --test-years 1] [--blocks 16]</c>: rolling
/// in-sample selection by Sharpe, out-of-sample evaluation, and the probability of backtest overfitting.
/// </summary>
internal static class WalkForwardCommand
{
    private const int MaxConfigs = 2_000;

    private const int MaxYears = 100;

    public static Command Create(CliContext context)
    {
        var run = new RunOptions();
        run.Out.Description = "Also write walkforward.json and walkforward.html, its tear sheet (with equity.png and pbo-logits.png), into this folder (default: none, the result is printed only).";
        var preset = new Option<string?>("--preset") { Description = "Base preset." };
        var config = new Option<string?>("--config") { Description = "Base strategy file (YAML).", HelpName = "FILE" }.NotBlank("a strategy file");
        var grid = new Option<string>("--grid") { Description = "Grid file (YAML), as for sweep.", HelpName = "FILE", Required = true }.NotBlank("a grid file");
        var train = new Option<int>("--train-years") { Description = "Train window, years (1 to 100).", DefaultValueFactory = _ => 5 };
        var test = new Option<int>("--test-years") { Description = "Test window and step, years (1 to 100).", DefaultValueFactory = _ => 1 };
        var blocks = new Option<int>("--blocks") { Description = "CSCV blocks S (even, 2..16) for the PBO.", DefaultValueFactory = _ => 16 };
        var threads = new Option<int>("--threads") { Description = "Parallel runs (default: all cores).", DefaultValueFactory = _ => Environment.ProcessorCount }.AtLeast(1);
        var command = new Command("walkforward", "Walk-forward: pick the best-Sharpe grid point on each train window, hold it over the next test window; stitched out-of-sample metrics and the probability of backtest overfitting (CSCV).")
            { preset, config, grid, train, test, blocks, threads };
        run.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            // The base file is checked whole, even across keys the grid sets (a sweep leaves those to its runs): the
            // out-of-sample curve is compared with the strategy as configured, which must run.
            var (strategy, error) = StrategySource.Resolve(parse.GetValue(preset), parse.GetValue(config), context);
            if (strategy is null)
            {
                await context.Error.WriteLineAsync(error);
                return ExitCodes.BadInput;
            }
            ParameterGrid parameters;
            StrategyPatch patch;
            try
            {
                parameters = GridFile.Load(Path.GetFullPath(parse.GetValue(grid)!, context.CurrentDirectory));
                patch = new StrategyPatch(strategy);
                patch.Validate(parameters);
            }
            catch (GridFileException e)
            {
                await context.Error.WriteLineAsync($"alvh: bad input: {e.Message}");
                return ExitCodes.BadInput;
            }
            if (parameters.Count > MaxConfigs || parameters.Count < 2)
            {
                // Named like the grid file's other errors: the message named neither the file nor its keys.
                await context.Error.WriteLineAsync($"alvh: bad input: {Path.GetFileName(parse.GetValue(grid))}: walk-forward needs 2..{MaxConfigs} grid points to choose between, and {string.Join(" × ", parameters.Axes.Select(a => $"{a.Path} ({a.Values.Count})"))} make {parameters.Count}");
                return ExitCodes.BadInput;
            }
            // Checked before the runs (a bad --blocks used to surface only after every backtest had run).
            int blockCount = parse.GetValue(blocks), trainYears = parse.GetValue(train), testYears = parse.GetValue(test);
            // At most 100 years each: 9,000 failed after every backtest had run, with "The added or subtracted value results in
            // an un-representable DateTime." (a date past 9999), naming neither option.
            if (blockCount < 2 || blockCount > 16 || blockCount % 2 != 0 || trainYears < 1 || testYears < 1 || trainYears > MaxYears || testYears > MaxYears)
            {
                await context.Error.WriteLineAsync($"alvh: bad input: --blocks must be even, 2 to 16, and --train-years and --test-years 1 to {MaxYears}");
                return ExitCodes.BadInput;
            }
            // Every grid point is applied before the data is loaded: the checks across keys (allocations summing to 1,
            // minVix against maxVix) depend on the combination, and a walk-forward selects among all of its points.
            var paths = parameters.Axes.Select(a => a.Path).ToArray();
            int n = (int)parameters.Count;
            var strategies = new Alvh.Strategies.StrategyDefinition[n];
            var refused = new List<string>();
            for (int k = 0; k < n; k++)
            {
                try
                {
                    strategies[k] = patch.Apply(paths, parameters.Assignment(k));
                }
                catch (GridFileException e)
                {
                    refused.Add(e.Message);
                }
            }
            if (refused.Count > 0)
            {
                await context.Error.WriteLineAsync($"alvh: bad input: {refused.Count} of {n} grid points are refused (a walk-forward selects among all of them); the first: {refused[0]}");
                return ExitCodes.BadInput;
            }
            var from = RunOptions.Date(parse, run.From);
            var to = RunOptions.Date(parse, run.To);
            string? folder = parse.GetValue(run.Out) is null ? null : run.OutFolder(parse, context, "out");
            if (folder is not null && RunOptions.NotAFolder(parse.GetValue(run.Out), folder) is { } notAFolder)
            {
                await context.Error.WriteLineAsync($"alvh: bad input: {notAFolder}");
                return ExitCodes.BadInput;
            }
            // Staged before the runs: an --out that cannot be made (a read-only folder, /proc/wf) failed only once every grid
            // point had run, minutes into a large grid. Nothing reaches the folder before the commit, as before.
            StagedFolder? staging;
            try
            {
                staging = folder is null ? null : StagedFolder.Begin(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await context.Error.WriteLineAsync($"alvh: cannot write --out {folder}: {e.Message}");
                return ExitCodes.Failure;
            }
            using var staged = staging;
            var data = run.Load(parse, context);
            var market = MarketContext.Build(data, run.Settings(parse));
            var returns = new double[n][];
            DateOnly[] dates = [];
            double[] bills = [];
            var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parse.GetValue(threads)), CancellationToken = cancellationToken };
            // Each worker reuses its runs' daily columns, ledger rows and trade rows (RunBuffers): a run leaves only its returns.
            Parallel.For(0, n, options, () => new RunBuffers(), (k, _, buffers) =>
            {
                var daily = RunMetrics.DailyReturns(market, strategies[k], from, to, buffers);
                returns[k] = daily.Returns;
                if (k == 0) (dates, bills) = (daily.Dates, daily.BillReturns);
                return buffers;
            }, _ => { });
            var result = WalkForward.Run(dates, returns, bills, parse.GetValue(train), parse.GetValue(test));
            if (result.Folds.Count == 0)
            {
                // With the lengths (review): a fold needs its train years and at least 20 trading days of test after them.
                await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"alvh: bad input: the period is shorter than one train plus one test window: its runs cover {dates[0]:yyyy-MM-dd} to {dates[^1]:yyyy-MM-dd}, and a fold needs {trainYears} train year(s) (the first test window would start on {dates[0].AddYears(trainYears):yyyy-MM-dd}) and then at least 20 trading days of its test window"));
                return ExitCodes.BadInput;
            }
            // Ctrl+C or SIGTERM after the grid's runs: only the parallel loop read the token, so the command went on to the
            // PBO, the comparisons and the files and ended 0, after Program had printed 'stopping'.
            cancellationToken.ThrowIfCancellationRequested();
            var matrix = WalkForward.ExcessReturnMatrix(returns, bills);
            var pbo = Cscv.Pbo(matrix, n, parse.GetValue(blocks));
            var equity = result.Equity();
            var oosSeries = new RunSeries(data, market.Rates, result.Dates, [], market.SpxTotalReturn);
            var oos = oosSeries.Metrics(equity);
            // Like for like: the strategy as configured (no selection) and the DRIP, held over the same out-of-sample days.
            var fixedRuns = new List<(string Name, StrategyDefinition Definition)> { ($"{strategy.Name} as configured", strategy) };
            // Left out for the preset alone: a file named drip (alvh init --preset drip writes one, then edited) lost the
            // DRIP's row, its own standing in as "drip as configured".
            if (!ReferenceEquals(strategy, Presets.Drip)) fixedRuns.Add((Presets.Drip.Name, Presets.Drip));
            var comparisons = fixedRuns.Select(f =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                var daily = RunMetrics.DailyReturns(market, f.Definition, from, to);
                var curve = WalkForwardResult.Compound(result.Over(daily.Dates, daily.Returns));
                return (f.Name, Metrics: oosSeries.Metrics(curve), Curve: curve);
            }).ToList();
            // The days after the last test window, too few for one of their own (under 20), are in no fold: said, as the
            // out-of-sample curve stopped before the period's end without a word.
            int untested = dates.Length - 1 - Array.BinarySearch(dates, result.Dates[^1]);
            var untestedDays = untested > 0 ? new Alvh.Reports.UntestedDays(untested, dates[^untested], dates[^1]) : null;
            string Label(int k) => string.Join(", ", parameters.Assignment(k).Select((v, a) => $"{paths[a]}={v.Text}"));
            // The last fold's test window is cut at the period's end: a Sharpe of 28 days (2026-01-02 to 2026-02-11) read as a
            // year's (review). Partial: the data end more than a week before the window's nominal end.
            int TestDays(WalkForwardFold f) => Array.BinarySearch(dates, f.TestTo) - Array.BinarySearch(dates, f.TestFrom) + 1;
            bool Partial(WalkForwardFold f) => f.TestTo == dates[^1] && dates[^1] < f.TestFrom.AddYears(testYears).AddDays(-7);
            // A tie is said: with every grid point alike on the train window (an ALVH before VIX options were listed) the
            // first listed was shown as "chosen" as if the train window had preferred it.
            string Chosen(WalkForwardFold f) => f.Tied switch
            {
                0 => Label(f.Chosen) + " (no configuration had a train Sharpe: the first is held)",
                1 => Label(f.Chosen),
                _ => f.Tied == n ? Label(f.Chosen) + $" (all {n} tie on train: the first is held)" : Label(f.Chosen) + $" (tie of {f.Tied} on train: the first of them)",
            };
            {
                var json = new
                {
                    strategy = strategy.Name,
                    configs = n,
                    trainYears = parse.GetValue(train),
                    testYears = parse.GetValue(test),
                    folds = result.Folds.Select(f => new { trainFrom = f.TrainFrom, trainTo = f.TrainTo, testFrom = f.TestFrom, testTo = f.TestTo, chosen = f.Chosen, parameters = Label(f.Chosen), tied = f.Tied, trainSharpe = f.TrainSharpe, testSharpe = f.TestSharpe, testReturn = f.TestReturn, testDays = TestDays(f), partial = Partial(f) }),
                    outOfSample = new { from = oos.Start, to = oos.End, cagr = oos.Cagr, volatility = oos.Volatility, sharpe = oos.Sharpe, maxDrawdown = oos.MaxDrawdown, untestedDays = untested },
                    sameDays = comparisons.Select(c => new { name = c.Name, cagr = c.Metrics.Cagr, volatility = c.Metrics.Volatility, sharpe = c.Metrics.Sharpe, maxDrawdown = c.Metrics.MaxDrawdown }),
                    pbo = new { probability = pbo.Probability, splits = pbo.Splits, blocks = pbo.Blocks, blockDays = pbo.BlockPeriods, configurations = pbo.Configurations, medianLogit = pbo.MedianLogit, noSkill = pbo.NoSkillProbability, atMiddle = pbo.AtMiddle, caveats = Alvh.Reports.WalkForwardReport.PboCaveats(pbo), method = PboMethod },
                };
                string text = JsonSerializer.Serialize(json, JsonOut.ReportOptions());
                // --out keeps the same JSON as walkforward.json (the option was accepted and ignored before).
                if (staged is not null)
                {
                    AtomicWriter.WriteText(Path.Combine(staged.Path, "walkforward.json"), text + "\n");
                    // The tear sheet: the stitched curve against the fixed configurations, the folds, the PBO's logits.
                    Alvh.Reports.WalkForwardReport.Write(staged.Path, new Alvh.Reports.WalkForwardReportInput(
                        $"{strategy.Name} over {n} grid points, train {parse.GetValue(train)} y, test {parse.GetValue(test)} y",
                        result.Dates,
                        [new("walk-forward", equity, oos), .. comparisons.Select(c => new Alvh.Reports.WalkForwardCurve(c.Name, c.Curve, c.Metrics))],
                        [.. result.Folds.Select(f => new Alvh.Reports.WalkForwardReportFold(f, Chosen(f), Partial(f) ? $"partial: {TestDays(f)} days" : null))],
                        pbo,
                        PboMethod + ".",
                        untestedDays));
                    // Stopped while the files were written: none of them replaces the folder's previous results.
                    cancellationToken.ThrowIfCancellationRequested();
                    staged.Commit();
                    if (!parse.GetValue(run.Json)) await context.Output.WriteLineAsync($"wrote {Path.Combine(staged.Folder, "walkforward.json")} and {Path.Combine(staged.Folder, Alvh.Reports.WalkForwardReport.FileName)}");
                }
                if (parse.GetValue(run.Json))
                {
                    await context.Output.WriteLineAsync(text);
                    return ExitCodes.Ok;
                }
            }
            var table = new Table().Title($"{Markup.Escape(strategy.Name)}: walk-forward over {n} grid points, train {parse.GetValue(train)} y, test {parse.GetValue(test)} y")
                .AddColumn("train").AddColumn("test").AddColumn("chosen").AddColumn(new TableColumn("train Sharpe").RightAligned()).AddColumn(new TableColumn("test Sharpe").RightAligned()).AddColumn(new TableColumn("test return").RightAligned());
            foreach (var f in result.Folds)
            {
                string partial = Partial(f) ? $" (partial: {TestDays(f)} days)" : "";
                table.AddRow($"{f.TrainFrom:yyyy-MM-dd}..{f.TrainTo:yyyy-MM-dd}", $"{f.TestFrom:yyyy-MM-dd}..{f.TestTo:yyyy-MM-dd}{partial}", Markup.Escape(Chosen(f)),
                    F(f.TrainSharpe), F(f.TestSharpe), Pct(f.TestReturn));
            }
            context.Console.Write(table);
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"out of sample, from the close of {oos.Start:yyyy-MM-dd} (the last training day) to {oos.End:yyyy-MM-dd}: CAGR {Pct(oos.Cagr)}, volatility {Pct(oos.Volatility)}, Sharpe {F(oos.Sharpe)}, max drawdown {Pct(oos.MaxDrawdown)}"));
            if (untestedDays is not null) context.Output.WriteLine($"  {untestedDays}");
            foreach (var (name, m, _) in comparisons)
            {
                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  same days, {name}: CAGR {Pct(m.Cagr)}, volatility {Pct(m.Volatility)}, Sharpe {F(m.Sharpe)}, max drawdown {Pct(m.MaxDrawdown)}"));
            }
            string distinct = pbo.Configurations == n ? "" : $", {pbo.Configurations} distinct of {n} grid points (returns equal within rounding noise count once)";
            context.Output.WriteLine(double.IsNaN(pbo.Probability)
                ? $"probability of backtest overfitting: n/a (the {n} grid points give fewer than 2 distinct return series)"
                : string.Create(CultureInfo.InvariantCulture,
                    $"probability of backtest overfitting (CSCV, S={pbo.Blocks} blocks of {pbo.BlockPeriods} days, {pbo.Splits} splits{distinct}, Bailey et al. 2017): {pbo.Probability:0.000} (median logit {pbo.MedianLogit:0.00}; a choice with no skill scores {pbo.NoSkillProbability:0.000})"));
            foreach (var caveat in Alvh.Reports.WalkForwardReport.PboCaveats(pbo)) context.Output.WriteLine($"  warning: {caveat}");
            context.Output.WriteLine($"  {Alvh.Reports.WalkForwardReport.Slicing}");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>How the PBO is computed (JSON <c>pbo.method</c> and walkforward.html).</summary>
    private const string PboMethod = "CSCV, Bailey, Borwein, Lopez de Prado & Zhu (2017, Journal of Computational Finance 20(4)), on daily excess returns; configurations equal within rounding noise (1e-12 a day) count once; out-of-sample ties share their average rank";

    private static string F(double v) => double.IsNaN(v) ? "n/a" : v.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Pct(double v) => double.IsNaN(v) ? "n/a" : (v * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";
}
