using System.CommandLine;
using System.Globalization;
using Alvh.Benchmarks;
using Alvh.Data.Catalog;
using Alvh.Data.Output;
using Alvh.Data.Readers;
using Alvh.MarketData;
using Alvh.Runs;
using Spectre.Console;

namespace Alvh.Cli.Commands;

/// <summary>
/// <c>alvh bench [--json] [--quick] [--bars FILE] [--data DIR]</c>: measures on this machine the pricing
/// kernels, a full-history drip-condor-alvh backtest against its floor, the whole study and the canonical
/// peer benchmark (single, buy-and-hold, sweep, Monte Carlo).
/// </summary>
internal static class BenchCommand
{
    /// <summary>Environment variable with the canonical bars file.</summary>
    public const string BarsVariable = "ALVH_BENCH_BARS";

    /// <summary>The canonical bars, relative to the repository root.</summary>
    public const string DefaultBars = "../shared/bench/canonical-bars.csv";

    public static Command Create(CliContext context)
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var quick = new Option<bool>("--quick") { Description = "Fewer repeats, 100 canonical Monte Carlo paths and 8 full-system ones (seconds, for tests)." };
        var bars = new Option<string?>("--bars") { Description = $"Canonical bars (Date,Open,High,Low,Close,Volume[,OpenInterest]); default {BarsVariable}, else {DefaultBars} from the repository root, else bench/canonical-bars.csv beside the data folder.", HelpName = "FILE" }.NotBlank("a CSV file of bars");
        var command = new Command("bench", "Measure the kernels, a full backtest against its floor, the study, the canonical peer benchmark and the full-system Monte Carlo on this machine.") { data, json, quick, bars };
        command.SetAction(parse =>
        {
            var barsFile = BarsFile(parse.GetValue(bars), context, () => DataFolder.Resolve(parse.GetValue(data), context.Environment(DataFolder.EnvironmentVariable), context.CurrentDirectory));
            if (barsFile is null || !File.Exists(barsFile))
            {
                context.Error.WriteLine($"alvh: bad input: no canonical bars file{(barsFile is null ? "" : $" at {barsFile}")}: give --bars FILE or set {BarsVariable}");
                return ExitCodes.BadInput;
            }
            var series = ReadBars(barsFile);
            var folder = DataFolder.Resolve(parse.GetValue(data), context.Environment(DataFolder.EnvironmentVariable), context.CurrentDirectory);
            var report = MachineBench.Run(series, () => MarketContext.Build(MarketDataLoader.Load(folder)), parse.GetValue(quick)) with { Machine = MachineInfo.Current(CpuModel()) };
            if (parse.GetValue(json))
            {
                context.Output.Write(BenchJson.Write(report, parse.GetValue(quick)));
                // Not in the JSON (its shape is fixed): the Monte Carlo mean and the single run's last MACD histogram,
                // which bench/peers/run.sh compares with the peers.
                context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"monteCarlo.meanFinalValue {report.Canonical.MonteCarloMeanFinalValue:R}"));
                context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"single.macdHistogram {report.Canonical.Single.MacdHistogram:R}"));
                return ExitCodes.Ok;
            }
            Render(context, report, parse.GetValue(quick));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// The canonical bars, refused (bad input, naming the file and line) where the peers would not run on the same
    /// bars: a repeated row, which the reader drops as a duplicate but numpy and numba read as one more bar (their
    /// final values then differ from Alvh's), and a file too short for the first decision to fill, where every
    /// figure is the 1,000,000 starting cash.
    /// </summary>
    private static DailySeries ReadBars(string file)
    {
        var loaded = YahooOhlcvReader.Read(file, CanonicalRules.SeriesId);
        var name = loaded.Series.File;
        if (loaded.Issues.FirstOrDefault(i => i.Kind == "duplicate") is { Kind: not null } duplicate)
        {
            throw new DataFormatException(duplicate.File, duplicate.Line, "Date", $"{duplicate.Message}: the canonical bars need one row per date (the peers read every row as a bar)");
        }
        if (loaded.Series.Count < CanonicalRules.MinimumBars)
        {
            int last = loaded.Lines.Length == 0 ? 0 : loaded.Lines[^1];
            throw new DataFormatException(name, last, null, string.Create(CultureInfo.InvariantCulture,
                $"{loaded.Series.Count} bars; the canonical benchmark needs at least {CanonicalRules.MinimumBars} (its first decision is on zero-based bar {CanonicalRules.SlowPeriod - 1} and fills at the next open)"));
        }
        return loaded.Series;
    }

    /// <summary>The first "model name" of /proc/cpuinfo; null where there is none (not Linux, or unreadable: the bench runs without it).</summary>
    private static string? CpuModel()
    {
        const string cpuinfo = "/proc/cpuinfo";
        try
        {
            if (!File.Exists(cpuinfo)) return null;
            foreach (var line in File.ReadLines(cpuinfo))
            {
                if (!line.StartsWith("model name", StringComparison.Ordinal)) continue;
                int colon = line.IndexOf(':', StringComparison.Ordinal);
                var name = colon < 0 ? "" : line[(colon + 1)..].Trim();
                return name.Length == 0 ? null : name;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A description of the machine is a courtesy.
        }
        return null;
    }

    /// <summary>
    /// The bars: --bars, else ALVH_BENCH_BARS, else the repository's default when run inside it, else bench/canonical-bars.csv
    /// beside the data folder (the shared layout, ../shared/data and ../shared/bench: outside the repository a bench given
    /// only ALVH_DATA found no bars).
    /// </summary>
    private static string? BarsFile(string? option, CliContext context, Func<string> dataFolder)
    {
        if (!string.IsNullOrWhiteSpace(option)) return Path.GetFullPath(option, context.CurrentDirectory);
        var fromEnvironment = context.Environment(BarsVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return Path.GetFullPath(fromEnvironment, context.CurrentDirectory);
        string? inRepository = null;
        for (var dir = new DirectoryInfo(context.CurrentDirectory); dir is not null && inRepository is null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Alvh.slnx"))) inRepository = Path.GetFullPath(Path.Combine(dir.FullName, DefaultBars));
        }
        if (inRepository is not null && File.Exists(inRepository)) return inRepository;
        string folder;
        try
        {
            folder = dataFolder();
        }
        catch (DataFolderException)
        {
            return inRepository; // no data folder either: said when the data are read
        }
        var besideData = Path.GetFullPath(Path.Combine(folder, "..", "bench", "canonical-bars.csv"));
        return File.Exists(besideData) ? besideData : inRepository;
    }

    /// <summary>What <c>--quick</c> shortens, under its table: its figures are not comparable with a full run's.</summary>
    internal static string QuickCaption => string.Create(CultureInfo.InvariantCulture,
        $"--quick, indicative only: {MachineBench.QuickCanonicalPaths} of {MachineBench.CanonicalPaths:#,0} canonical Monte Carlo paths, {MachineBench.QuickFullSystemPaths} of {MachineBench.FullSystemPaths} full-system ones; ") +
        string.Create(CultureInfo.InvariantCulture, $"kernels timed {MachineBench.QuickKernelSeconds} s, not {MachineBench.KernelSeconds} s; ") +
        "the backtests, the study and the Monte Carlos timed once (the single run best of 3) after little or no warm-up, not the best of several after seconds of it, so they partly run the JIT's first tiers";

    internal static void Render(CliContext context, BenchReport r, bool quick)
    {
        var c = r.Canonical;
        var inv = CultureInfo.InvariantCulture;
        var met = BenchTargets.Judge(r);
        // The issue's target beside each figure it sets one for, and whether this run met it (a --quick run's verdicts
        // are as indicative as its figures); the two set against numba are judged by bench/peers/run.sh.
        var table = new Table().AddColumn("measure").AddColumn(new TableColumn("value").RightAligned()).AddColumn("target").AddColumn("met").AddColumn("note");
        var machine = r.Machine;
        table.Title(Markup.Escape(string.Create(inv, $"{machine.Cpu}, {machine.Cores} cores, {machine.VectorIsa} ({machine.VectorBits}-bit vectors), {machine.Runtime}")));
        if (quick) table.Caption(Markup.Escape(QuickCaption));
        void Row(string measure, string value, string note = "", string target = "", bool? ok = null) =>
            table.AddRow(Markup.Escape(measure), Markup.Escape(value), Markup.Escape(target), ok is { } yes ? (yes ? "yes" : "[red]no[/]") : "", Markup.Escape(note));
        const string PeerJudged = "bench/peers/run.sh";
        Row("BS kernel, scalar", $"{r.Kernel.ScalarPerSec / 1e6:0.0} M options/s", "one core");
        Row("BS kernel, SIMD", $"{r.Kernel.SimdPerSec / 1e6:0.0} M options/s", "one core", string.Create(inv, $">= {BenchTargets.KernelSimdPerSec / 1e6:0} M/s"), met.Kernel);
        Row("Black-76 kernel, scalar", $"{r.Kernel.Black76ScalarPerSec / 1e6:0.0} M options/s", "one core");
        Row("Black-76 kernel, SIMD", $"{r.Kernel.Black76SimdPerSec / 1e6:0.0} M options/s", "one core");
        Row($"full backtest {r.FullBacktest.Preset}", $"{r.FullBacktest.Seconds:0.000} s", $"{r.FullBacktest.Valuations} valuations ({r.FullBacktest.SleeveValuations} of them the sleeves' strike searches), floor ratio {r.FullBacktest.FloorRatio:0.0}",
            string.Create(inv, $"floor ratio <= {BenchTargets.FloorRatio:0.0}"), met.FloorRatio);
        // The target is for a warm study: --quick times one cold run, which it does not judge.
        Row("study", $"{r.StudySeconds:0.000} s", quick ? "cold (--quick runs it once): not judged" : "warm", string.Create(inv, $"< {BenchTargets.StudySeconds:0} s warm"), quick ? null : met.Study);
        Row("canonical single", $"{c.SingleSeconds * 1e3:0.000} ms", string.Create(inv, $"{c.BarsPerSec / 1e6:0.00} M bars/s, final {c.Single.FinalValue:0.00}, {c.Single.Trades} trades, last MACD histogram {c.Single.MacdHistogram:0.######}"),
            string.Create(inv, $">= {BenchTargets.SingleShareOfNumba:0%} of numba's bars/s ({PeerJudged})"));
        Row("canonical buy-and-hold", string.Create(inv, $"{c.BuyHold.FinalValue:0.00}"), "final value");
        Row("canonical sweep", $"{c.SweepSeconds:0.000} s", string.Create(inv, $"{c.Sweep.Count} combos, {c.SweepBacktestsPerSec:0} backtests/s, best {c.SweepBestFinalValue:0.00}"),
            string.Create(inv, $">= numba's backtests/s ({PeerJudged})"));
        Row("canonical Monte Carlo", $"{c.MonteCarloSeconds:0.000} s", string.Create(inv, $"{c.MonteCarloPaths} paths, {c.MonteCarloPathsPerSec:0} paths/s, mean final {c.MonteCarloMeanFinalValue:0.00}"));
        var m = r.FullSystemMonteCarlo;
        Row($"full-system Monte Carlo {m.Preset}", $"{m.Seconds:0.000} s", string.Create(inv, $"{m.Paths} bootstrap paths of {m.Years:0} years with the DRIP baseline, {m.PathsPerSec:0.0} paths/s on {m.Threads} threads"),
            string.Create(inv, $">= {BenchTargets.FullSystemPathsPerSec:#,0} paths/s on 2 cores"), met.FullSystemMonteCarlo);
        context.Console.Write(table);
    }
}
