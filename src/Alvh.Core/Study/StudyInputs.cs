using Alvh.Engine;
using Alvh.MarketData;
using Alvh.Strategies;

namespace Alvh.Study;

/// <summary>What the study needs: the data, a way to run a strategy (the caller binds the market model), the rates and the period.</summary>
/// <param name="Data">Market data.</param>
/// <param name="Run">Runs one strategy over the study period.</param>
/// <param name="RiskFreeRate">Continuously compounded T-bill rate per trading day of the calendar (annual fraction).</param>
/// <param name="From">First day.</param>
/// <param name="To">Last day.</param>
/// <param name="ModelAssumptions">The market model's assumptions (printed with the results).</param>
/// <param name="Notes">Caveats to print.</param>
/// <param name="HighVixThreshold">VIX level of high-VIX days and episodes (default 25).</param>
/// <param name="CalmYearAverageVix">A full calendar year is calm when its average VIX close is below this (default 20, the top of the "normal" band).</param>
public sealed record StudyInputs(MarketDataSet Data, Func<StrategyDefinition, BacktestResult> Run, double[] RiskFreeRate, DateOnly From, DateOnly To,
    IReadOnlyList<Assumption> ModelAssumptions, IReadOnlyList<string> Notes, double HighVixThreshold = 25, double CalmYearAverageVix = 20)
{
    /// <summary>The benchmark of beta and alpha, a level per trading day of the calendar (the S&amp;P 500 total return; null: its price index).</summary>
    public double[]? Benchmark { get; init; }

    /// <summary>Runs in parallel at most (−1: all cores). Results never depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>
    /// Seed of the paired bootstraps of the verdict's comparisons (<see cref="Analytics.PairedBootstrap"/>): another seed
    /// shows how far the intervals' ends move with the resampling alone.
    /// </summary>
    public ulong BootstrapSeed { get; init; } = 1;

    /// <summary>Scenarios of the sensitivity analysis (empty to skip it).</summary>
    public IReadOnlyList<SensitivityScenario> Sensitivity { get; init; } = [];

    /// <summary>
    /// Scenarios whose rule is applied to the hedge alone (drip-alvh) instead of the full system (empty to skip them): the
    /// claim is the hedge's, and a rule that moves the full system's record (the hedge held to its roll) is read for it too.
    /// </summary>
    public IReadOnlyList<SensitivityScenario> HedgeSensitivity { get; init; } = [];

    /// <summary>Runs a strategy under a scenario's model settings; required when <see cref="Sensitivity"/> is not empty.</summary>
    public Func<SensitivityScenario, StrategyDefinition, BacktestResult>? RunScenario { get; init; }
}
