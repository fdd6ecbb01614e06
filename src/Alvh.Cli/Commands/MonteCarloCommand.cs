using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Alvh.Research.Scenarios;
using Alvh.Runs;
using Alvh.Strategies;

namespace Alvh.Cli.Commands;

/// <summary>
/// <c>alvh montecarlo --preset NAME --paths N --years Y [--generator bootstrap|svj] [--seed S] [--json]</c>: the
/// strategy and the drip baseline on the same simulated futures. In four parts: the options checked into a
/// <see cref="Request"/> (this file), the generator made ready (<c>.Generators.cs</c>), the paths run and summarised
/// (<see cref="Outcomes"/>), then written: the folder of <c>--out</c> and the JSON (<c>.Files.cs</c>) and the console's
/// tables (<c>.Console.cs</c>).
/// </summary>
internal static partial class MonteCarloCommand
{
    /// <summary>The most paths a run takes (<c>--paths</c>).</summary>
    internal const int MaxPaths = 1_000_000;

    public static Command Create(CliContext context)
    {
        var o = new Options();
        var command = new Command("montecarlo", "Run a strategy and the drip baseline on simulated futures (block bootstrap of historical days, or a fitted SV-with-jumps model): distributions of CAGR, max drawdown, terminal wealth; drawdown probabilities with Wilson intervals.")
            { o.Data, o.Json, o.Preset, o.Config, o.Paths, o.Years, o.Generator, o.Seed, o.Threads, o.Thresholds, o.PoolFrom, o.StartVix, o.BlockDays, o.CacheDir, o.NoCache, o.Quiet, o.OutDir, o.Inspect };
        command.SetAction(parse => Execute(context, Check(context, parse, o)));
        return command;
    }

    /// <summary>The command's options.</summary>
    private sealed class Options
    {
        public Option<string?> Data { get; } = CommonOptions.Data();
        public Option<bool> Json { get; } = CommonOptions.Json();
        public Option<string?> Preset { get; } = new("--preset") { Description = "Preset: " + string.Join(", ", Presets.All.Keys) + "." };
        public Option<string?> Config { get; } = new Option<string?>("--config") { Description = "Strategy file (YAML).", HelpName = "FILE" }.NotBlank("a strategy file");
        public Option<int> Paths { get; } = new("--paths") { Description = "Number of simulated paths.", DefaultValueFactory = _ => 100 };
        public Option<double> Years { get; } = new Option<double>("--years") { Description = "Years per path.", DefaultValueFactory = _ => 10 }.Number();
        public Option<string> Generator { get; } = new("--generator") { Description = "bootstrap (stationary block bootstrap of historical days) or svj (stochastic volatility with jumps, fitted on history by moments, then by simulated moments to its VIX half-life, return-VIX correlation, VIX 95th percentile, mean VIX and VIX premium).", DefaultValueFactory = _ => "bootstrap" };
        public Option<int> Seed { get; } = new("--seed") { Description = "Seed; path p uses a seed derived from it and p.", DefaultValueFactory = _ => 1 };
        public Option<int> Threads { get; } = new Option<int>("--threads") { Description = "Parallel paths (default: all cores).", DefaultValueFactory = _ => Environment.ProcessorCount }.AtLeast(1);
        public Option<string> Thresholds { get; } = new("--drawdowns") { Description = "Drawdown thresholds, fractions, comma-separated.", DefaultValueFactory = _ => "0.2,0.3,0.4" };
        public Option<string> PoolFrom { get; } = new("--pool-from") { Description = "First historical day the bootstrap and the SVJ fit use (YYYY-MM-DD).", DefaultValueFactory = _ => "1990-01-02" };
        public Option<bool> Quiet { get; } = CommonOptions.Quiet();
        public Option<string?> OutDir { get; } = new("--out") { Description = "Also write montecarlo.html, its tear sheet (with mc-cagr.png, mc-drawdown.png and mc-wealth.png), montecarlo.json (as --json without seconds, pathsPerSecond and svjCalibrationCache, so the file is the same for the same inputs) and paths.csv (each path's seed, the strategy's and the DRIP's outcomes (once for --preset drip), the same-volatility DRIP's weight and outcomes, and the path market's statistics) into this folder.", HelpName = "DIR" };
        public Option<double?> StartVix { get; } = new Option<double?>("--start-vix") { Description = "Start the paths at this VIX instead of the last close's (a stress start): the SVJ starts at the variance that gives it; the bootstrap draws each path's first day among the 1% (at least 20) of historical days whose previous VIX close was nearest it, and its later blocks anywhere: the stress lasts as long as that first block (the mean block on average).", HelpName = "VIX" }.Number();
        public Option<double?> BlockDays { get; } = new Option<double?>("--block-days") { Description = "The bootstrap's mean block, trading days (default: Politis and White's rule on the pool's squared S&P 500 returns, 175 on 1990-2026: blocks long enough to keep volatility regimes together).", HelpName = "DAYS" }.Number();
        public Option<string?> CacheDir { get; } = new("--cache") { Description = "Folder of the SVJ calibrations already made (default: ALVH_CACHE, else XDG_CACHE_HOME/alvh, else ~/.cache/alvh): a calibration on the same history, pool start and path length, by the same build, is read back instead of made again (3-7 s). The folder keeps the 16 most recently used calibrations; another build's go after a day unused; other files are never touched.", HelpName = "DIR" };
        public Option<bool> NoCache { get; } = new("--no-cache") { Description = "Calibrate the SVJ again, reading and writing no cache." };
        public Option<int?> Inspect { get; } = new("--inspect") { Description = "With --out: also write path N (as numbered in paths.csv) into DIR/path-N: its simulated market (market.csv), for both strategies the backtest's daily.csv, trades.csv, ledger.csv, summary.json and report.html, and the same-volatility DRIP's daily equity (same-vol.csv).", HelpName = "N" };
    }

