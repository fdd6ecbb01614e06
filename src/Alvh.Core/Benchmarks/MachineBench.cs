using System.Diagnostics;
using Alvh.MarketData;
using Alvh.Pricing;
using Alvh.Runs;
using Alvh.Strategies;
using Alvh.Study;

namespace Alvh.Benchmarks;

/// <summary>
/// The measurements of <c>alvh bench</c>, each warmed up first and timed with a monotonic stopwatch
/// (wall-clock time is the measured quantity, so it is read here rather than injected). Rates depend on
/// the machine and its load; results (final values, hashes) do not.
/// </summary>
public static class MachineBench
{
    private const int KernelBatch = 4096;

    /// <summary>Canonical Monte Carlo paths (issue #8).</summary>
    public const int CanonicalPaths = 1000;

    /// <summary>Canonical Monte Carlo paths under <c>--quick</c>.</summary>
    public const int QuickCanonicalPaths = 100;

    /// <summary>Full-system Monte Carlo paths.</summary>
    public const int FullSystemPaths = 200;

    /// <summary>Full-system Monte Carlo paths under <c>--quick</c>.</summary>
    public const int QuickFullSystemPaths = 8;

    /// <summary>Seconds each kernel is timed (after 0.3 s of warm-up), and under <c>--quick</c>.</summary>
    public const double KernelSeconds = 0.5, QuickKernelSeconds = 0.05;

    /// <summary>
    /// Runs every measurement: the kernels and the canonical benchmark first, then the real market is loaded
    /// for the full backtest and the study. The canonical runs so see the heap a user's own bars would (the
    /// whole history's market, kept alive through them, made each of their collections several times dearer).
    /// </summary>
    /// <param name="bars">The canonical bars (daily OHLC).</param>
    /// <param name="market">Loads and calibrates the market of the real data.</param>
    /// <param name="quick">Fewer repeats, 100 canonical Monte Carlo paths and 8 full-system ones (seconds instead of a minute).</param>
    public static BenchReport Run(DailySeries bars, Func<MarketContext> market, bool quick)
    {
        ArgumentNullException.ThrowIfNull(market);
        var kernel = Kernels(quick ? QuickKernelSeconds : KernelSeconds);
        var canonical = Canonical(bars, quick ? 3 : 10, quick ? QuickCanonicalPaths : CanonicalPaths);
        var real = market();
        var full = FullBacktest(real, Presets.DripCondorAlvh, kernel.SimdPerSec, quick ? 0 : 3, quick ? 1 : 5);
        double study = Study(real, warm: !quick);
        var scenarios = FullSystemMonteCarlo(real, Presets.DripCondorAlvh, quick ? QuickFullSystemPaths : FullSystemPaths, quick ? 0 : 3, quick ? 1 : 2);
        return new BenchReport(kernel, full, study, canonical, scenarios);
    }

