using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Alvh.Data.Output;
using Alvh.Data.Research;
using Alvh.Research.Scenarios;
using Alvh.Runs;
using Alvh.Strategies;
using Spectre.Console;

namespace Alvh.Cli.Commands;

/// <summary>
/// <c>alvh montecarlo --preset NAME --paths N --years Y [--generator bootstrap|svj] [--seed S] [--json]</c>: the
/// strategy and the drip baseline on the same simulated futures.
/// </summary>
internal static class MonteCarloCommand
{
    public static Command Create(CliContext context)
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var preset = new Option<string?>("--preset") { Description = "Preset: " + string.Join(", ", Presets.All.Keys) + "." };
        var config = new Option<string?>("--config") { Description = "Strategy file (YAML).", HelpName = "FILE" };
        var paths = new Option<int>("--paths") { Description = "Number of simulated paths.", DefaultValueFactory = _ => 100 };
        var years = new Option<double>("--years") { Description = "Years per path.", DefaultValueFactory = _ => 10 }.Number();
        var generator = new Option<string>("--generator") { Description = "bootstrap (stationary block bootstrap of historical days) or svj (stochastic volatility with jumps, fitted on history by moments, then by simulated moments to its VIX half-life, return-VIX correlation, VIX 95th percentile, mean VIX and VIX premium).", DefaultValueFactory = _ => "bootstrap" };
        var seed = new Option<int>("--seed") { Description = "Seed; path p uses a seed derived from it and p.", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "Parallel paths (default: all cores).", DefaultValueFactory = _ => Environment.ProcessorCount }.AtLeast(1);
        var thresholds = new Option<string>("--drawdowns") { Description = "Drawdown thresholds, fractions, comma-separated.", DefaultValueFactory = _ => "0.2,0.3,0.4" };
        var poolFrom = new Option<string>("--pool-from") { Description = "First historical day the bootstrap and the SVJ fit use (YYYY-MM-DD).", DefaultValueFactory = _ => "1990-01-02" };
        var quiet = CommonOptions.Quiet();
        var outDir = new Option<string?>("--out") { Description = "Also write montecarlo.json (as --json) and paths.csv (each path's seed, the strategy's and the DRIP's outcomes (once for --preset drip), the same-volatility DRIP's weight and outcomes, and the path market's statistics) into this folder.", HelpName = "DIR" };
        var startVix = new Option<double?>("--start-vix") { Description = "Start the paths at this VIX instead of the last close's (a stress start): the SVJ starts at the variance that gives it; the bootstrap draws each path's first day among the 1% (at least 20) of historical days whose previous VIX close was nearest it, and its later blocks anywhere: the stress lasts as long as that first block (the mean block on average).", HelpName = "VIX" }.Number();
        var blockDays = new Option<double?>("--block-days") { Description = "The bootstrap's mean block, trading days (default: Politis and White's rule on the pool's squared S&P 500 returns, 175 on 1990-2026: blocks long enough to keep volatility regimes together).", HelpName = "DAYS" }.Number();
        var cacheDir = new Option<string?>("--cache") { Description = "Folder of the SVJ calibrations already made (default: ALVH_CACHE, else XDG_CACHE_HOME/alvh, else ~/.cache/alvh): a calibration on the same history, pool start and path length, by the same build, is read back instead of made again (3-7 s). The folder keeps the 16 most recently used calibrations; another build's go after a day unused; other files are never touched.", HelpName = "DIR" };
        var noCache = new Option<bool>("--no-cache") { Description = "Calibrate the SVJ again, reading and writing no cache." };
        var inspect = new Option<int?>("--inspect") { Description = "With --out: also write path N (as numbered in paths.csv) into DIR/path-N: its simulated market (market.csv), for both strategies the backtest's daily.csv, trades.csv, ledger.csv, summary.json and report.html, and the same-volatility DRIP's daily equity (same-vol.csv).", HelpName = "N" };
        var command = new Command("montecarlo", "Run a strategy and the drip baseline on simulated futures (block bootstrap of historical days, or a fitted SV-with-jumps model): distributions of CAGR, max drawdown, terminal wealth; drawdown probabilities with Wilson intervals.")
            { data, json, preset, config, paths, years, generator, seed, threads, thresholds, poolFrom, startVix, blockDays, cacheDir, noCache, quiet, outDir, inspect };
        command.SetAction(parse =>
        {
            var (strategy, error) = StrategySource.Resolve(parse.GetValue(preset), parse.GetValue(config), context);
            if (strategy is null)
            {
                context.Error.WriteLine(error);
                return ExitCodes.BadInput;
            }
            var kind = parse.GetValue(generator)!;
            if (kind is not ("bootstrap" or "svj"))
            {
                context.Error.WriteLine($"alvh: bad input: --generator {kind}: allowed bootstrap, svj");
                return ExitCodes.BadInput;
            }
            int count = parse.GetValue(paths);
            double horizon = parse.GetValue(years);
            if (count < 1 || horizon < 0.25 || horizon > 100)
            {
                context.Error.WriteLine("alvh: bad input: --paths must be at least 1 and --years between 0.25 and 100");
                return ExitCodes.BadInput;
            }
            double? startAt = parse.GetValue(startVix);
            if (startAt is { } sv && !(sv >= 5 && sv <= 150))
            {
                context.Error.WriteLine($"alvh: bad input: --start-vix {sv.ToString(CultureInfo.InvariantCulture)}: a VIX level between 5 and 150");
                return ExitCodes.BadInput;
            }
            double? block = parse.GetValue(blockDays);
            if (block is not null && kind != "bootstrap")
            {
                context.Error.WriteLine("alvh: bad input: --block-days applies to --generator bootstrap");
                return ExitCodes.BadInput;
            }
            if ((parse.GetValue(cacheDir) is not null || parse.GetValue(noCache)) && kind != "svj")
            {
                context.Error.WriteLine("alvh: bad input: --cache and --no-cache apply to --generator svj");
                return ExitCodes.BadInput;
            }
            if (parse.GetValue(cacheDir) is { } blankCache && string.IsNullOrWhiteSpace(blankCache))
            {
                context.Error.WriteLine("alvh: bad input: --cache needs a folder");
                return ExitCodes.BadInput;
            }
            if (parse.GetValue(cacheDir) is not null && parse.GetValue(noCache))
            {
                context.Error.WriteLine("alvh: bad input: --cache and --no-cache exclude each other");
                return ExitCodes.BadInput;
            }
            if (parse.GetValue(outDir) is { } outText && RunOptions.NotAFolder(Path.Combine(context.CurrentDirectory, outText)) is { } notAFolder)
            {
                context.Error.WriteLine($"alvh: bad input: {notAFolder}");
                return ExitCodes.BadInput;
            }
            int? inspected = parse.GetValue(inspect);
            if (inspected is { } n && (n < 0 || n >= count || parse.GetValue(outDir) is null))
            {
                context.Error.WriteLine($"alvh: bad input: --inspect {n}: needs --out and a path number from 0 to {count - 1} (the first column of paths.csv)");
                return ExitCodes.BadInput;
            }
            double[] levels;
            try
            {
                levels = parse.GetValue(thresholds)!.Split(',').Select(s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
            }
            catch (FormatException)
            {
                levels = [double.NaN];
            }
            if (levels.Any(l => !(l > 0 && l < 1)))
            {
                context.Error.WriteLine("alvh: bad input: --drawdowns expects fractions between 0 and 1 (exclusive), such as 0.2,0.3,0.4");
                return ExitCodes.BadInput;
            }
            // A threshold given twice (a typo for another, most likely) printed its line and its column twice.
            if (levels.GroupBy(l => l).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"alvh: bad input: --drawdowns lists {twice.Key:R} {twice.Count()} times; give each threshold once"));
                return ExitCodes.BadInput;
            }
            // The simulated markets price the S&P 500 and SPY only: say so before any path runs.
            if (strategy.Drip?.Holdings().FirstOrDefault(h => h.Symbol is not ("SPY" or "SPX")) is { Key: { } key } other)
            {
                context.Error.WriteLine($"alvh: bad input: montecarlo simulates the S&P 500 and SPY only; {key} {other.Symbol} has no prices on a simulated path");
                return ExitCodes.BadInput;
            }
            // The baseline is the DRIP preset, named drip: a strategy file of that name (alvh init --preset drip writes one)
            // would share its JSON key, columns and tables with the baseline (its own summary was lost behind the
            // baseline's), so it runs under another name, said on standard error.
            if (!ReferenceEquals(strategy, Presets.Drip) && (strategy.Name == Presets.Drip.Name || strategy.Name == Alvh.Study.StudyEngine.SameVolatility))
            {
                string renamed = strategy.Name + " (strategy)";
                context.Error.WriteLine($"alvh: note: the strategy is named {strategy.Name}, as a baseline the Monte Carlo runs beside it: it is reported as {renamed}");
                strategy = strategy with { Name = renamed };
            }
            if (!DateOnly.TryParseExact(parse.GetValue(poolFrom)!, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
            {
                context.Error.WriteLine($"alvh: bad input: --pool-from {parse.GetValue(poolFrom)}: a date YYYY-MM-DD");
                return ExitCodes.BadInput;
            }
            var history = new RunOptions().Load(parse.GetValue(data), context);
            var market = MarketContext.Build(history);
            var lastClose = ScenarioAnchor.From(market);
            var anchor = startAt is { } v0 ? lastClose with { Vix = v0 } : lastClose;
            var days = ScenarioCalendar.Days(anchor.LastHistoricalDay, horizon);
            Func<ulong, ScenarioPath> generate;
            SvjParameters? fit = null;
            SvjCalibration? calibration = null;
            double calibrationSeconds = 0;
            CalibrationCacheUse? cacheUse = null;
            BlockBootstrap? bootstrap = null;
            FirstBlock? firstBlock = null;
            // A generator needs a history to draw from or to fit: at least a year of days (two days used to pass).
            var historical = HistoricalDays.From(history, from);
            int available = historical.Count;
            if (available < 252)
            {
                context.Error.WriteLine($"alvh: bad input: --pool-from {from:yyyy-MM-dd} leaves {available} historical days; the generators need at least 252 (a year)");
                return ExitCodes.BadInput;
            }
            if (block is { } bd && !(bd >= 1 && bd <= available))
            {
                // A block longer than the pool would only go round it again.
                context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"alvh: bad input: --block-days {bd}: a mean block of 1 to {available} trading days (the pool's length from {historical.Dates[0]:yyyy-MM-dd})"));
                return ExitCodes.BadInput;
            }
            if (kind == "svj")
            {
                // Matched to history's windows as long as a path: a one-factor model cannot match every horizon at once.
                int windowDays = Math.Max(42, days.Length - 1);
                string? cacheFolder = parse.GetValue(noCache) ? null
                    : (parse.GetValue(cacheDir) ?? SvjCalibrationCache.DefaultFolder(context.Environment)) is { } chosenCache ? Path.GetFullPath(chosenCache, context.CurrentDirectory)
                    : null;
                var cache = cacheFolder is null ? null : new SvjCalibrationCache(cacheFolder, context.Time);
                string? calibrationKey = cache is null ? null : SvjCalibration.Key(history, from, windowDays);
                string? problem = null;
                if (cache?.Read(calibrationKey!, out problem) is { } cached)
                {
                    calibration = cached.Calibration;
                    calibrationSeconds = cached.Seconds;
                    cacheUse = new CalibrationCacheUse("read", cache.Folder, cached.File);
                }
                else
                {
                    if (problem is not null) context.Error.WriteLine($"alvh: warning: the cached SVJ calibration is not used ({problem}); calibrating again");
                    var calibrating = Stopwatch.StartNew();
                    calibration = SvjModel.Calibrate(history, from, windowDays, parse.GetValue(threads));
                    calibrationSeconds = calibrating.Elapsed.TotalSeconds;
                    if (cache is not null)
                    {
                        try
                        {
                            cacheUse = new CalibrationCacheUse("written", cache.Folder, cache.Write(calibrationKey!, calibration, calibrationSeconds));
                        }
                        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                        {
                            // The run needs no cache: a folder it cannot write costs the next run the calibration, not this one its result.
                            context.Error.WriteLine($"alvh: warning: the SVJ calibration was not cached in {cache.Folder} ({e.Message})");
                            cacheUse = new CalibrationCacheUse("not-written", cache.Folder, cache.PathFor(calibrationKey!));
                        }
                    }
                    else
                    {
                        cacheUse = new CalibrationCacheUse(parse.GetValue(noCache) ? "no-cache" : "no-folder", null, null);
                    }
                }
                if (cache is not null && cacheUse!.Status is "read" or "written")
                {
                    // The folder would grow with every build and data set: other builds' calibrations and the least recently
                    // used go (SvjCalibrationCache.Prune). A run never fails for it: what could not be removed is a warning.
                    var pruning = cache.Prune(calibrationKey!);
                    cacheUse = cacheUse with { Pruned = pruning.Removed.Count };
                    if (pruning.Problems.Count > 0)
                    {
                        string more = pruning.Problems.Count > 1 ? $" and {pruning.Problems.Count - 1} more" : "";
                        context.Error.WriteLine($"alvh: warning: the SVJ calibration cache was not pruned fully ({pruning.Problems[0]}{more})");
                    }
                }
                fit = calibration.Parameters;
                var model = new SvjModel(fit, anchor);
                if (startAt is { } low && low < model.MinimumVix)
                {
                    context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"alvh: bad input: --start-vix {low}: the fitted SVJ's 30-day index cannot go below {model.MinimumVix:0.00} (its value at zero variance)"));
                    return ExitCodes.BadInput;
                }
                generate = s => model.Generate(days, s);
            }
            else
            {
                var drawn = new BlockBootstrap(historical, anchor)
                {
                    FirstBlockDays = startAt is { } v ? historical.NearestVix(v, FirstBlockCount(historical)) : null,
                    MeanBlockDays = block ?? BlockBootstrap.AutomaticBlockDays(historical),
                };
                firstBlock = drawn.FirstBlockDays is { } chosen ? FirstBlock.Of(historical, chosen, startAt!.Value) : null;
                generate = s => drawn.Generate(days, s);
                bootstrap = drawn;
            }
            var clock = Stopwatch.StartNew();
            // Progress on standard error at most once a second (none for a run under a second), with the rate since
            // the last line and the time left at it.
            bool showProgress = !parse.GetValue(quiet);
            var progressLock = new Lock();
            double shownAt = 0;
            int shownDone = 0;
            void PathsDone(int done)
            {
                if (!showProgress || done == count) return;
                lock (progressLock)
                {
                    double now = clock.Elapsed.TotalSeconds;
                    if (now - shownAt < 1 || done <= shownDone) return;
                    double rate = (done - shownDone) / (now - shownAt);
                    (shownAt, shownDone) = (now, done);
                    context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"montecarlo: {done}/{count} paths ({rate:#,0.#} paths/s, about {Math.Ceiling((count - done) / rate):0} s left)"));
                }
            }
            var (main, baseline, sameVolatility, sameVolatilityWeight, sameVolatilityMatched, markets) = MonteCarlo.Run(generate, anchor, strategy, Presets.Drip, count, parse.GetValue(seed), parse.GetValue(threads), pathsDone: PathsDone);

            // Path n again, built as the run built it: its market and both strategies' backtest files. Its outcomes must
            // be those of paths.csv's row n (the same seed gives the same path and the same trades).
            void Inspect(string folder, int n)
            {
                var dir = Path.Combine(folder, $"path-{n}");
                Directory.CreateDirectory(dir);
                var (path, pathMarket) = MonteCarlo.PathMarket(generate, anchor, parse.GetValue(seed), n);
                AtomicWriter.Write(Path.Combine(dir, "market.csv"), w => MarketCsv(w, path, bootstrap?.Pool));
                // Fixed folder names: a strategy file's name may be anything, "drip" or "../x" included.
                var results = new Dictionary<string, Alvh.Engine.BacktestResult>();
                foreach (var (s, outcomes, folderName) in new[] { (strategy, main, "strategy"), (Presets.Drip, baseline, "baseline") })
                {
                    var result = results[folderName] = pathMarket.Run(s);
                    if (MonteCarlo.Outcome(result, s) != outcomes[n]) throw new InvalidOperationException($"path {n} replayed to a different outcome for {s.Name}");
                    var sub = Path.Combine(dir, folderName);
                    Directory.CreateDirectory(sub);
                    var series = pathMarket.SeriesFor(result.Dates());
                    var metrics = series.Metrics(result.EquityCurve());
                    BacktestFiles.Write(sub, result);
                    AtomicWriter.WriteText(Path.Combine(sub, "summary.json"), SummaryJson.Write(s.Name, result, metrics));
                    Alvh.Reports.BacktestReport.Write(sub, s.Name, result, metrics, Alvh.Reports.ReportSeries.From(series));
                }
                // The same-volatility DRIP of the path, a day a row: its equity and the DRIP's weight (the rest in T-bills).
                var (curve, curveDates, weight, matched) = MonteCarlo.SameVolatilityCurve(pathMarket, results["strategy"], results["baseline"]);
                if (MonteCarlo.SameVolatility(pathMarket, results["strategy"], results["baseline"], Presets.Drip).Outcome != sameVolatility[n])
                {
                    throw new InvalidOperationException($"path {n} replayed to a different same-volatility DRIP");
                }
                AtomicWriter.Write(Path.Combine(dir, "same-vol.csv"), w =>
                {
                    w.WriteLine("date,equity,dripWeight,matched");
                    for (int k = 0; k < curve.Length; k++)
                    {
                        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{curveDates[k]:yyyy-MM-dd},{curve[k]:R},{weight:R},{(matched ? "true" : "false")}"));
                    }
                });
            }
            double seconds = clock.Elapsed.TotalSeconds;
            // After the clock: the history's windows are not the paths' time.
            var marketCheck = MarketCheck.Of(historical, markets, days.Length - 1);
            // Each summary once, for the JSON and the tables alike.
            OutcomeSummary Summary(PathOutcome[] o) => new(
                Distribution.Of(o.Select(x => x.Cagr)),
                Distribution.Of(o.Select(x => x.MaxDrawdown)),
                Distribution.Of(o.Select(x => x.TerminalWealth)),
                [.. levels.Select(l => new DrawdownRisk(-l, MonteCarlo.DrawdownWorseThan(o, l)))]);
            var (mainSummary, baselineSummary) = (Summary(main), Summary(baseline));
            var paired = ReferenceEquals(strategy, Presets.Drip) ? null : PairedOutcomes.Of(main, baseline);
            var fair = ReferenceEquals(strategy, Presets.Drip) ? null : SameVolatilitySummary.Of(main, sameVolatility, sameVolatilityWeight, sameVolatilityMatched);
            int worstMain = Worst(main), worstBase = Worst(baseline);
            // A condor's wings are index points: as the index grows on a path, they narrow as a share of it (the sleeve
            // then sells more contracts for the same risk budget, each a narrower bet). The paths' median growth says how much.
            var wings = strategy.Condor is { } condorSleeve ? CondorWings.Of(condorSleeve.Rules, anchor.Spx, Distribution.Of(markets.Select(m => m.SpxDrift)).P50, horizon) : null;
            var doc = new
            {
                strategy = strategy.Name,
                baseline = Presets.Drip.Name,
                generator = kind,
                paths = count,
                years = horizon,
                seed = parse.GetValue(seed),
                start = days[0],
                anchor,
                svjFit = fit,
                svjCalibration = calibration,
                svjOvernightShare = fit is null ? (double?)null : SvjModel.OvernightShare,
                startVix = startAt,
                lastCloseVix = lastClose.Vix,
                bootstrap = bootstrap is not null ? new
                {
                    poolFrom = from,
                    poolFirstDay = bootstrap.Pool.Dates[0],
                    poolDays = bootstrap.Pool.Count,
                    meanBlockDays = bootstrap.MeanBlockDays,
                    meanBlockRule = block is null ? "politis-white" : "block-days",
                    vixReversionPerDay = bootstrap.VixReversion,
                    firstBlock,
                } : null,
                results = new Dictionary<string, OutcomeSummary> { [strategy.Name] = mainSummary, [Presets.Drip.Name] = baselineSummary },
                paired,
                sameVolatility = fair,
                marketCheck,
                condorWings = wings,
                deepestDrawdown = new
                {
                    strategyPath = worstMain,
                    strategyMaxDrawdown = main[worstMain].MaxDrawdown,
                    baselinePath = worstBase,
                    baselineMaxDrawdown = baseline[worstBase].MaxDrawdown,
                },
            };
            // montecarlo.json holds what the inputs and seed decide, so that it is byte-identical run after run; what this
            // run's clock and the calibration cache's state decide (seconds, pathsPerSecond, svjCalibrationCache) is
            // added to the --json output only, and printed on the console.
            var jsonOptions = JsonOut.ReportOptions(camelCase: true);
            var node = JsonSerializer.SerializeToNode(doc, jsonOptions)!.AsObject();
            string fileText = node.ToJsonString(jsonOptions);
            node["svjCalibrationCache"] = JsonSerializer.SerializeToNode(cacheUse, jsonOptions);
            node["seconds"] = seconds;
            node["pathsPerSecond"] = count / seconds;
            string text = node.ToJsonString(jsonOptions);
            if (parse.GetValue(outDir) is { } folder)
            {
                folder = Path.GetFullPath(Path.Combine(context.CurrentDirectory, folder));
                using (var staged = StagedFolder.Begin(folder))
                {
                    AtomicWriter.WriteText(Path.Combine(staged.Path, "montecarlo.json"), fileText + "\n");
                    AtomicWriter.Write(Path.Combine(staged.Path, "paths.csv"), w => PathsCsv(w, strategy.Name, main, ReferenceEquals(strategy, Presets.Drip) ? null : baseline, sameVolatility, sameVolatilityWeight, sameVolatilityMatched, markets, parse.GetValue(seed)));
                    // The tear sheet of the run: the distributions as charts and tables, beside the files that hold every figure.
                    var generatorLine = bootstrap is not null
                        ? string.Create(CultureInfo.InvariantCulture, $"stationary block bootstrap of {bootstrap.Pool.Count:#,0} historical days from {bootstrap.Pool.Dates[0]:yyyy-MM-dd}, mean block {bootstrap.MeanBlockDays:0.#} days")
                        : string.Create(CultureInfo.InvariantCulture, $"stochastic volatility with jumps, fitted on history from {historical.Dates[0]:yyyy-MM-dd} (parameters and calibration in montecarlo.json)");
                    var notes = new List<string> { $"Market check: {MarketCheckVerdict(marketCheck, horizon)} (montecarlo.json, marketCheck)." };
                    if (fair is not null) notes.Add(SameVolatilityLine(fair, strategy.Name, count));
                    notes.Add(DeepestLine(strategy, main, baseline, worstMain, worstBase));
                    if (wings is not null) notes.Add(WingsLine(wings));
                    notes.Add(IntervalsLine);
                    notes.Add(SamplingErrorLine);
                    bool isDrip = ReferenceEquals(strategy, Presets.Drip);
                    Alvh.Reports.MonteCarloReport.Write(staged.Path, new Alvh.Reports.MonteCarloReportInput(
                        string.Create(CultureInfo.InvariantCulture, $"{strategy.Name} on {count} {kind} paths of {horizon:0.##} years"),
                        [string.Create(CultureInfo.InvariantCulture, $"From {days[0]:yyyy-MM-dd} (S&P 500 {anchor.Spx:0.00}, VIX {anchor.Vix:0.00}), seed {parse.GetValue(seed)}; {generatorLine}."),
                            // A stress start said so on the console only: the page read the stress VIX as the last close's (review).
                            .. startAt is { } stressed
                                ? [string.Create(CultureInfo.InvariantCulture, $"Stress start: VIX {stressed:0.00} instead of the last close's {lastClose.Vix:0.00}; the paths' first weeks differ from history by design.")]
                                : Array.Empty<string>()],
                        new(strategy.Name, main),
                        isDrip ? null : new(Presets.Drip.Name, baseline),
                        isDrip ? null : new(Alvh.Study.StudyEngine.SameVolatility, sameVolatility),
                        levels,
                        notes));
                    if (inspected is { } shown) Inspect(staged.Path, shown);
                    var inspectedFiles = inspected is { } kept
                        ? Directory.EnumerateFiles(Path.Combine(staged.Path, $"path-{kept}"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(staged.Path, f)).ToHashSet(StringComparer.Ordinal)
                        : null;
                    staged.Commit();
                    // The inspected path's folder holds this run's files only: an earlier run's that this one did not
                    // write again (a condor's chart after a DRIP run) would describe another strategy.
                    if (inspectedFiles is not null)
                    {
                        foreach (var file in Directory.EnumerateFiles(Path.Combine(folder, $"path-{inspected}"), "*", SearchOption.AllDirectories).ToList())
                        {
                            if (!inspectedFiles.Contains(Path.GetRelativePath(folder, file))) File.Delete(file);
                        }
                    }
                }
                // Path folders of an earlier run describe its paths, not these: they go (only those this command writes,
                // path-N with a market.csv).
                foreach (var old in Directory.EnumerateDirectories(folder, "path-*"))
                {
                    string leaf = Path.GetFileName(old);
                    if (leaf == $"path-{inspected}" || !System.Text.RegularExpressions.Regex.IsMatch(leaf, @"^path-[0-9]+$") || !File.Exists(Path.Combine(old, "market.csv"))) continue;
                    Directory.Delete(old, recursive: true);
                }
                if (!parse.GetValue(json))
                {
                    context.Output.WriteLine($"wrote {Path.Combine(folder, "montecarlo.json")}, {Path.Combine(folder, "paths.csv")} and {Path.Combine(folder, Alvh.Reports.MonteCarloReport.FileName)}");
                    if (inspected is { } shown) context.Output.WriteLine($"wrote path {shown}'s market and both backtests (strategy/, baseline/) into {Path.Combine(folder, $"path-{shown}")}");
                }
            }
            if (parse.GetValue(json))
            {
                context.Output.WriteLine(text);
                return ExitCodes.Ok;
            }
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} {kind} paths of {horizon} years from {days[0]:yyyy-MM-dd} (SPX {anchor.Spx:0.00}, VIX {anchor.Vix:0.00}), seed {parse.GetValue(seed)}: {seconds:0.0} s, {count / seconds:0.00} paths/s"));
            if (fit is not null)
            {
                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"SVJ fit ({historical.Dates[0]:yyyy-MM-dd} on): drift {fit.Drift * 252:P2}/y, kappa {fit.Kappa:0.00}/y, long-run vol {Math.Sqrt(fit.Theta):P1}, xi {fit.Xi:0.00}, rho {fit.Rho:0.00}, jumps {fit.JumpsPerYear:0.00}/y of {fit.JumpMean:P2} +- {fit.JumpStd:P2}, variance jump {fit.VarianceJump:0.000}, premium (VIX^2 / expected variance) {fit.VarianceRiskPremium:0.00}; {SvjModel.OvernightShare:P0} of a day's diffusion and any jump overnight, in the open"));
                var c = calibration!;
                static string F(SvjFeatures f) => string.Create(CultureInfo.InvariantCulture,
                    $"VIX half-life {f.VixHalfLifeDays:0.0} days, return-VIX correlation {f.ReturnVixCorrelation:0.00}, VIX 95th percentile {f.VixP95:0.00}, mean VIX {f.MeanVix:0.00}, VIX premium {f.VixPremium:0.00}");
                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  by moments, then kappa, xi, rho, theta and the premium by simulated moments ({c.Evaluations} candidates in {c.Runs} simplex runs on {c.Paths} paths, {calibrationSeconds:0.0} s{(cacheUse!.Read ? " when it was made" : "")}) to the medians of history's {c.Windows} windows of {c.WindowDays} days: {F(c.Targets)}; on the calibration's paths {F(c.Achieved)} (distance {c.Distance:0.000} in the windows' spreads; the variance jump rescaled)"));
                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  the moments alone (kappa {c.Moments.Kappa:0.00}, xi {c.Moments.Xi:0.00}, rho {c.Moments.Rho:0.00}, theta {c.Moments.Theta:0.0000}, premium {c.Moments.VarianceRiskPremium:0.00}) gave {F(c.AtMoments)} (distance {c.DistanceAtMoments:0.00})"));
                context.Output.WriteLine(cacheUse!.Status switch
                {
                    "read" => $"  calibration read from the cache, made before by this build on the same history, pool start and path length ({cacheUse.File}); --no-cache makes it again",
                    "written" => $"  calibration saved in the cache ({cacheUse.File}): the next run on the same history, pool start and path length reads it",
                    "not-written" => "  calibration not cached (see the warning)",
                    "no-cache" => "  calibration made again (--no-cache)",
                    _ => $"  calibration not cached: no cache folder (set {SvjCalibrationCache.EnvironmentVariable}, XDG_CACHE_HOME or HOME, or give --cache)",
                });
                if (c.ParametersAtBounds is { Count: > 0 } atBounds)
                {
                    context.Output.WriteLine($"  note: {string.Join(", ", atBounds)} at the search's bound (kappa <= {SvjModel.MaxKappa}, xi <= {SvjModel.MaxXi}, |rho| <= {SvjModel.MaxAbsRho.ToString(CultureInfo.InvariantCulture)}, theta {SvjModel.MinTheta.ToString(CultureInfo.InvariantCulture)} to {SvjModel.MaxTheta}, premium {SvjModel.MinPremium.ToString(CultureInfo.InvariantCulture)} to {SvjModel.MaxPremium}): history's windows ask for more there than the model reaches; the fit is the nearest the bound allows");
                }
                if (!c.Matched) context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  warning: the calibration did not reach its targets (distance {c.Distance:0.00} of at most {SvjModel.CalibrationMatched}): the paths differ from history on these features; see the market check below"));
            }
            else
            {
                string rule = block is null ? "Politis and White's rule for the squared S&P 500 returns" : "--block-days";
                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stationary block bootstrap: {bootstrap!.Pool.Count} historical days from {bootstrap.Pool.Dates[0]:yyyy-MM-dd}, mean block {bootstrap.MeanBlockDays:0.#} days ({rule}), VIX pulled {bootstrap.VixReversion * 100:0.##}%/day to the drawn day's level"));
            }
            if (startAt is { } started)
            {
                string start = string.Create(CultureInfo.InvariantCulture, $"stress start: VIX {started:0.00} instead of the last close's {lastClose.Vix:0.00}");
                if (firstBlock is null)
                {
                    context.Output.WriteLine(start + "; the SVJ starts at the variance that gives it");
                }
                else
                {
                    context.Output.WriteLine(start + string.Create(CultureInfo.InvariantCulture,
                        $"; each path's first day is drawn among the {firstBlock.Days} historical days whose previous VIX close was nearest (VIX {firstBlock.PreviousVixFrom:0.00} to {firstBlock.PreviousVixTo:0.00}, median {firstBlock.PreviousVixMedian:0.00}; {firstBlock.Episodes})"));
                    if (!firstBlock.Matched) context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  history has too few days that began near VIX {started:0.00}: the paths start there, but their first days move as days that began at VIX {firstBlock.PreviousVixMedian:0.00} (median) did"));
                    context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  the first block runs on from the drawn day ({bootstrap!.MeanBlockDays:0.#} days on average) and later blocks start on any day, so the stress lasts about that long; the path's VIX is pulled {bootstrap.VixReversion * 100:0.##}%/day to the drawn days' level"));
                }
            }
            if (anchor.TermStructure is { } ts)
            {
                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"missing VIX9D/VIX3M/VIX6M pillars on a path: the history's term-structure fit (long-run {ts.LongRunMultiple:0.###} x trailing mean VIX, kappa {ts.Kappa:0.###}/y, {ts.Days} days), not refitted per path"));
            }
            static string Ratio(double v) => double.IsNaN(v) ? "n/a" : v.ToString("0.00", CultureInfo.InvariantCulture);
            WriteMarketCheck(context, marketCheck, horizon, startAt is not null, bootstrap?.MeanBlockDays, fit?.Kappa);
            // The DRIP preset is the baseline itself: its table once (twice, under the same name, it read as two runs).
            var tables = ReferenceEquals(strategy, Presets.Drip) ? new[] { (strategy.Name, mainSummary) } : new[] { (strategy.Name, mainSummary), (Presets.Drip.Name, baselineSummary) };
            foreach (var (name, summary) in tables)
            {
                var table = DistributionTable(Markup.Escape(name));
                DistributionRow(table, "CAGR", summary.Cagr, Pct);
                DistributionRow(table, "max drawdown", summary.MaxDrawdown, Pct);
                DistributionRow(table, "terminal wealth (x)", summary.TerminalWealth, Ratio);
                context.Console.Write(table);
                foreach (var (worseThan, p) in summary.DrawdownProbabilities)
                {
                    // The threshold as given (P0 rounded 0.125 to "-12 %" and 0.333 to "-33 %", which a path at -33.27% is
                    // worse than but was not counted for): up to three decimals of a percent, "-20 %" as before.
                    string threshold = ThresholdText(worseThan);
                    context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  P(max drawdown worse than {threshold}) = {p.Estimate:P1} (95% Wilson {p.Lower:P1} to {p.Upper:P1})"));
                }
            }
            if (paired is not null)
            {
                // Both ran on the same paths: the differences path by path are the hedge's effect without the paths' spread.
                WritePaired(context, paired, strategy.Name, Presets.Drip.Name, $"{strategy.Name} against {Presets.Drip.Name} on the same paths");
            }
            if (fair is not null)
            {
                // Against the DRIP holding only as much stock as gives the strategy's volatility: what the hedge adds beyond holding cash.
                string name = Alvh.Study.StudyEngine.SameVolatility;
                WritePaired(context, fair.Paired, strategy.Name, name, $"{strategy.Name} against {name}, the drip de-levered to its volatility on each path");
                context.Output.WriteLine("  " + SameVolatilityLine(fair, strategy.Name, count));
            }
            context.Output.WriteLine("  " + DeepestLine(strategy, main, baseline, worstMain, worstBase) + "; see a path's market and trades with --inspect N --out DIR");
            if (wings is not null) context.Output.WriteLine("  " + WingsLine(wings));
            context.Output.WriteLine("  " + IntervalsLine);
            context.Output.WriteLine("  " + SamplingErrorLine);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// A drawdown threshold as given, in percent: up to three decimals ("-20 %", "-12.5 %", "-33.333 %"), three significant
    /// digits when three decimals would read 0 (1e-300 read "-0 %").
    /// </summary>
    internal static string ThresholdText(double fraction)
    {
        double percent = fraction * 100;
        string text = percent.ToString("0.###", CultureInfo.InvariantCulture);
        return (text is "0" or "-0" ? percent.ToString("G3", CultureInfo.InvariantCulture) : text) + " %";
    }

    /// <summary>How the intervals are made (console and montecarlo.html).</summary>
    private const string IntervalsLine = "95% CI of the median: distribution-free, from the order statistics, covering at least 95% (exact coverage in --json; Conover 1999, 3.2); of the mean: Student's t.";

    /// <summary>What the intervals measure (console and montecarlo.html).</summary>
    private const string SamplingErrorLine = "Both measure the sampling error of these paths under this generator, not the error of the generator itself.";

    /// <summary>The same-volatility DRIP's weight over the paths (console and montecarlo.html).</summary>
    private static string SameVolatilityLine(SameVolatilitySummary fair, string strategy, int count)
    {
        var w = fair.Weight;
        string unsolved = fair.UnmatchedPaths == 0 ? "" : $"; on {fair.UnmatchedPaths} of the {count} paths {strategy} was more volatile than {Presets.Drip.Name}, which stands in unlevered there";
        return $"{Alvh.Study.StudyEngine.SameVolatility}: drip's weight {Pct(w.P50)} (median; 5-95% {Pct(w.P5)} to {Pct(w.P95)}), the rest in the path's T-bills, rebalanced daily{unsolved}";
    }

    /// <summary>The paths with the deepest drawdowns (console and montecarlo.html).</summary>
    private static string DeepestLine(StrategyDefinition strategy, PathOutcome[] main, PathOutcome[] baseline, int worstMain, int worstBase)
    {
        string baseWorst = ReferenceEquals(strategy, Presets.Drip) ? "" : $", {Presets.Drip.Name} {Pct(baseline[worstBase].MaxDrawdown)} on path {worstBase}";
        return $"deepest drawdown: {strategy.Name} {Pct(main[worstMain].MaxDrawdown)} on path {worstMain}{baseWorst}";
    }

    /// <summary>The condor's wings against the index's growth (console and montecarlo.html).</summary>
    private static string WingsLine(CondorWings wings) => string.Create(CultureInfo.InvariantCulture,
        $"the condor's wings are index points (put {wings.PutPoints:0.##}, call {wings.CallPoints:0.##}): {Pct(wings.StartShare)} of the S&P 500 at the start ({wings.StartSpx:#,0}), about {Pct(wings.MedianEndShare)} at the paths' median end ({wings.MedianEndSpx:#,0}); as the index grows the sleeve sells more, narrower condors for the same risk budget");

    /// <summary>The market check's verdict (console, under its table, and montecarlo.html).</summary>
    private static string MarketCheckVerdict(MarketCheck check, double years)
    {
        string span = string.Create(CultureInfo.InvariantCulture, $"{years:0.##}-year");
        string against = check.Reference == "windows" ? $"history's {span} windows" : "history";
        var labels = CheckedStatistics.ToDictionary(x => x.Key, x => x.Label);
        return !check.Judged ? $"too few paths to judge the generator against {against} (fewer than {MarketCheck.MinimumPaths})"
            : check.DiffersFromHistory.Count == 0 ? $"the paths are in line with {against} on every statistic"
            : $"the paths differ from {against} on: {string.Join("; ", check.DiffersFromHistory.Select(k => labels[k]))}";
    }

    /// <summary>
    /// How the SVJ calibration used its cache (JSON <c>svjCalibrationCache</c>): <see cref="Status"/> is <c>read</c>,
    /// <c>written</c>, <c>not-written</c> (the folder could not be written), <c>no-cache</c> (--no-cache) or
    /// <c>no-folder</c> (no cache folder given or set); the folder and file are null for the last two. <see cref="Pruned"/>
    /// counts the files the cache's pruning removed after a read or a write (<see cref="SvjCalibrationCache.Prune"/>).
    /// </summary>
    private sealed record CalibrationCacheUse(string Status, string? Folder, string? File, int Pruned = 0)
    {
        /// <summary>Read from the cache.</summary>
        public bool Read => Status == "read";

        /// <summary>Written to the cache.</summary>
        public bool Written => Status == "written";
    }

    /// <summary>
    /// The condor's wing widths against the S&amp;P 500 at the paths' start and at their median end (the start grown by the
    /// paths' median log drift over the horizon): JSON <c>condorWings</c>.
    /// </summary>
    private sealed record CondorWings(double PutPoints, double CallPoints, double StartSpx, double MedianEndSpx, double StartShare, double MedianEndShare)
    {
        public static CondorWings Of(Alvh.Sleeves.CondorParameters rules, double startSpx, double medianDrift, double years)
        {
            double end = startSpx * Math.Exp(medianDrift * years);
            double wing = Math.Max(rules.PutWing, rules.CallWing);
            return new CondorWings(rules.PutWing, rules.CallWing, startSpx, end, wing / startSpx, wing / end);
        }
    }

    /// <summary>One strategy's outcome distributions over the paths (JSON fields cagr, maxDrawdown, terminalWealth, drawdownProbabilities).</summary>
    private sealed record OutcomeSummary(Distribution Cagr, Distribution MaxDrawdown, Distribution TerminalWealth, IReadOnlyList<DrawdownRisk> DrawdownProbabilities);

    /// <summary>P(max drawdown worse than <paramref name="WorseThan"/>), a negative fraction.</summary>
    private sealed record DrawdownRisk(double WorseThan, Proportion Probability);

    /// <summary>
    /// One row per path: its index, the seed its generator drew from, each strategy's CAGR, maximum drawdown and terminal
    /// wealth, the same-volatility DRIP's weight, whether it reached the strategy's volatility, and its outcomes, and its market's statistics
    /// (<c>market.</c> columns, as in JSON <c>marketCheck</c>); round-trip numbers. <paramref name="baseline"/> is null when
    /// the strategy is the DRIP preset, the baseline itself: its columns once (twice they were two columns of one name).
    /// </summary>
    private static void PathsCsv(TextWriter w, string strategy, PathOutcome[] main, PathOutcome[]? baseline, PathOutcome[] sameVolatility, double[] weights, bool[] matched, MarketStatistics[] markets, int seed)
    {
        string drip = Presets.Drip.Name, fair = Alvh.Study.StudyEngine.SameVolatility;
        string marketColumns = string.Concat(MarketCheck.Statistics.Select(x => $",market.{x.Key}"));
        // A strategy's name is the user's: quoted (RFC 4180) where it holds a comma, a quote or a line break.
        static string Q(string field) => field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
        string baselineColumns = baseline is null ? "" : $"{drip}.cagr,{drip}.maxDrawdown,{drip}.terminalWealth,";
        w.WriteLine($"path,seed,{Q(strategy + ".cagr")},{Q(strategy + ".maxDrawdown")},{Q(strategy + ".terminalWealth")},{baselineColumns}"
            + $"{fair}.weight,{fair}.matched,{fair}.cagr,{fair}.maxDrawdown,{fair}.terminalWealth{marketColumns}");
        static string N(double v) => double.IsNaN(v) ? "" : v.ToString("R", CultureInfo.InvariantCulture);
        for (int p = 0; p < main.Length; p++)
        {
            var (s, f) = (main[p], sameVolatility[p]);
            string market = string.Concat(MarketCheck.Statistics.Select(x => "," + N(x.Value(markets[p]))));
            string outcomes = baseline is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{baseline[p].Cagr:R},{baseline[p].MaxDrawdown:R},{baseline[p].TerminalWealth:R},");
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{p},{Alvh.Research.Seeds.Derive(seed, p)},{s.Cagr:R},{s.MaxDrawdown:R},{s.TerminalWealth:R},{outcomes}{N(weights[p])},{(matched[p] ? "true" : "false")},{N(f.Cagr)},{N(f.MaxDrawdown)},{N(f.TerminalWealth)}{market}"));
        }
    }

    /// <summary>
    /// The strategy against the DRIP de-levered to its volatility on each path (JSON <c>sameVolatility</c>): the DRIP's
    /// weight over the paths, the paths where no weight in [0, 1] reached the strategy's volatility (the nearest end
    /// stood in: all DRIP for a strategy more volatile than it), and the paired comparison over every path.
    /// </summary>
    private sealed record SameVolatilitySummary(Distribution Weight, int UnmatchedPaths, PairedOutcomes Paired)
    {
        public static SameVolatilitySummary Of(PathOutcome[] strategy, PathOutcome[] sameVolatility, double[] weights, bool[] matched) =>
            new(Distribution.Of(weights), matched.Count(m => !m), PairedOutcomes.Of(strategy, sameVolatility));
    }

    /// <summary>A paired comparison's table and its lines (the shares of paths with a shallower drawdown and with more wealth, and the means).</summary>
    private static void WritePaired(CliContext context, PairedOutcomes paired, string strategy, string other, string title)
    {
        static string Ratio(double v) => double.IsNaN(v) ? "n/a" : v.ToString("0.00", CultureInfo.InvariantCulture);
        var table = DistributionTable(Markup.Escape(title));
        DistributionRow(table, $"CAGR - {other}'s (% points)", paired.CagrDifference, Points);
        DistributionRow(table, $"max drawdown - {other}'s (% points, + shallower)", paired.DrawdownDifference, Points);
        DistributionRow(table, $"{other}'s drawdown avoided", paired.DrawdownCut, Pct);
        DistributionRow(table, $"terminal wealth / {other}'s", paired.TerminalWealthRatio, Ratio);
        context.Console.Write(table);
        static string Ties(int n) => n == 0 ? "" : $"; {n} paths equal, counted in neither";
        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  P({strategy}'s max drawdown shallower) = {paired.ShallowerDrawdown.Estimate:P1} (95% Wilson {paired.ShallowerDrawdown.Lower:P1} to {paired.ShallowerDrawdown.Upper:P1}{Ties(paired.EqualDrawdown)})"));
        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  P({strategy} ends richer) = {paired.HigherTerminalWealth.Estimate:P1} (95% Wilson {paired.HigherTerminalWealth.Lower:P1} to {paired.HigherTerminalWealth.Upper:P1}{Ties(paired.EqualTerminalWealth)})"));
        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  on average: 1 - mean max drawdown / {other}'s = {Pct(paired.MeanDrawdownCut)} of {other}'s drawdown avoided; mean terminal wealth / {other}'s = {Ratio(paired.MeanWealthRatio)}"));
    }

    /// <summary>Each statistic of the market check: its key (JSON and paths.csv), its label in the table and how it is written.</summary>
    private static IReadOnlyList<(string Key, string Label, Func<MarketStatistics, double> Value, Func<double, string> Format)> CheckedStatistics { get; } =
        [.. MarketCheck.Statistics.Select(x => (x.Key, Label(x.Key), x.Value, Format(x.Key)))];

    private static string Label(string key) => key switch
    {
        "spxDrift" => "S&P 500 drift (log, a year)",
        "realizedVolatility" => "S&P 500 realised vol (a year)",
        "meanVix" => "mean VIX",
        "vixPremium" => $"VIX - next {MarketStatistics.PremiumDays} days' realised vol",
        "returnVixCorrelation" => "corr(S&P 500 return, VIX change)",
        "crashDaysPerYear" => string.Create(CultureInfo.InvariantCulture, $"days of {MarketStatistics.CrashReturn:P0} or worse a year"),
        "vixP95" => "VIX 95th percentile",
        "vixHalfLifeDays" => "VIX half-life (trading days)",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "a statistic without a label"),
    };

    private static Func<double, string> Format(string key) => key switch
    {
        "spxDrift" or "realizedVolatility" => Pct,
        "vixHalfLifeDays" => v => double.IsNaN(v) ? "n/a" : v.ToString("0.0", CultureInfo.InvariantCulture),
        _ => v => double.IsNaN(v) ? "n/a" : v.ToString("0.00", CultureInfo.InvariantCulture),
    };

    /// <summary>The market check as a table, with the statistics on which the paths differ from history.</summary>
    private static void WriteMarketCheck(CliContext context, MarketCheck check, double years, bool stressStart, double? meanBlockDays, double? svjKappa)
    {
        string span = string.Create(CultureInfo.InvariantCulture, $"{years:0.##}-year");
        bool byWindows = check.Reference == "windows";
        var table = new Table().Title("the simulated markets against history").AddColumn("statistic");
        foreach (var c in new[] { "history", "windows p5", "p50", "p95", "paths p5", "p50", "p95", byWindows ? "paths below windows' p50" : "paths below history" }) table.AddColumn(new TableColumn(c).RightAligned());
        foreach (var (key, label, value, format) in CheckedStatistics)
        {
            var (w, d) = (check.HistoryWindows[key], check.Paths[key]);
            double below = check.PathsBelowReference[key];
            table.AddRow(Markup.Escape(label), format(value(check.History)), format(w.P5), format(w.P50), format(w.P95), format(d.P5), format(d.P50), format(d.P95), double.IsNaN(below) ? "n/a" : Pct(below));
        }
        context.Console.Write(table);
        string windows = check.Windows > 0 ? $"and its {check.Windows} {span} windows, a month apart" : $"shorter than a {span} path: no window of a path's length";
        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  history: {check.HistoryFrom:yyyy-MM-dd} to {check.HistoryTo:yyyy-MM-dd} ({check.HistoryDays:#,0} days), {windows}"));
        context.Output.WriteLine("  " + MarketCheckVerdict(check, years));
        if (check.Judged)
        {
            string reference = byWindows ? "the windows' median" : "the whole history's value (too short for two windows end to end)";
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  (a difference: under {MarketCheck.LowShare:P0} or over {1 - MarketCheck.LowShare:P0} of the paths below {reference}, or it outside the paths' 5-95% range)"));
        }
        if (meanBlockDays is { } block && check.DiffersFromHistory.Contains("vixHalfLifeDays") && check.PathsBelowReference["vixHalfLifeDays"] > 0.5)
        {
            // The bootstrap's VIX fades faster than history's when its blocks cut history's multi-year VIX regimes short.
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  the VIX fades faster on the paths than in history: blocks of {block:0} days on average cut its multi-year regimes short; a longer --block-days keeps them, with fewer distinct stretches of history in each path"));
        }
        // The SVJ has no blocks (the line said "their first block" for it too): its stress fades as its variance reverts.
        if (stressStart && svjKappa is { } kappa)
        {
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  the paths start from a stress VIX, not from history's mix: their first weeks differ from history by design (the variance's distance from its long-run level halves in {Math.Log(2) / kappa * 252:0.#} trading days on average, ln 2 / kappa)"));
        }
        else if (stressStart)
        {
            context.Output.WriteLine("  the paths start from a stress VIX, not from history's mix: their first block differs from history by design");
        }
        context.Output.WriteLine("  Measured alike on history and on each path (its days after the first): a check of the generator, not of the strategy.");
    }

    /// <summary>How many historical days a stress start's first block may start on: 1% of the pool, at least 20.</summary>
    private static int FirstBlockCount(HistoricalDays pool) => Math.Min(pool.Count, Math.Max(20, pool.Count / 100));

    /// <summary>The path with the deepest drawdown (the first of equals).</summary>
    private static int Worst(PathOutcome[] outcomes) => Array.IndexOf(outcomes, outcomes.MinBy(x => x.MaxDrawdown));

    /// <summary>
    /// The days a stress start's first block is drawn from (JSON <c>bootstrap.firstBlock</c>): how many, the range of
    /// their previous VIX closes and its median, whether that median is within 10% of the start, and the months they fall in, runs of months joined
    /// (e.g. <c>2008-10 to 2009-03, 2020-03</c>).
    /// </summary>
    private sealed record FirstBlock(int Days, double PreviousVixFrom, double PreviousVixTo, double PreviousVixMedian, bool Matched, string Episodes)
    {
        public static FirstBlock Of(HistoricalDays pool, int[] days, double start)
        {
            var vix = days.Select(k => Math.Exp(pool.PreviousLogVix[k])).Order().ToArray();
            double from = vix[0], to = vix[^1], median = vix.Length % 2 == 1 ? vix[vix.Length / 2] : (vix[vix.Length / 2 - 1] + vix[vix.Length / 2]) / 2;
            var months = days.Select(k => pool.Dates[k].Year * 12 + pool.Dates[k].Month - 1).Distinct().Order().ToList();
            var runs = new List<string>();
            for (int i = 0; i < months.Count;)
            {
                int j = i;
                while (j + 1 < months.Count && months[j + 1] == months[j] + 1) j++;
                static string M(int m) => $"{m / 12:D4}-{m % 12 + 1:D2}";
                runs.Add(i == j ? M(months[i]) : $"{M(months[i])} to {M(months[j])}");
                i = j + 1;
            }
            string episodes = runs.Count <= 8 ? string.Join(", ", runs) : string.Join(", ", runs.Take(8)) + $" and {runs.Count - 8} more";
            // Matched when the typical drawn day began within 10% of the start (history has few days above VIX 50).
            return new FirstBlock(days.Length, from, to, median, Math.Abs(median / start - 1) <= 0.1, episodes);
        }
    }

    /// <summary>
    /// A path's simulated market, one row a day: the S&amp;P 500's open, high, low and close, VIX open and close, the VIX
    /// term structure and VVIX (empty where the surface model extrapolates), and for a bootstrap path the historical day
    /// each day was drawn from.
    /// </summary>
    private static void MarketCsv(TextWriter w, ScenarioPath path, HistoricalDays? pool)
    {
        w.WriteLine("date,spxOpen,spxHigh,spxLow,spxClose,vixOpen,vixClose,vix9d,vix3m,vix6m,vvix,drawnFrom");
        static string N(double v) => double.IsNaN(v) ? "" : v.ToString("R", CultureInfo.InvariantCulture);
        for (int t = 0; t < path.Days.Length; t++)
        {
            string drawn = pool is not null && path.SourceDays[t] >= 0 ? pool.Dates[path.SourceDays[t]].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{path.Days[t]:yyyy-MM-dd},{N(path.SpxOpen[t])},{N(path.SpxHigh[t])},{N(path.SpxLow[t])},{N(path.SpxClose[t])},{N(path.VixOpen[t])},{N(path.VixClose[t])},{N(path.Vix9d[t])},{N(path.Vix3m[t])},{N(path.Vix6m[t])},{N(path.Vvix[t])},{drawn}"));
        }
    }

    private static string Pct(double v) => double.IsNaN(v) ? "n/a" : (v * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    private static string Points(double v) => double.IsNaN(v) ? "n/a" : (v * 100).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);

    private static Table DistributionTable(string title)
    {
        var table = new Table().Title(title).AddColumn("metric");
        foreach (var c in new[] { "p5", "p25", "p50", "p75", "p95", "mean", "median 95% CI", "mean 95% CI" }) table.AddColumn(new TableColumn(c).RightAligned());
        return table;
    }

    private static void DistributionRow(Table table, string label, Distribution d, Func<double, string> format)
    {
        static string Ci(Interval i, Func<double, string> f) => double.IsNaN(i.Lower) ? "n/a" : $"{f(i.Lower)} to {f(i.Upper)}";
        table.AddRow(label, format(d.P5), format(d.P25), format(d.P50), format(d.P75), format(d.P95), format(d.Mean), Ci(d.MedianCi, format), Ci(d.MeanCi, format));
    }
}
