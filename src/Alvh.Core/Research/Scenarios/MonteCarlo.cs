using Alvh.Analytics;
using Alvh.Engine;
using Alvh.Runs;
using Alvh.Strategies;

namespace Alvh.Research.Scenarios;

/// <summary>
/// Runs a strategy and a baseline on the same simulated paths. Path p uses the seed
/// <see cref="Seeds.Derive"/>(seed, p) and writes only its own slot, so the outcomes are the same for any
/// number of threads.
/// </summary>
public static class MonteCarlo
{
    /// <summary>
    /// Simulates <paramref name="paths"/> paths and runs both strategies on each; returns, in path order, each path's
    /// outcomes, those of the baseline de-levered to the strategy's volatility on that path (<see cref="SameVolatility"/>)
    /// and the statistics of its simulated market (<see cref="MarketStatistics"/>).
    /// </summary>
    /// <param name="generate">The generator: a path from its seed.</param>
    /// <param name="anchor">The anchor the paths start from.</param>
    /// <param name="strategy">The strategy.</param>
    /// <param name="baseline">The baseline (usually <c>drip</c>).</param>
    /// <param name="paths">Number of paths.</param>
    /// <param name="seed">User seed.</param>
    /// <param name="threads">Parallel paths.</param>
    /// <param name="settings">Model settings (the VX fit window is set per path).</param>
    /// <param name="pathsDone">Called after each path with the number of paths finished so far (from the parallel workers, in any order).</param>
    public static MonteCarloPaths Run(Func<ulong, ScenarioPath> generate, ScenarioAnchor anchor, StrategyDefinition strategy, StrategyDefinition baseline,
        int paths, int seed, int threads, ModelSettings? settings = null, Action<int>? pathsDone = null)
    {
        ArgumentNullException.ThrowIfNull(generate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(paths);
        var main = new PathOutcome[paths];
        var base_ = new PathOutcome[paths];
        var sameVolatility = new PathOutcome[paths];
        var weights = new double[paths];
        var matched = new bool[paths];
        var markets = new MarketStatistics[paths];
        int finished = 0;
        // Each worker reuses the daily columns, ledger rows and trade rows of its two runs from path to path (RunBuffers):
        // a path keeps only numbers.
        Parallel.For(0, paths, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, () => (Strategy: new RunBuffers(), Baseline: new RunBuffers()), (p, _, buffers) =>
        {
            var (path, market) = PathMarket(generate, anchor, seed, p, settings);
            markets[p] = MarketStatistics.Of(path);
            var run = market.Run(strategy, buffers: buffers.Strategy);
            var baseRun = ReferenceEquals(strategy, baseline) ? run : market.Run(baseline, buffers: buffers.Baseline);
            main[p] = Outcome(run, strategy);
            base_[p] = ReferenceEquals(strategy, baseline) ? main[p] : Outcome(baseRun, baseline);
            (sameVolatility[p], weights[p], matched[p]) = SameVolatility(market, run, baseRun, baseline);
            int done = Interlocked.Increment(ref finished);
            pathsDone?.Invoke(done);
            return buffers;
        }, _ => { });
        return new MonteCarloPaths(main, base_, sameVolatility, weights, matched, markets);
    }

    /// <summary>
    /// The baseline de-levered to the strategy's volatility on one path, as the study's <c>drip-same-vol</c>: its daily
    /// returns mixed with the path's T-bill returns, w·r_baseline + (1 − w)·r_bill rebalanced daily, w the weight whose
    /// mix has the strategy's annualised volatility (<see cref="DeleveredBaseline.WeightForVolatility"/>), compounded from
    /// the baseline's first close; its outcome measured as <see cref="Outcome(BacktestResult, StrategyDefinition)"/> does.
    /// Where no weight in [0, 1] reaches that volatility (<c>Matched</c> false), the nearest end stands in: w = 1, the
    /// baseline itself, for a strategy more volatile than it (no leverage), w = 0 for one calmer than the bills. Leaving
    /// those paths out would pick the paths by their outcome. Without this baseline, a hedge that holds cash looks better
    /// than the baseline by its cash alone.
    /// </summary>
    public static (PathOutcome Outcome, double Weight, bool Matched) SameVolatility(MarketContext market, BacktestResult strategy, BacktestResult baseline, StrategyDefinition baselineDefinition)
    {
        ArgumentNullException.ThrowIfNull(baselineDefinition);
        var (curve, dates, weight, matched) = SameVolatilityCurve(market, strategy, baseline);
        return (Outcome(curve, dates, baselineDefinition.Capital), weight, matched);
    }

    /// <summary>The daily equity of <see cref="SameVolatility"/>'s baseline on the baseline's dates, its weight, and whether it reached the strategy's volatility.</summary>
    public static (double[] Equity, DateOnly[] Dates, double Weight, bool Matched) SameVolatilityCurve(MarketContext market, BacktestResult strategy, BacktestResult baseline)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(baseline);
        var dates = baseline.Dates();
        if (!strategy.Dates().AsSpan().SequenceEqual(dates)) throw new ArgumentException("the strategy and its baseline ran on different days", nameof(baseline));
        var equity = baseline.EquityCurve();
        var baseReturns = Returns.Simple(equity);
        double volatility = SampleStatistics.AnnualisedVolatility(Returns.Simple(strategy.EquityCurve()));
        var bills = RunSeries.BillReturnsFor(market.Data, market.Rates, dates, market.RateGrowth).AsSpan(1);
        // A weight above 1 by rounding only (the baseline against itself) is 1.
        var fit = DeleveredBaseline.WeightForVolatility(baseReturns, bills, volatility, maxWeight: 1 + 1e-9);
        bool matched = !double.IsNaN(fit.Weight);
        double weight = matched ? Math.Min(1, fit.Weight) : volatility >= SampleStatistics.AnnualisedVolatility(baseReturns) ? 1 : 0;
        // All in the baseline: its own curve, to the bit (compounded again from its returns it differed in the last bits,
        // and the paired counts took that noise for shallower or deeper drawdowns).
        if (weight == 1) return (equity, dates, weight, matched);
        var mixed = new double[baseReturns.Length];
        DeleveredBaseline.MixReturns(baseReturns, bills, weight, mixed);
        var curve = new double[equity.Length];
        curve[0] = equity[0];
        for (int k = 1; k < curve.Length; k++) curve[k] = curve[k - 1] * (1 + mixed[k - 1]);
        return (curve, dates, weight, matched);
    }

