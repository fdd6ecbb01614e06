namespace Alvh.Benchmarks;

/// <summary>
/// The performance targets of issue #8 ("Performance: alvh bench, the canonical peer benchmark, parallel sweeps
/// with walk-forward, and Monte Carlo"), as numbers, so <c>alvh bench</c> can print each measured figure beside its
/// target and say whether this run met it. The two targets set against numba (single backtest, sweep) need the
/// peer's figure from the same machine and moment: <c>bench/peers/run.sh</c> judges those, and the sweep's peak
/// memory target needs two sweeps of their own.
/// </summary>
public static class BenchTargets
{
    /// <summary>
    /// Threads the sweep and the full-system Monte Carlo run on, as the issue sets their targets ("on 2 threads", "on 2
    /// cores"): a machine with more cores would otherwise meet them with more (fewer on a one-core machine, which says so
    /// in the threads it reports).
    /// </summary>
    public static int Threads => Math.Min(2, Environment.ProcessorCount);

    /// <summary>Batch Black–Scholes kernel with SIMD, options per second on one core: at least this.</summary>
    public const double KernelSimdPerSec = 35e6;

    /// <summary>Full-history backtest time over its floor (valuations × the SIMD kernel's cost per option): at most this.</summary>
    public const double FloorRatio = 1.5;

    /// <summary>The whole study, warm, seconds: under this.</summary>
    public const double StudySeconds = 1;

    /// <summary>Full-system 10-year Monte Carlo paths per second on 2 cores: at least this.</summary>
    public const double FullSystemPathsPerSec = 1_000;

    /// <summary>Canonical single backtest's bars per second as a share of the numba loop's: at least this.</summary>
    public const double SingleShareOfNumba = 0.5;

    /// <summary>Canonical sweep's backtests per second as a share of the numba sweep's on 2 threads: at least this.</summary>
    public const double SweepShareOfNumba = 1;

    /// <summary>Whether each target <c>alvh bench</c> can judge alone was met by <paramref name="report"/>.</summary>
    public static BenchVerdicts Judge(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new BenchVerdicts(
            report.Kernel.SimdPerSec >= KernelSimdPerSec,
            report.FullBacktest.FloorRatio <= FloorRatio,
            report.StudySeconds < StudySeconds,
            report.FullSystemMonteCarlo.PathsPerSec >= FullSystemPathsPerSec);
    }
}

/// <summary>The targets of <see cref="BenchTargets"/> that one <c>alvh bench</c> run can judge: met or not.</summary>
/// <param name="Kernel">SIMD kernel at least <see cref="BenchTargets.KernelSimdPerSec"/>.</param>
/// <param name="FloorRatio">Full backtest within <see cref="BenchTargets.FloorRatio"/> of its floor.</param>
/// <param name="Study">Study under <see cref="BenchTargets.StudySeconds"/>.</param>
/// <param name="FullSystemMonteCarlo">At least <see cref="BenchTargets.FullSystemPathsPerSec"/> full-system paths/s.</param>
public readonly record struct BenchVerdicts(bool Kernel, bool FloorRatio, bool Study, bool FullSystemMonteCarlo);