    /// <summary>
    /// Times <paramref name="paths"/> 10-year block-bootstrap paths of <paramref name="preset"/> and the DRIP baseline on
    /// <see cref="BenchTargets.Threads"/> threads (the target's 2 cores), as <c>alvh montecarlo</c> runs them (seed 1; each
    /// path builds its own market): the best of <paramref name="times"/> after <paramref name="warmSeconds"/> of untimed
    /// 24-path runs (seed 2). Warmed up by time, as the other measurements: after 24 untimed paths the JIT's optimised,
    /// profile-guided tier had not yet reached the engine, and the first 200 timed paths ran 30-50% slower than the next.
    /// </summary>
    public static ScenarioBench FullSystemMonteCarlo(MarketContext market, StrategyDefinition preset, int paths, double warmSeconds, int times)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(preset);
        const double years = 10;
        var anchor = Research.Scenarios.ScenarioAnchor.From(market);
        var days = Research.Scenarios.ScenarioCalendar.Days(anchor.LastHistoricalDay, years);
        var bootstrap = new Research.Scenarios.BlockBootstrap(Research.Scenarios.HistoricalDays.From(market.Data, new DateOnly(1990, 1, 2)), anchor);
        int threads = BenchTargets.Threads;
        Research.Scenarios.MonteCarloPaths Paths(int count, int seed) =>
            Research.Scenarios.MonteCarlo.Run(s => bootstrap.Generate(days, s), anchor, preset, Presets.Drip, count, seed, threads);
        var (_, seconds) = BestOf(() => Paths(paths, 1), warmSeconds, times, () => Paths(24, 2));
        return new ScenarioBench(preset.Name, paths, years, threads, seconds);
    }

    /// <summary>Batch kernel rates on one core: options priced per second over at least <paramref name="seconds"/> per kernel.</summary>
    public static KernelRates Kernels(double seconds)
    {
        var batch = OptionBatch.Random(KernelBatch);
        double Rate(Action price)
        {
            // Warm-up by time: the tiered JIT replaces the first, unoptimised code of a vector loop only after it
            // has run a while (50 calls were not enough: the SIMD kernel then measured slower than the scalar one).
            var warm = Stopwatch.StartNew();
            do price();
            while (warm.Elapsed.TotalSeconds < 0.3);
            long priced = 0;
            var clock = Stopwatch.StartNew();
            do
            {
                for (int i = 0; i < 20; i++) price();
                priced += 20L * KernelBatch;
            }
            while (clock.Elapsed.TotalSeconds < seconds);
            return priced / clock.Elapsed.TotalSeconds;
        }
        return new KernelRates(
            Rate(batch.BlackScholesScalar),
            Rate(batch.BlackScholesSimd),
            Rate(batch.Black76Scalar),
            Rate(batch.Black76Simd));
    }

    /// <summary>
    /// Times a full-history run of <paramref name="preset"/> (its default period): the best of <paramref name="repeats"/>
    /// after <paramref name="warmupSeconds"/> of untimed runs (the JIT's optimised tiers — a method is recompiled
    /// optimised only after it has run a while — and the market's memoised listing rules are warm).
    /// </summary>
    public static FullBacktestBench FullBacktest(MarketContext market, StrategyDefinition preset, double kernelPerSec, double warmupSeconds, int repeats)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(preset);
        var (result, seconds) = BestOf(() => market.Run(preset), warmupSeconds, repeats);
        double floor = result.OptionValuations / kernelPerSec;
        return new FullBacktestBench(preset.Name, seconds, result.OptionValuations, seconds / floor, result.Ledger.Sha256()) { SleeveValuations = result.SleeveValuations };
    }

    /// <summary>Times the whole study as <c>alvh study</c> runs it (from the VIX options launch to the default end): warm = best of three after three seconds of untimed runs.</summary>
    public static double Study(MarketContext market, bool warm)
    {
        ArgumentNullException.ThrowIfNull(market);
        var period = market.DefaultPeriod();
        var from = period.From > Engine.Options.ListingRules.VixOptionsLaunch ? period.From : Engine.Options.ListingRules.VixOptionsLaunch;
        var inputs = new StudyInputs(market.Data, s => market.Run(s, from, period.To), market.Rates, from, period.To, [.. market.Options.Assumptions], []) { Benchmark = market.SpxTotalReturn };
        return BestOf(() => StudyEngine.Run(inputs), warm ? 3 : 0, warm ? 3 : 1).Seconds;
    }

    /// <summary>The canonical benchmark: single (best of <paramref name="repeats"/>), buy-and-hold, sweep and Monte Carlo.</summary>
    public static CanonicalBench Canonical(DailySeries bars, int repeats, int paths)
    {
        var data = CanonicalBenchmark.DataSet(bars);
        var prices = CanonicalBenchmark.PriceModel(data);
        // Warm-up by time (3 s: the JIT needs about that to finish its optimised, profile-guided tier for the
        // loop and its callees), so the timed runs are the steady state.
        var (single, best) = BestOf(() => CanonicalBenchmark.Run(data, prices, new SmaCrossSleeve()), repeats < 10 ? 0.1 : 3, repeats);
        var buyHold = CanonicalBenchmark.Run(data, prices, new BuyAndHoldSleeve());

        // The sweep and the Monte Carlo are warmed up the same way (their parallel loops and the path generator
        // run the JIT's first tiers at first; the peers compile theirs before timing), then timed as the best of
        // ten runs, as the single run is the best of several and as bench/peers/canonical_numba.py times its own
        // (this VM's speed drifts within seconds: the best of more runs is closer to the uncontended speed).
        var grid = CanonicalBenchmark.SweepGrid();
        int timed = repeats < 10 ? 1 : 10;
        double warmSeconds = repeats < 10 ? 0.1 : 2;
        var (sweep, sweepSeconds) = BestOf(() => CanonicalBenchmark.Sweep(data, prices, grid, BenchTargets.Threads), warmSeconds, timed);
        var (mc, mcSeconds) = BestOf(() => CanonicalBenchmark.MonteCarlo(paths, threads: BenchTargets.Threads), warmSeconds, timed,
            () => CanonicalBenchmark.MonteCarlo(Math.Min(paths, 8 * Environment.ProcessorCount), threads: BenchTargets.Threads));
        double mean = mc.Length == 0 ? double.NaN : mc.Average(r => r.FinalValue);
        return new CanonicalBench(single, best, buyHold, sweep, sweepSeconds, paths, mcSeconds, mean);
    }

    /// <summary>
    /// Runs <paramref name="warm"/> (default: <paramref name="run"/>) for <paramref name="warmSeconds"/> (not at all
    /// for 0), then <paramref name="run"/> <paramref name="times"/> times (at least once); the fastest run's result
    /// and seconds. Every timing of this class goes through it but the kernels' rates.
    /// </summary>
    private static (T Result, double Seconds) BestOf<T>(Func<T> run, double warmSeconds, int times, Func<T>? warm = null)
    {
        var warmup = Stopwatch.StartNew();
        while (warmup.Elapsed.TotalSeconds < warmSeconds) (warm ?? run)();
        T result = default!;
        double best = double.MaxValue;
        for (int i = 0; i < Math.Max(1, times); i++)
        {
            var clock = Stopwatch.StartNew();
            result = run();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return (result, best);
    }
}