    /// <summary>The options, checked: what a run needs before the data is loaded.</summary>
    /// <param name="Strategy">The strategy (renamed when it bears a baseline's name).</param>
    /// <param name="Kind">bootstrap or svj.</param>
    /// <param name="Count">Paths.</param>
    /// <param name="Horizon">Years per path.</param>
    /// <param name="StartAt">A stress start's VIX, or null for the last close's.</param>
    /// <param name="Block">--block-days, or null for the automatic rule.</param>
    /// <param name="CacheDir">--cache, or null.</param>
    /// <param name="NoCache">--no-cache.</param>
    /// <param name="Out">--out, or null.</param>
    /// <param name="Inspected">--inspect, or null.</param>
    /// <param name="Levels">Drawdown thresholds, positive fractions, each once.</param>
    /// <param name="PoolFrom">First historical day the generators use.</param>
    /// <param name="Seed">Seed.</param>
    /// <param name="Threads">Parallel paths.</param>
    /// <param name="Quiet">No progress lines.</param>
    /// <param name="Json">JSON on standard output instead of tables.</param>
    /// <param name="Data">--data, or null.</param>
    private sealed record Request(
        StrategyDefinition Strategy, string Kind, int Count, double Horizon, double? StartAt, double? Block, string? CacheDir, bool NoCache,
        string? Out, int? Inspected, double[] Levels, DateOnly PoolFrom, int Seed, int Threads, bool Quiet, bool Json, string? Data)
    {
        /// <summary>The strategy is the DRIP preset, the baseline itself.</summary>
        public bool IsDrip => ReferenceEquals(Strategy, Presets.Drip);
    }

