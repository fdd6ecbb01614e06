namespace Alvh.Benchmarks;

/// <summary>The canonical peer benchmark's timings and results.</summary>
/// <param name="Single">The SMA(50/200) cross: best-of-N time of one backtest.</param>
/// <param name="SingleSeconds">Seconds of one single backtest (best of the repeats).</param>
/// <param name="BuyHold">Buy-and-hold.</param>
/// <param name="Sweep">The sweep's points, in grid order.</param>
/// <param name="SweepSeconds">Wall-clock seconds of the whole sweep (on <see cref="BenchTargets.Threads"/> threads).</param>
/// <param name="MonteCarloPaths">Paths run.</param>
/// <param name="MonteCarloSeconds">Wall-clock seconds of the Monte Carlo (on <see cref="BenchTargets.Threads"/> threads).</param>
/// <param name="MonteCarloMeanFinalValue">Mean final value over the paths, dollars (to compare with the peers' paths).</param>
public sealed record CanonicalBench(CanonicalRun Single, double SingleSeconds, CanonicalRun BuyHold, IReadOnlyList<SweepPoint> Sweep, double SweepSeconds,
    int MonteCarloPaths, double MonteCarloSeconds, double MonteCarloMeanFinalValue)
{
    /// <summary>Bars per second of the single backtest.</summary>
    public double BarsPerSec => Single.Bars / SingleSeconds;

    /// <summary>Backtests per second of the sweep.</summary>
    public double SweepBacktestsPerSec => Sweep.Count / SweepSeconds;

    /// <summary>The sweep's best final value, dollars.</summary>
    public double SweepBestFinalValue => Sweep.Count == 0 ? double.NaN : Sweep.Max(p => p.FinalValue);

    /// <summary>Monte Carlo paths per second.</summary>
    public double MonteCarloPathsPerSec => MonteCarloPaths / MonteCarloSeconds;
}
