namespace Alvh.Benchmarks;

/// <summary>What <c>alvh bench</c> measures on the current machine (rates per second of wall-clock time).</summary>
/// <param name="Kernel">Batch Black–Scholes and Black-76 kernel rates on one core.</param>
/// <param name="FullBacktest">A full-history backtest of one preset.</param>
/// <param name="StudySeconds">The whole study (four presets, baselines, every window), seconds (warm unless quick).</param>
/// <param name="Canonical">The canonical peer benchmark.</param>
/// <param name="FullSystemMonteCarlo">The full system on simulated 10-year paths (the target: 1,000 paths/s on 2 cores).</param>
public sealed record BenchReport(KernelRates Kernel, FullBacktestBench FullBacktest, double StudySeconds, CanonicalBench Canonical, ScenarioBench FullSystemMonteCarlo)
{
    /// <summary>The machine measured (<see cref="MachineInfo.Current"/> unless set).</summary>
    public MachineInfo Machine { get; init; } = MachineInfo.Current();
}
