using System.CommandLine;
using System.Globalization;
using System.Text;
using Alvh.Data.Catalog;
using Alvh.Data.Research;
using Alvh.Data.Strategies;
using Alvh.Regimes;
using Alvh.Research;
using Alvh.Runs;
using Spectre.Console;

namespace Alvh.Cli.Commands;

/// <summary>
/// <c>alvh sweep --config FILE --grid GRID [--out DIR] [--resume] [--threads N] [--sample N --seed S]</c> runs a
/// parameter grid in parallel into Parquet parts; <c>alvh sweep --out DIR --top 10 --by sharpe</c> prints the best runs.
/// </summary>
internal static partial class SweepCommand
{
    /// <summary>Points of a whole grid above which the sweep says how many will run (a note, not a refusal).</summary>
    internal const long LargeGrid = 1_000_000;

    public static Command Create(CliContext context)
    {
        var run = new RunOptions();
        run.Out.Description = "Output folder of the Parquet parts, and the folder --top queries (default: out/sweep).";
        var preset = new Option<string?>("--preset") { Description = "Base preset." };
        var config = new Option<string?>("--config") { Description = "Base strategy file (YAML; see alvh init).", HelpName = "FILE" }.NotBlank("a strategy file");
        var grid = new Option<string?>("--grid") { Description = "Grid file (YAML): key path -> [values] or {from, to, step}.", HelpName = "FILE" }.NotBlank("a grid file");
        var resume = new Option<bool>("--resume") { Description = "Continue the sweep in --out, skipping finished runs." };
        var threads = new Option<int>("--threads") { Description = "Parallel runs (default: all cores).", DefaultValueFactory = _ => Environment.ProcessorCount }.AtLeast(1);
        var sample = new Option<int?>("--sample") { Description = "Run a seeded random sample of N grid points instead of the full grid." }.AtLeast(1);
        var seed = new Option<int>("--seed") { Description = "Seed of the sample.", DefaultValueFactory = _ => 1 };
        var flush = new Option<int>("--flush-every") { Description = "Results per Parquet part; a part is written while the next runs, so a kill loses at most two parts' worth of runs (a resume makes them again).", DefaultValueFactory = _ => 64 }.AtLeast(1);
        var top = new Option<int?>("--top") { Description = "Query mode: print the N best runs in --out." }.AtLeast(1);
        var by = new Option<string>("--by") { Description = "Query: metric to rank by (" + string.Join(", ", RunMetrics.Names) + ").", DefaultValueFactory = _ => "sharpe" };
        var ascending = new Option<bool>("--ascending") { Description = "Query: lowest first (e.g. volatility)." };
        var command = new Command("sweep", "Run a parameter grid (or a random sample of it) in parallel, streaming one Parquet row per run; resumable after a kill; query the best runs with --top.")
            { preset, config, grid, resume, threads, sample, seed, flush, top, by, ascending };
        run.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var outFolder = run.OutFolder(parse, context, Path.Combine("out", "sweep"));
            if (RunOptions.NotAFolder(parse.GetValue(run.Out), outFolder) is { } notAFolder)
            {
                await context.Error.WriteLineAsync($"alvh: bad input: {notAFolder}");
                return ExitCodes.BadInput;
            }
            if (parse.GetValue(top) is { } count)
            {
                // The options of a sweep are not the query's: given with --top (a sweep's command line with --top added), they
                // were ignored without a word, and the table could be an older sweep's while the user read it as this one's.
                var ignored = new Option[] { preset, config, grid, resume, sample, seed, flush, threads, run.From, run.To, run.AsIf }
                    .Where(o => parse.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToList();
                if (ignored.Count > 0)
                {
                    await context.Error.WriteLineAsync($"alvh: note: --top queries the runs already in {outFolder}; {string.Join(", ", ignored)} {(ignored.Count == 1 ? "belongs" : "belong")} to a sweep and {(ignored.Count == 1 ? "is" : "are")} ignored here");
                }
                try
                {
                    var (columns, rows, ranked, leftOut) = await SweepQuery.TopAsync(outFolder, parse.GetValue(by)!, count, parse.GetValue(ascending), cancellationToken);
                    if (parse.GetValue(run.Json))
                    {
                        // One object per run, keyed by column (it printed the table before).
                        var objects = rows.Select(row => columns.Select((c, i) => (c, row[i])).ToDictionary(p => p.c, p => p.Item2));
                        await context.Output.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(objects, Alvh.Data.Output.JsonOut.ReportOptions()));
                        return ExitCodes.Ok;
                    }
                    var table = new Table().AddColumns(columns.Select(c => new TableColumn(Markup.Escape(c)).RightAligned()).ToArray());
                    // The grid's values in full: rounded like the metrics to 4 decimals, distinct grid points looked alike
                    // (budgetPerYear 0.029838 and 0.02981 both read 0.0298; trancheFraction 0.00025 read 0.0003).
                    var parameter = columns.Select(c => c != "runId" && c != "error" && !RunMetrics.Names.Contains(c)).ToArray();
                    // A metric a run does not have is null in the parts (NaN in those written before 2026-11-28): n/a.
                    var metric = columns.Select(c => RunMetrics.Names.Contains(c)).ToArray();
                    foreach (var row in rows) table.AddRow(row.Select((v, i) => Markup.Escape(parameter[i] ? ShowParameter(v) : metric[i] && v is null ? "n/a" : Show(v))).ToArray());
                    context.Console.Write(table);
                    await context.Output.WriteLineAsync(QueryLegend(outFolder, parse.GetValue(by)!, parse.GetValue(ascending)));
                    // How many runs the ranking read: the legend said runs without a value were left out, not how many.
                    if (ranked > 0 && leftOut > 0) await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{ranked} run{(ranked == 1 ? "" : "s")} ranked; {leftOut} without a value of {parse.GetValue(by)} left out"));
                    // Runs without the metric (a window outside the sweep's period, a run that failed) are not ranked.
                    if (ranked == 0) await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"no run has a value of {parse.GetValue(by)} ({leftOut} run{(leftOut == 1 ? "" : "s")} read; its window may lie outside the sweep's period, or the runs failed)"));
                    return ExitCodes.Ok;
                }
                catch (GridFileException e)
                {
                    await context.Error.WriteLineAsync($"alvh: bad input: {e.Message}");
                    return ExitCodes.BadInput;
                }
            }
            // The query's options are not the sweep's: without --top they were ignored without a word, so "--by nope"
            // passed and the closing hint still said "--by sharpe", as the sweep's options given to a query are named above.
            var queryOnly = new Option[] { by, ascending }.Where(o => parse.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToList();
            if (queryOnly.Count > 0)
            {
                await context.Error.WriteLineAsync($"alvh: note: {string.Join(" and ", queryOnly)} {(queryOnly.Count == 1 ? "orders" : "order")} a query (--top N) and {(queryOnly.Count == 1 ? "is" : "are")} ignored by a sweep");
            }
            // Whether the sweep began (its folder made and marked): a stop while the data loaded said the runs finished so
            // far were in a folder that did not exist.
            bool begun = false;
            // The grid is read first: a strategy file's checks across keys that read a key the grid sets are left to
            // each run (a base of drip 0.9 and condor 0.1 swept over both allocations was refused, its own sum not 1).
            // Its errors still come after the strategy's.
            ParameterGrid? loaded = null;
            GridFileException? gridError = null;
            string? gridPath = parse.GetValue(grid) is { } gridFile ? Path.GetFullPath(gridFile, context.CurrentDirectory) : null;
            if (gridPath is not null)
            {
                try
                {
                    loaded = GridFile.Load(gridPath);
                }
                catch (GridFileException e)
                {
                    gridError = e;
                }
            }
            var (strategy, error) = StrategySource.Resolve(parse.GetValue(preset), parse.GetValue(config), context, loaded?.Axes.Select(a => a.Path).ToArray());
            if (strategy is null)
            {
                await context.Error.WriteLineAsync(error);
                return ExitCodes.BadInput;
            }
            if (gridPath is null)
            {
                await context.Error.WriteLineAsync("alvh: bad input: --grid FILE is required (or --top N to query)");
                return ExitCodes.BadInput;
            }
            try
            {
                var parameters = loaded ?? throw gridError!;
                var patch = new StrategyPatch(strategy);
                patch.Validate(parameters);
                // Before the data is loaded and the folder marked as a sweep's (it failed after both, leaving a manifest).
                if (parameters.Count > int.MaxValue && !(parse.GetValue(sample) < parameters.Count))
                {
                    await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"alvh: bad input: the grid has {parameters.Count:#,0} points, too many to run in full: give --sample N"));
                    return ExitCodes.BadInput;
                }
                if (parse.GetValue(sample) is { } asked && asked >= parameters.Count)
                {
                    await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"alvh: note: --sample {asked} is at least the grid's {parameters.Count} points: the whole grid runs"));
                }
                // A base whose check across keys no grid point mends (minVix 30 over maxVix 20, swept over maxVix 22 and 25;
                // the base's check is left to the runs when the grid sets a key it reads) had every run rejected after the
                // data were loaded and the folder marked as a sweep's, which then refused the corrected command. The points
                // are tried in order until one passes (the first, as a rule), before either.
                if (EveryPointRefused(patch, parameters) is { Count: > 0 } refusals)
                {
                    await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"alvh: bad input: every one of the grid's {parameters.Count:#,0} points is refused by a check across keys (nothing was run or written); {(refusals.Count == 1 ? "the reason" : $"the first {refusals.Count}")}:"));
                    foreach (var reason in refusals) await context.Error.WriteLineAsync($"alvh:   {reason}");
                    return ExitCodes.BadInput;
                }
                // The seed only draws a sample: for the whole grid it changes nothing, and is not part of the sweep.
                bool sampled = parse.GetValue(sample) is { } size && size < parameters.Count;
                if (!sampled && parse.GetResult(seed) is { Implicit: false })
                {
                    await context.Error.WriteLineAsync("alvh: note: --seed draws a --sample; the whole grid runs, so it changes nothing");
                }
                // Said even under --quiet: a grid of 1.98 billion points ran for 11 minutes, its size said nowhere (review).
                if (!sampled && parameters.Count > LargeGrid)
                {
                    await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"alvh: note: the grid has {parameters.Count:#,0} points and every one runs (a full-history drip-condor-alvh run takes 35-55 ms of a core); --sample N draws N of them"));
                }
                var from = RunOptions.Date(parse, run.From);
                var to = RunOptions.Date(parse, run.To);
                // Loading and calibrating leave their garbage in a youngest generation sized from the L3 cache: given
                // back before the runs (an aggressive collection decommits it), a 1,000-run DRIP sweep peaked at
                // 154-160 MB instead of 183-188 MB (95-98 MB once patches stopped re-parsing YAML). The runs keep
                // memory bounded themselves (SweepMemory).
                var data = run.Load(parse, context);
                GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                var market = MarketContext.Build(data, run.Settings(parse));
                // A period without two trading days would make every run fail, after the folder was marked as a sweep's.
                // Counted within the days a run can cover (both an S&P 500 and a VIX close, MarketContext.Run), not the
                // whole calendar: --from 2026-03-01 or 2026-02-11 passed on the S&P 500's calendar (to 2026-05-29 in the
                // shared data), then every run was rejected and the folder was left marked, refusing the corrected sweep.
                var calendar = data.Calendar;
                var runnable = market.DefaultPeriod();
                var first = from is { } f && f > runnable.From ? f : runnable.From;
                var last = to is { } t && t < runnable.To ? t : runnable.To;
                int firstDay = calendar.IndexOnOrAfter(first), lastDay = calendar.IndexOnOrBefore(last);
                if (first > last || lastDay - firstDay < 1)
                {
                    await context.Error.WriteLineAsync($"alvh: bad input: the period {from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "start"} to {to?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "end"} has fewer than two trading days in the data with both an S&P 500 and a VIX close ({runnable.From:yyyy-MM-dd} to {runnable.To:yyyy-MM-dd})");
                    return ExitCodes.BadInput;
                }
                // Before the folder is marked as a sweep's: a base strategy holding an equity without prices would have
                // every point rejected.
                market.RequirePrices(strategy);
                // Before the collection, as what it reads is garbage after it.
                string fingerprint = DataFingerprint.Hash(data);
                GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                string period = $"from {from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "start"} to {to?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "end"}";
                string asIf = $"as-if {parse.GetValue(run.AsIf)}";
                string rest = new StringBuilder()
                    // The data are an input too: a resume on changed data would set the new data's rows beside the old's.
                    .AppendLine(CultureInfo.InvariantCulture, $"# data xxh128 {fingerprint}")
                    // And the metrics' rules: a folder swept under others is refused, not filled with rows of two rules.
                    .AppendLine(CultureInfo.InvariantCulture, $"# metrics: {RunMetrics.Rules}")
                    // The days the runs cover, so a query of the folder can say which years (a sweep without --from and
                    // --to recorded only "from start to end").
                    .AppendLine(CultureInfo.InvariantCulture, $"{DaysPrefix}{RunDays(market, from, to)}")
                    .AppendLine("# grid").AppendLine(await File.ReadAllTextAsync(gridPath, cancellationToken))
                    .AppendLine("# strategy").Append(StrategyWriter.Write(strategy)).ToString();
                // "drawn by xoshiro256**": a sample's ids are the sampler's, so a folder sampled by System.Random (before
                // 2026-11-27) is refused on --resume rather than filled with another sample's ids. The whole grid names no
                // seed (before 2026-11-28 it did, and a resume with another --seed was refused as a different sweep).
                string manifest = sampled
                    ? string.Create(CultureInfo.InvariantCulture, $"# alvh sweep: {period}, sample {parse.GetValue(sample)} drawn by xoshiro256**, seed {parse.GetValue(seed)}, {asIf}{Environment.NewLine}{rest}")
                    : $"# alvh sweep: {period}, sample all, {asIf}{Environment.NewLine}{rest}";
                long points = parameters.Count;
                Func<string, bool>? earlier = sampled ? null : held => IsEarlierWholeGrid(held, period, asIf, rest, points);
                var request = new SweepRequest
                {
                    Grid = parameters,
                    Strategy = patch,
                    Evaluate = (s, buffers) => RunMetrics.Compute(market, s, from, to, buffers),
                    Folder = outFolder,
                    Manifest = manifest,
                    SameSweepAsWrittenBefore = earlier,
                    Resume = parse.GetValue(resume),
                    Sample = parse.GetValue(sample),
                    Seed = parse.GetValue(seed),
                    Threads = parse.GetValue(threads),
                    FlushEvery = parse.GetValue(flush),
                };
                var quiet = parse.GetValue(run.Quiet);
                // Progress at most once a second (a part is written every few milliseconds), with the rate since the
                // last line (it climbs while the JIT warms up) and the time left at that rate.
                var clock = System.Diagnostics.Stopwatch.StartNew();
                double shownAt = double.NaN;
                int shownDone = 0;
                begun = true;
                var summary = await Sweep.RunAsync(request, (done, total) =>
                {
                    if (quiet) return;
                    double now = clock.Elapsed.TotalSeconds;
                    if (!double.IsNaN(shownAt) && now - shownAt < 1 && done < total) return;
                    double rate = double.IsNaN(shownAt) ? 0 : (done - shownDone) / Math.Max(now - shownAt, 1e-9);
                    (shownAt, shownDone) = (now, done);
                    context.Error.WriteLine(done == total || !(rate > 0)
                        ? string.Create(CultureInfo.InvariantCulture, $"sweep: {done}/{total}")
                        : string.Create(CultureInfo.InvariantCulture, $"sweep: {done}/{total} ({rate:#,0.#} runs/s, about {Math.Ceiling((total - done) / rate):0} s left)"));
                }, cancellationToken);
                if (parse.GetValue(run.Json))
                {
                    // --json said "Write JSON to standard output" and printed the text lines below.
                    var doc = new
                    {
                        total = summary.Total,
                        skipped = summary.Skipped,
                        made = summary.Made,
                        rejected = summary.Failed,
                        seconds = summary.Seconds,
                        runsPerSecond = summary.Made / Math.Max(summary.Seconds, 1e-9),
                        @out = outFolder,
                        parts = Path.Combine(outFolder, SweepStore.PartsPattern),
                        errors = summary.Errors.Select(e => new { message = e.Error, runs = e.Runs }).ToArray(),
                        unflushedParts = summary.UnflushedParts,
                    };
                    await context.Output.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(doc, Alvh.Data.Output.JsonOut.ReportOptions()));
                }
                else
                {
                    context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"sweep: {summary.Total} runs ({summary.Skipped} already done, {summary.Made} made, {summary.Failed} of them rejected) in {summary.Seconds:0.0} s ({(summary.Made / Math.Max(summary.Seconds, 1e-9)):0.00} runs/s); wrote {outFolder}"));
                    context.Output.WriteLine($"query: alvh sweep --out {outFolder} --top 10 --by sharpe   (or DuckDB: SELECT * FROM read_parquet('{outFolder}/{SweepStore.PartsPattern}') ORDER BY sharpe DESC LIMIT 10; a metric a run does not have is null, which DuckDB sorts last)");
                }
                if (summary.UnflushedParts > 0)
                {
                    await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"alvh: warning: {summary.UnflushedParts} part{(summary.UnflushedParts == 1 ? "" : "s")} written, but the folder {outFolder} could not be flushed to disk after {(summary.UnflushedParts == 1 ? "its" : "their")} rename ({summary.FlushProblem}): after a power cut (not a kill) a resume could skip {(summary.UnflushedParts == 1 ? "its" : "their")} runs; the results are complete now"));
                }
                // Why runs were rejected (each run's error is in the Parquet's error column; --top ranks only the runs that ran).
                foreach (var (message, runs) in summary.Errors)
                {
                    await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"alvh: {runs} run{(runs == 1 ? "" : "s")} rejected: {message}"));
                }
                // Only the first reasons are kept: the runs rejected for others were counted in the total and said nowhere.
                int others = summary.Failed - summary.Errors.Sum(e => e.Runs);
                if (others > 0)
                {
                    await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"alvh: {others} more run{(others == 1 ? "" : "s")} rejected for other reasons (the parts' error column holds each run's)"));
                }
                // A resume's runs are the sweep's rest: those of a grid whose accepted points came first all rejected, it
                // said every run of the sweep was and exited 2, though the runs it skipped had run.
                if (summary.Made > 0 && summary.Failed == summary.Made
                    && (summary.Skipped == 0 || !await SweepQuery.AnyAcceptedAsync(outFolder, cancellationToken)))
                {
                    await context.Error.WriteLineAsync("alvh: bad input: every run of the sweep was rejected (above: why)");
                    return ExitCodes.BadInput;
                }
                return ExitCodes.Ok;
            }
            catch (GridFileException e)
            {
                await context.Error.WriteLineAsync($"alvh: bad input: {e.Message}");
                return ExitCodes.BadInput;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C or SIGTERM: the sweep wrote every chunk it finished before it stopped.
                await context.Error.WriteLineAsync(begun
                    ? $"alvh: sweep stopped; the runs finished so far are in {outFolder}: run the same command with --resume to continue"
                    : "alvh: sweep stopped before its runs began; nothing was written");
                return ExitCodes.Cancelled;
            }
        });
        return command;
    }

    /// <summary>The grids whose every point is tried before a sweep (a patch costs about 8 µs: 100,000 take about a second).</summary>
    private const long PointsTriedBeforeRuns = 100_000;

    /// <summary>
    /// The first five reasons when every point of <paramref name="grid"/> is refused by a check across keys; empty when a
    /// point passes, or when the grid is larger than <see cref="PointsTriedBeforeRuns"/> (its runs then say why).
    /// </summary>
    private static List<string> EveryPointRefused(StrategyPatch patch, ParameterGrid grid)
    {
        var reasons = new List<string>();
        if (grid.Count > PointsTriedBeforeRuns) return reasons;
        var paths = grid.Axes.Select(a => a.Path).ToArray();
        for (long k = 0; k < grid.Count; k++)
        {
            try
            {
                patch.Apply(paths, grid.Assignment(k));
                reasons.Clear();
                return reasons;
            }
            catch (GridFileException e)
            {
                if (reasons.Count < 5) reasons.Add(e.Message);
            }
        }
        return reasons;
    }

    /// <summary>
    /// True when <paramref name="held"/>, a folder's manifest, is this sweep of the whole grid as written before
    /// 2026-11-28: its first line named a seed, whichever was given (the whole grid draws nothing with it), and a --sample
    /// at least the grid's size as "sample N drawn by xoshiro256**" (the whole grid ran all the same). Matched only against the given seed and sample,
    /// such a folder written with --seed 7 was refused on a resume without it, which the note on --seed says changes nothing.
    /// </summary>
    private static bool IsEarlierWholeGrid(string held, string period, string asIf, string rest, long points)
    {
        int end = held.IndexOf(Environment.NewLine, StringComparison.Ordinal);
        if (end < 0 || !held.AsSpan(end + Environment.NewLine.Length).SequenceEqual(rest)) return false;
        var line = EarlierFirstLine().Match(held[..end]);
        return line.Success && line.Groups["period"].Value == period && line.Groups["asIf"].Value == asIf
            && (!line.Groups["sample"].Success || (long.TryParse(line.Groups["sample"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out long size) && size >= points));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^# alvh sweep: (?<period>from \S+ to \S+), sample (?:all|(?<sample>[0-9]+) drawn by xoshiro256\*\*), seed -?[0-9]+, (?<asIf>as-if \S+)$")]
    private static partial System.Text.RegularExpressions.Regex EarlierFirstLine();

    /// <summary>
    /// The first and last trading days a run of the sweep covers: <paramref name="from"/> and <paramref name="to"/> held
    /// to the days with both an S&amp;P 500 and a VIX close (<see cref="MarketContext.Run"/>'s rule), then to trading days.
    /// </summary>
    private static string RunDays(MarketContext market, DateOnly? from, DateOnly? to)
    {
        var (first, last) = market.DefaultPeriod();
        if (from > first) first = from.Value;
        if (to < last) last = to.Value;
        var calendar = market.Data.Calendar;
        int a = calendar.IndexOnOrAfter(first), b = calendar.IndexOnOrBefore(last);
        return a < 0 || b < a ? "none" : string.Create(CultureInfo.InvariantCulture, $"{calendar[a]:yyyy-MM-dd} to {calendar[b]:yyyy-MM-dd}");
    }

    /// <summary>The manifest line of the trading days the runs cover (<see cref="RunDays"/>).</summary>
    private const string DaysPrefix = "# days: ";

    /// <summary>
    /// What the query's table shows, under it: the order, the sweep's period as its manifest records it with the trading
    /// days it covered, and the metrics' units and windows. The table gave none of them: a folder queried later did not
    /// say which years its Sharpe ratios were measured over, nor that a maxDrawdown of -0.299 is a fraction, nor what
    /// drawdown2008's window is.
    /// </summary>
    private static string QueryLegend(string folder, string by, bool ascending)
    {
        string order = $"ranked by {by}, {(ascending ? "lowest" : "highest")} first (ties: the lower runId first; runs without a value are left out)";
        string? first = null, days = null;
        var manifest = Path.Combine(folder, Sweep.ManifestName);
        if (File.Exists(manifest))
        {
            using var reader = new StreamReader(manifest);
            first = reader.ReadLine();
            // The days line comes before the grid and the strategy (a folder made before it was written has none).
            for (string? line = reader.ReadLine(); line is not null && !line.StartsWith("# grid", StringComparison.Ordinal); line = reader.ReadLine())
            {
                if (line.StartsWith(DaysPrefix, StringComparison.Ordinal)) days = line[DaysPrefix.Length..];
            }
        }
        const string Prefix = "# alvh sweep: ";
        string covered = days is null ? "" : $", trading days {days}";
        string runs = first is not null && first.StartsWith(Prefix, StringComparison.Ordinal) ? $"; runs {first[Prefix.Length..]}{covered} ({Sweep.ManifestName})" : "";
        var (crisis, covid) = (StudyWindows.FinancialCrisis2008, StudyWindows.Covid2020);
        return string.Create(CultureInfo.InvariantCulture,
            $"{order}{runs}; cagr and volatility are fractions a year, sharpe is annualised over T-bills, calmar is cagr / |maxDrawdown|, beta is to the S&P 500, maxDrawdown and the window drawdowns are fractions below 0 (drawdown2008: {crisis.Start:yyyy-MM-dd} to {crisis.End:yyyy-MM-dd}, drawdown2020: {covid.Start:yyyy-MM-dd} to {covid.End:yyyy-MM-dd}, from the close before; n/a outside the period)");
    }

    /// <summary>A grid value as the grid gave it (shortest round-trip form), not rounded.</summary>
    private static string ShowParameter(object? v) => v is double d ? d.ToString("R", CultureInfo.InvariantCulture) : Show(v);

    private static string Show(object? v) => v switch
    {
        null => "",
        double d => double.IsNaN(d) ? "n/a" : d.ToString("0.####", CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };
}
