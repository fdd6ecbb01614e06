using Alvh.Engine;
using Alvh.MarketData;

namespace Alvh.Benchmarks;

/// <summary>
/// Runs the canonical peer benchmark through the real engine (ledger, reconciliation and all), the
/// way a user's strategy runs: the single SMA cross, buy-and-hold, the 484-combination sweep and the
/// GBM Monte Carlo. Parallel runs write their results by index, so outcomes do not depend on the
/// number of threads.
/// </summary>
/// <remarks>
/// The engine's rules meet the benchmark's: next-bar fills at the open; no costs (commission 0,
/// half-spread 0 bp); no interest (no rate series) and no dividends. One engine rule the benchmark
/// leaves open: a buy that costs more than the cash at the fill (the open gapped up more than 1% above
/// the decision close) is clipped to the whole shares the cash buys at the open — the peers do the same.
/// </remarks>
public static class CanonicalBenchmark
{
    /// <summary>Daily drift of the Monte Carlo paths.</summary>
    public const double MonteCarloDrift = 0.0003;

    /// <summary>Daily volatility of the Monte Carlo paths.</summary>
    public const double MonteCarloVolatility = 0.011;

    /// <summary>Bars per Monte Carlo path.</summary>
    public const int MonteCarloBars = 9_000;

    /// <summary>Puts the bars (daily OHLC) in a data set whose calendar is the bars' own dates.</summary>
    public static MarketDataSet DataSet(DailySeries bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        if (bars.Open is null) throw new ArgumentException("the canonical bars need opens (fills are at the next open)", nameof(bars));
        var series = new DailySeries(CanonicalRules.SeriesId, bars.File, bars.Dates, bars.Close, bars.Open, bars.High, bars.Low, bars.Volume);
        return new MarketDataSet("canonical", new TradingCalendar(bars.Dates), [series], null, [], null, null, null, [], [], []);
    }

    /// <summary>The benchmark's price model: close marks, next-open fills, no commission, no spread.</summary>
    public static IPriceModel PriceModel(MarketDataSet data) =>
        new EquityPriceModel(data, new Dictionary<string, string> { [CanonicalRules.Symbol] = CanonicalRules.SeriesId }, commissionPerShare: 0, halfSpreadBps: 0);

    /// <summary>The benchmark's engine settings: 1,000,000 cash, next-bar fills, no rates, no dividends.</summary>
    public static BacktestConfig Config { get; } = new() { InitialCapital = CanonicalRules.InitialCash, FillTiming = FillTiming.NextBar };

    /// <summary>Runs one sleeve over all the bars of <paramref name="data"/>.</summary>
    /// <param name="data">Bars.</param>
    /// <param name="prices">Price model.</param>
    /// <param name="sleeve">The sleeve (one per run: it holds indicator state).</param>
    /// <param name="buffers">A worker's daily columns, ledger rows and trade rows, reused from its previous run (the outcome keeps its trade count as a number and none of the columns; its ledger's entries are readable until the next run on the buffers, unless they keep records), or null.</param>
    public static CanonicalRun Run(MarketDataSet data, IPriceModel prices, ISleeve sleeve, RunBuffers? buffers = null)
    {
        var result = BacktestEngine.Run(data, [sleeve], prices, Config, buffers);
        double histogram = sleeve switch
        {
            SmaCrossSleeve cross => cross.MacdHistogram,
            BuyAndHoldSleeve hold => hold.MacdHistogram,
            _ => double.NaN,
        };
        return new CanonicalRun(result.FinalEquity, result.Trades.Count, result.Daily.Count, result.Ledger, histogram);
    }

    /// <summary>The sweep grid: fast ∈ {5, 10, …, 100} × slow ∈ {50, 60, …, 300} with fast &lt; slow (484 pairs), fast-major.</summary>
    public static IReadOnlyList<(int Fast, int Slow)> SweepGrid()
    {
        var grid = new List<(int, int)>();
        for (int fast = 5; fast <= 100; fast += 5)
        {
            for (int slow = 50; slow <= 300; slow += 10)
            {
                if (fast < slow) grid.Add((fast, slow));
            }
        }
        return grid;
    }