    /// <summary>
    /// Path <paramref name="p"/> of a run with <paramref name="seed"/> and its market, built as <see cref="Run"/> builds
    /// them: to look at one path again (its simulated market, every trade on it) without running the others.
    /// </summary>
    public static (ScenarioPath Path, MarketContext Market) PathMarket(Func<ulong, ScenarioPath> generate, ScenarioAnchor anchor, int seed, int p, ModelSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(generate);
        ArgumentOutOfRangeException.ThrowIfNegative(p);
        var path = generate(Seeds.Derive(seed, p));
        var (data, model) = ScenarioMarket.Build(path, anchor, settings);
        return (path, MarketContext.Build(data, model));
    }

    /// <summary>The outcome of <paramref name="strategy"/>'s <paramref name="result"/> on a path, as <see cref="Run"/> measures it.</summary>
    public static PathOutcome Outcome(BacktestResult result, StrategyDefinition strategy)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(strategy);
        return Outcome(result.EquityCurve(), result.Dates(), strategy.Capital);
    }

    internal static PathOutcome Outcome(double[] equity, DateOnly[] dates, double capital)
    {
        double years = (dates[^1].DayNumber - dates[0].DayNumber) / 365.25;
        // CAGR and terminal wealth from the same start, the capital deposited on the first day (the first close's
        // equity already carries that day's trading costs).
        double terminal = equity[^1] / capital;
        // A ruined path (no wealth left, or a debt) has no real CAGR: it counts as all lost, where a NaN was left out of
        // every distribution (a 30-year condor run whose buy-backs were once clipped to the cash dropped 12 of 100 paths).
        double cagr = terminal > 0 ? Math.Pow(terminal, 1 / years) - 1 : -1;
        return new PathOutcome(cagr, Drawdowns.Maximum(equity, dates).Depth, terminal);
    }

    /// <summary>Share of paths whose maximum drawdown is worse than −<paramref name="threshold"/>, with its 95 % Wilson interval.</summary>
    public static Proportion DrawdownWorseThan(IReadOnlyList<PathOutcome> outcomes, double threshold)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        return Proportion.Wilson(outcomes.Count(o => o.MaxDrawdown < -threshold), outcomes.Count);
    }

}
