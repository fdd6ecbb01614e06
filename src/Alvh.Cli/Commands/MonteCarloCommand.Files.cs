using System.Globalization;
using System.Text.Json;
using Alvh.Data.Output;
using Alvh.Research.Scenarios;
using Alvh.Strategies;

namespace Alvh.Cli.Commands;

internal static partial class MonteCarloCommand
{
    /// <summary>
    /// The run as JSON: montecarlo.json's text (what the inputs and seed decide, so that it is byte-identical run after
    /// run), and --json's (the same, with what this run's clock and the calibration cache's state decide: seconds,
    /// pathsPerSecond, svjCalibrationCache, also printed on the console).
    /// </summary>
    private static (string File, string Output) Json(Request request, GeneratorSetup generator, Outcomes outcomes)
    {
        var strategy = request.Strategy;
        var (main, baseline) = (outcomes.Main, outcomes.Baseline);
        var bootstrap = generator.Bootstrap;
        var doc = new
        {
            strategy = strategy.Name,
            baseline = Presets.Drip.Name,
            generator = request.Kind,
            paths = request.Count,
            years = request.Horizon,
            seed = request.Seed,
            start = generator.Days[0],
            anchor = generator.Anchor,
            // What the paths hold fixed or lack (rates, dividends, the VX curve, macro events): said nowhere before (h87).
            assumptions = ScenarioAssumptions.Of(generator.Anchor, request.Kind, strategy),
            svjFit = generator.Fit,
            svjCalibration = generator.Calibration,
            svjOvernightShare = generator.Fit is null ? (double?)null : SvjModel.OvernightShare,
            startVix = request.StartAt,
            lastCloseVix = generator.LastClose.Vix,
            bootstrap = bootstrap is not null ? new
            {
                poolFrom = request.PoolFrom,
                poolFirstDay = bootstrap.Pool.Dates[0],
                poolDays = bootstrap.Pool.Count,
                meanBlockDays = bootstrap.MeanBlockDays,
                meanBlockRule = request.Block is null ? "politis-white" : "block-days",
                vixReversionPerDay = bootstrap.VixReversion,
                firstBlock = generator.FirstBlock,
            } : null,
            results = new Dictionary<string, OutcomeSummary> { [strategy.Name] = outcomes.MainSummary, [Presets.Drip.Name] = outcomes.BaselineSummary },
            paired = outcomes.Paired,
            sameVolatility = outcomes.Fair,
            marketCheck = outcomes.MarketCheck,
            condorWings = outcomes.Wings,
            deepestDrawdown = new
            {
                strategyPath = outcomes.WorstMain,
                strategyMaxDrawdown = main[outcomes.WorstMain].MaxDrawdown,
                baselinePath = outcomes.WorstBase,
                baselineMaxDrawdown = baseline[outcomes.WorstBase].MaxDrawdown,
            },
        };
        var jsonOptions = JsonOut.ReportOptions(camelCase: true);
        var node = JsonSerializer.SerializeToNode(doc, jsonOptions)!.AsObject();
        string fileText = node.ToJsonString(jsonOptions);
        node["svjCalibrationCache"] = JsonSerializer.SerializeToNode(generator.CacheUse, jsonOptions);
        node["seconds"] = outcomes.Seconds;
        node["pathsPerSecond"] = request.Count / outcomes.Seconds;
        return (fileText, node.ToJsonString(jsonOptions));
    }