    /// <summary>Checks the options in a fixed order; null (the reason on standard error) when one is bad input.</summary>
    private static Request? Check(CliContext context, ParseResult parse, Options o)
    {
        Request? Bad(string message)
        {
            context.Error.WriteLine(message);
            return null;
        }
        var (strategy, error) = StrategySource.Resolve(parse.GetValue(o.Preset), parse.GetValue(o.Config), context);
        if (strategy is null) return Bad(error!);
        var kind = parse.GetValue(o.Generator)!;
        if (kind is not ("bootstrap" or "svj")) return Bad($"alvh: bad input: --generator {kind}: allowed bootstrap, svj");
        int count = parse.GetValue(o.Paths);
        double horizon = parse.GetValue(o.Years);
        // One message each, with the value given: "--paths must be at least 1 and --years between 0.25 and 100" answered
        // --years 0.1 and --paths 0 alike, naming an option that was fine.
        if (count < 1) return Bad($"alvh: bad input: --paths {count}: at least 1");
        if (!(horizon >= 0.25 && horizon <= 100)) return Bad(string.Create(CultureInfo.InvariantCulture, $"alvh: bad input: --years {horizon}: between 0.25 and 100"));
        // The run holds every path's outcomes and market statistics in memory (and writes a row per path): 2,000,000,000
        // paths ended in an internal error (OutOfMemoryException, exit 1) instead of a bad input.
        if (count > MaxPaths)
        {
            return Bad(string.Create(CultureInfo.InvariantCulture, $"alvh: bad input: --paths {count}: at most {MaxPaths:#,0} (at about 100 paths/s a full-system run of that many takes about 3 hours)"));
        }
        double? startAt = parse.GetValue(o.StartVix);
        if (startAt is { } sv && !(sv >= 5 && sv <= 150)) return Bad($"alvh: bad input: --start-vix {sv.ToString(CultureInfo.InvariantCulture)}: a VIX level between 5 and 150");
        double? block = parse.GetValue(o.BlockDays);
        if (block is not null && kind != "bootstrap") return Bad("alvh: bad input: --block-days applies to --generator bootstrap");
        string? cacheDir = parse.GetValue(o.CacheDir);
        bool noCache = parse.GetValue(o.NoCache);
        if ((cacheDir is not null || noCache) && kind != "svj") return Bad("alvh: bad input: --cache and --no-cache apply to --generator svj");
        if (cacheDir is not null && string.IsNullOrWhiteSpace(cacheDir)) return Bad("alvh: bad input: --cache needs a folder");
        if (cacheDir is not null && noCache) return Bad("alvh: bad input: --cache and --no-cache exclude each other");
        string? outDir = parse.GetValue(o.OutDir);
        if (outDir is not null && RunOptions.NotAFolder(outDir, Path.Combine(context.CurrentDirectory, outDir)) is { } notAFolder) return Bad($"alvh: bad input: {notAFolder}");
        int? inspected = parse.GetValue(o.Inspect);
        if (inspected is { } n && (n < 0 || n >= count || outDir is null))
        {
            return Bad($"alvh: bad input: --inspect {n}: needs --out and a path number from 0 to {count - 1} (the first column of paths.csv)");
        }
        // Each item parsed and checked alone, so the refusal names the one that is wrong (it named the option only).
        var items = parse.GetValue(o.Thresholds)!.Split(',');
        var levels = new double[items.Length];
        for (int k = 0; k < items.Length; k++)
        {
            bool number = double.TryParse(items[k], NumberStyles.Float, CultureInfo.InvariantCulture, out levels[k]);
            if (!number || !(levels[k] > 0 && levels[k] < 1))
            {
                return Bad(string.Create(CultureInfo.InvariantCulture,
                    $"alvh: bad input: --drawdowns expects fractions between 0 and 1 (exclusive), such as 0.2,0.3,0.4; got '{items[k]}' (item {k + 1} of {items.Length})"));
            }
        }
        // A threshold given twice (a typo for another, most likely) printed its line and its column twice.
        if (levels.GroupBy(l => l).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            return Bad(string.Create(CultureInfo.InvariantCulture, $"alvh: bad input: --drawdowns lists {twice.Key:R} {twice.Count()} times; give each threshold once"));
        }
        // The simulated markets price the S&P 500 and SPY only: say so before any path runs (in any case, as the DRIP reads them).
        if (strategy.Drip?.Holdings().FirstOrDefault(h => h.Symbol.ToUpperInvariant() is not ("SPY" or "SPX")) is { Key: { } key } other)
        {
            return Bad($"alvh: bad input: montecarlo simulates the S&P 500 and SPY only; {key} {other.Symbol} has no prices on a simulated path");
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
        if (!DateOnly.TryParseExact(parse.GetValue(o.PoolFrom)!, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
        {
            return Bad($"alvh: bad input: --pool-from {parse.GetValue(o.PoolFrom)}: a date YYYY-MM-DD");
        }
        return new Request(strategy, kind, count, horizon, startAt, block, cacheDir, noCache, outDir, inspected, levels, from,
            parse.GetValue(o.Seed), parse.GetValue(o.Threads), parse.GetValue(o.Quiet), parse.GetValue(o.Json), parse.GetValue(o.Data));
    }

    /// <summary>Loads the history, makes the generator ready, runs the paths, then writes the folder, the JSON or the tables.</summary>
    private static int Execute(CliContext context, Request? request)
    {
        if (request is null) return ExitCodes.BadInput;
        // Tried before the data are loaded and the paths run: an --out that cannot be made (/proc/mc, a read-only folder)
        // failed only once every path had run, hours into a large run. The trial's staging folder goes at once (and the
        // folder, when it made it), so a run stopped on the way leaves nothing behind; the files are staged at the end.
        string? folder = request.Out is null ? null : Path.GetFullPath(Path.Combine(context.CurrentDirectory, request.Out));
        if (folder is not null && RunOptions.CannotMake(folder) is { } cannotMake)
        {
            context.Error.WriteLine($"alvh: cannot write --out {request.Out}: {cannotMake}");
            return ExitCodes.Failure;
        }
        var history = new RunOptions().Load(request.Data, context);
        if (Prepare(context, request, history) is not { } generator) return ExitCodes.BadInput;
        var outcomes = Run(context, request, generator);
        var (fileText, text) = Json(request, generator, outcomes);
        if (folder is not null) WriteFolder(context, request, generator, outcomes, folder, fileText);
        if (request.Json)
        {
            context.Output.WriteLine(text);
            return ExitCodes.Ok;
        }
        WriteConsole(context, request, generator, outcomes);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// What the paths gave, each summary made once for the JSON, the page and the tables alike.
    /// </summary>
    /// <param name="Main">The strategy's outcome on each path.</param>
    /// <param name="Baseline">The DRIP's.</param>
    /// <param name="SameVolatility">The same-volatility DRIP's.</param>
    /// <param name="Weights">The same-volatility DRIP's weight on each path.</param>
    /// <param name="Matched">Whether that weight reached the strategy's volatility.</param>
    /// <param name="Markets">Each path market's statistics.</param>
    /// <param name="Seconds">The paths' time.</param>
    /// <param name="MarketCheck">The paths' markets against history.</param>
    /// <param name="MainSummary">The strategy's distributions.</param>
    /// <param name="BaselineSummary">The DRIP's.</param>
    /// <param name="Paired">The strategy against the DRIP path by path, or null when it is the DRIP.</param>
    /// <param name="Fair">The strategy against the same-volatility DRIP, or null when it is the DRIP.</param>
    /// <param name="WorstMain">The strategy's path with the deepest drawdown.</param>
    /// <param name="WorstBase">The DRIP's.</param>
    /// <param name="Wings">The condor's wings against the index's growth, or null without a condor.</param>
    private sealed record Outcomes(
        PathOutcome[] Main, PathOutcome[] Baseline, PathOutcome[] SameVolatility, double[] Weights, bool[] Matched, MarketStatistics[] Markets,
        double Seconds, MarketCheck MarketCheck, OutcomeSummary MainSummary, OutcomeSummary BaselineSummary, PairedOutcomes? Paired,
        SameVolatilitySummary? Fair, int WorstMain, int WorstBase, CondorWings? Wings);

    /// <summary>Runs the paths, with progress on standard error at most once a second, and summarises them.</summary>
    private static Outcomes Run(CliContext context, Request request, GeneratorSetup generator)
    {
        int count = request.Count;
        var clock = Stopwatch.StartNew();
        // Progress on standard error at most once a second (none for a run under a second), with the rate since
        // the last line and the time left at it.
        bool showProgress = !request.Quiet;
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
        var strategy = request.Strategy;
        var (main, baseline, sameVolatility, weights, matched, markets) = MonteCarlo.Run(generator.Generate, generator.Anchor, strategy, Presets.Drip, count, request.Seed, request.Threads, pathsDone: PathsDone);
        double seconds = clock.Elapsed.TotalSeconds;
        // After the clock: the history's windows are not the paths' time.
        var marketCheck = MarketCheck.Of(generator.Historical, markets, generator.Days.Length - 1);
        OutcomeSummary Summary(PathOutcome[] o) => new(
            Distribution.Of(o.Select(x => x.Cagr)),
            Distribution.Of(o.Select(x => x.MaxDrawdown)),
            Distribution.Of(o.Select(x => x.TerminalWealth)),
            [.. request.Levels.Select(l => new DrawdownRisk(-l, MonteCarlo.DrawdownWorseThan(o, l)))]);
        var paired = request.IsDrip ? null : PairedOutcomes.Of(main, baseline);
        var fair = request.IsDrip ? null : SameVolatilitySummary.Of(main, sameVolatility, weights, matched);
        // A condor's wings are index points: as the index grows on a path, they narrow as a share of it (the sleeve
        // then sells more contracts for the same risk budget, each a narrower bet). The paths' median growth says how much.
        var wings = strategy.Condor is { } condorSleeve ? CondorWings.Of(condorSleeve.Rules, generator.Anchor.Spx, Distribution.Of(markets.Select(m => m.SpxDrift)).P50, request.Horizon) : null;
        return new Outcomes(main, baseline, sameVolatility, weights, matched, markets, seconds, marketCheck, Summary(main), Summary(baseline),
            paired, fair, Worst(main), Worst(baseline), wings);
    }
}
