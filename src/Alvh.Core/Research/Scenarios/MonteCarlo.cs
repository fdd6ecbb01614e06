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
    /// Simulates <paramref name="paths"/> paths and runs both strategies on each; returns each path's outcomes and the
    /// statistics of its simulated market (<see cref="MarketStatistics"/>), in path order.
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
    public static (PathOutcome[] Strategy, PathOutcome[] Baseline, MarketStatistics[] Markets) Run(Func<ulong, ScenarioPath> generate, ScenarioAnchor anchor, StrategyDefinition strategy, StrategyDefinition baseline,
        int paths, int seed, int threads, ModelSettings? settings = null, Action<int>? pathsDone = null)
    {
        ArgumentNullException.ThrowIfNull(generate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(paths);
        var main = new PathOutcome[paths];
        var base_ = new PathOutcome[paths];
        var markets = new MarketStatistics[paths];
        int finished = 0;
        Parallel.For(0, paths, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, p =>
        {
            var (path, market) = PathMarket(generate, anchor, seed, p, settings);
            markets[p] = MarketStatistics.Of(path);
            main[p] = Outcome(market, strategy);
            base_[p] = ReferenceEquals(strategy, baseline) ? main[p] : Outcome(market, baseline);
            int done = Interlocked.Increment(ref finished);
            pathsDone?.Invoke(done);
        });
        return (main, base_, markets);
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
        var equity = result.EquityCurve();
        var dates = result.Dates();
        double years = (dates[^1].DayNumber - dates[0].DayNumber) / 365.25;
        // CAGR and terminal wealth from the same start, the capital deposited on the first day (the first close's
        // equity already carries that day's trading costs).
        double terminal = equity[^1] / strategy.Capital;
        return new PathOutcome(Math.Pow(terminal, 1 / years) - 1, Drawdowns.Maximum(equity, dates).Depth, terminal);
    }

    /// <summary>Share of paths whose maximum drawdown is worse than −<paramref name="threshold"/>, with its 95 % Wilson interval.</summary>
    public static Proportion DrawdownWorseThan(IReadOnlyList<PathOutcome> outcomes, double threshold)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        return Proportion.Wilson(outcomes.Count(o => o.MaxDrawdown < -threshold), outcomes.Count);
    }

    private static PathOutcome Outcome(MarketContext market, StrategyDefinition strategy) => Outcome(market.Run(strategy), strategy);
}