    /// <summary>
    /// The folder of --out, staged and committed whole: montecarlo.json, paths.csv, montecarlo.html and its charts, and
    /// with --inspect the path's folder (other path folders this command wrote before go: they describe other paths).
    /// </summary>
    private static void WriteFolder(CliContext context, Request request, GeneratorSetup generator, Outcomes outcomes, string folder, string fileText)
    {
        var strategy = request.Strategy;
        int? inspected = request.Inspected;
        using (var staged = StagedFolder.Begin(folder))
        {
            AtomicWriter.WriteText(Path.Combine(staged.Path, "montecarlo.json"), fileText + "\n");
            AtomicWriter.Write(Path.Combine(staged.Path, "paths.csv"), w => PathsCsv(w, strategy.Name, outcomes.Main, request.IsDrip ? null : outcomes.Baseline, outcomes.SameVolatility, outcomes.Weights, outcomes.Matched, outcomes.Markets, request.Seed));
            // The tear sheet of the run: the distributions as charts and tables, beside the files that hold every figure.
            Alvh.Reports.MonteCarloReport.Write(staged.Path, ReportInput(request, generator, outcomes));
            if (inspected is { } shown) Inspect(staged.Path, shown, request, generator, outcomes);
            // Only a folder this command wrote before (it holds a market.csv), or none, has its stale files cleared: a folder
            // of the user's that happens to be named path-N kept nothing but this run's files.
            string inspectedFolder = Path.Combine(folder, $"path-{inspected}");
            var inspectedFiles = inspected is { } kept && (!Directory.Exists(inspectedFolder) || File.Exists(Path.Combine(inspectedFolder, "market.csv")))
                ? Directory.EnumerateFiles(Path.Combine(staged.Path, $"path-{kept}"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(staged.Path, f)).ToHashSet(StringComparer.Ordinal)
                : null;
            staged.Commit();
            // The inspected path's folder holds this run's files only: an earlier run's that this one did not
            // write again (a condor's chart after a DRIP run) would describe another strategy.
            if (inspectedFiles is not null)
            {
                foreach (var file in Directory.EnumerateFiles(inspectedFolder, "*", SearchOption.AllDirectories).ToList())
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
        if (!request.Json)
        {
            context.Output.WriteLine($"wrote {Path.Combine(folder, "montecarlo.json")}, {Path.Combine(folder, "paths.csv")} and {Path.Combine(folder, Alvh.Reports.MonteCarloReport.FileName)}");
            if (inspected is { } shown) context.Output.WriteLine($"wrote path {shown}'s market and both backtests (strategy/, baseline/) into {Path.Combine(folder, $"path-{shown}")}");
        }
    }

    /// <summary>montecarlo.html's input: what ran, the outcomes and the notes the console prints too.</summary>
    private static Alvh.Reports.MonteCarloReportInput ReportInput(Request request, GeneratorSetup generator, Outcomes outcomes)
    {
        var strategy = request.Strategy;
        var (anchor, days, bootstrap) = (generator.Anchor, generator.Days, generator.Bootstrap);
        var generatorLine = bootstrap is not null
            ? string.Create(CultureInfo.InvariantCulture, $"stationary block bootstrap of {bootstrap.Pool.Count:#,0} historical days from {bootstrap.Pool.Dates[0]:yyyy-MM-dd}, mean block {bootstrap.MeanBlockDays:0.#} days")
            : string.Create(CultureInfo.InvariantCulture, $"stochastic volatility with jumps, fitted on history from {generator.Historical.Dates[0]:yyyy-MM-dd} (parameters and calibration in montecarlo.json)");
        var notes = new List<string> { $"Market check: {MarketCheckVerdict(outcomes.MarketCheck, request.Horizon)} (montecarlo.json, marketCheck)." };
        if (outcomes.Fair is { } fair) notes.Add(SameVolatilityLine(fair, strategy.Name, request.Count));
        notes.Add(DeepestLine(strategy, outcomes.Main, outcomes.Baseline, outcomes.WorstMain, outcomes.WorstBase));
        if (outcomes.Wings is { } wings) notes.Add(WingsLine(wings));
        notes.Add(IntervalsLine);
        notes.Add(SamplingErrorLine);
        notes.AddRange(ScenarioAssumptions.Of(anchor, request.Kind, strategy).Select(AssumptionLine));
        bool isDrip = request.IsDrip;
        return new Alvh.Reports.MonteCarloReportInput(
            $"{strategy.Name} on {PathsOf(request.Count, request.Kind, request.Horizon)}",
            [string.Create(CultureInfo.InvariantCulture, $"From {days[0]:yyyy-MM-dd} (S&P 500 {anchor.Spx:0.00}, VIX {anchor.Vix:0.00}), seed {request.Seed}; {generatorLine}."),
                // A stress start said so on the console only: the page read the stress VIX as the last close's (review).
                .. request.StartAt is { } stressed
                    ? [string.Create(CultureInfo.InvariantCulture, $"Stress start: VIX {stressed:0.00} instead of the last close's {generator.LastClose.Vix:0.00}; the paths' first weeks differ from history by design.")]
                    : Array.Empty<string>()],
            new(strategy.Name, outcomes.Main),
            isDrip ? null : new(Presets.Drip.Name, outcomes.Baseline),
            isDrip ? null : new(Alvh.Study.StudyEngine.SameVolatility, outcomes.SameVolatility),
            request.Levels,
            notes);
    }

    /// <summary>
    /// Path <paramref name="n"/> again, built as the run built it: its market and both strategies' backtest files. Its
    /// outcomes must be those of paths.csv's row n (the same seed gives the same path and the same trades).
    /// </summary>
    private static void Inspect(string folder, int n, Request request, GeneratorSetup generator, Outcomes outcomes)
    {
        var strategy = request.Strategy;
        var dir = Path.Combine(folder, $"path-{n}");
        Directory.CreateDirectory(dir);
        var (path, pathMarket) = MonteCarlo.PathMarket(generator.Generate, generator.Anchor, request.Seed, n);
        AtomicWriter.Write(Path.Combine(dir, "market.csv"), w => MarketCsv(w, path, generator.Bootstrap?.Pool));
        // Fixed folder names: a strategy file's name may be anything, "drip" or "../x" included.
        var results = new Dictionary<string, Alvh.Engine.BacktestResult>();
        foreach (var (s, pathOutcomes, folderName) in new[] { (strategy, outcomes.Main, "strategy"), (Presets.Drip, outcomes.Baseline, "baseline") })
        {
            var result = results[folderName] = pathMarket.Run(s);
            if (MonteCarlo.Outcome(result, s) != pathOutcomes[n]) throw new InvalidOperationException($"path {n} replayed to a different outcome for {s.Name}");
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
        if (MonteCarlo.SameVolatility(pathMarket, results["strategy"], results["baseline"], Presets.Drip).Outcome != outcomes.SameVolatility[n])
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
}