    /// <summary>
    /// Runs the SMA cross for every pair of <paramref name="grid"/> in parallel; results in grid order. Each worker
    /// reuses its daily columns, ledger rows and trade rows from run to run (<see cref="RunBuffers"/>), as
    /// <c>alvh sweep</c>'s workers do.
    /// </summary>
    /// <param name="data">Bars.</param>
    /// <param name="prices">Price model (shared: it is immutable).</param>
    /// <param name="grid">Pairs of (fast, slow) periods.</param>
    /// <param name="threads">Maximum parallel runs; −1 for all cores.</param>
    public static SweepPoint[] Sweep(MarketDataSet data, IPriceModel prices, IReadOnlyList<(int Fast, int Slow)> grid, int threads = -1)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var results = new SweepPoint[grid.Count];
        Parallel.For(0, grid.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, () => new RunBuffers(), (i, _, buffers) =>
        {
            var (fast, slow) = grid[i];
            var run = Run(data, prices, new SmaCrossSleeve(fast, slow), buffers);
            results[i] = new SweepPoint(fast, slow, run.FinalValue, run.Trades);
            return buffers;
        }, _ => { });
        return results;
    }

    /// <summary>
    /// Runs the default SMA cross over <paramref name="paths"/> GBM paths (<see cref="GbmPaths"/>) of
    /// <paramref name="bars"/> bars in parallel; returns each path's run, in path order. Each worker reuses its runs'
    /// columns, ledger rows and trade rows (<see cref="RunBuffers"/>), so a path's ledger entries can be read only with
    /// <paramref name="keepRecords"/>.
    /// </summary>
    public static CanonicalRun[] MonteCarlo(int paths, ulong seed = 1, int bars = MonteCarloBars, int threads = -1, bool keepRecords = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(paths);
        ArgumentOutOfRangeException.ThrowIfLessThan(bars, CanonicalRules.SlowPeriod + 1);
        var dates = WeekdaysFrom(new DateOnly(2000, 1, 3), bars);
        var calendar = new TradingCalendar(dates);
        var results = new CanonicalRun[paths];
        Parallel.For(0, paths, new ParallelOptions { MaxDegreeOfParallelism = threads }, () => new PathWorker(bars, keepRecords), (p, _, worker) =>
        {
            // The generator writes every bar of the worker's arrays; a path's outcome keeps none of them (its ledger
            // holds the fills' prices as numbers), so the next path may overwrite them.
            GbmPaths.Fill(seed, p, MonteCarloDrift, MonteCarloVolatility, worker.Open, worker.Close);
            var series = new DailySeries(CanonicalRules.SeriesId, $"gbm-{p}", dates, worker.Close, worker.Open);
            var data = new MarketDataSet("monte-carlo", calendar, [series], null, [], null, null, null, [], [], []);
            results[p] = Run(data, PriceModel(data), new SmaCrossSleeve(), worker.Buffers);
            return worker;
        }, _ => { });
        return results;
    }

    /// <summary>A Monte Carlo worker's arrays, reused from path to path: the bars' opens and closes, and the run's daily columns (and its ledger rows and trade rows, unless it keeps records).</summary>
    private sealed class PathWorker(int bars, bool keepRecords)
    {
        public double[] Open { get; } = GC.AllocateUninitializedArray<double>(bars);

        public double[] Close { get; } = GC.AllocateUninitializedArray<double>(bars);

        public RunBuffers Buffers { get; } = new(reuseRecords: !keepRecords);
    }

    /// <summary>Monday-to-Friday dates from <paramref name="first"/> (the Monte Carlo calendar; only the order matters).</summary>
    private static DateOnly[] WeekdaysFrom(DateOnly first, int count)
    {
        var dates = new DateOnly[count];
        var d = first;
        for (int i = 0; i < count; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) dates[i++] = d;
        }
        return dates;
    }
}
