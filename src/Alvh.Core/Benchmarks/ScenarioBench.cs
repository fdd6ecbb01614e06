namespace Alvh.Benchmarks;

/// <summary>The full-system Monte Carlo as <c>alvh montecarlo</c> runs it: the preset and the DRIP baseline on block-bootstrapped paths.</summary>
/// <param name="Preset">Preset run on each path (with the DRIP baseline on the same path).</param>
/// <param name="Paths">Paths timed.</param>
/// <param name="Years">Years per path.</param>
/// <param name="Threads">Parallel paths.</param>
/// <param name="Seconds">Wall-clock time of the timed paths (data loaded, JIT warm), seconds.</param>
public readonly record struct ScenarioBench(string Preset, int Paths, double Years, int Threads, double Seconds)
{
    /// <summary>Paths per second.</summary>
    public double PathsPerSec => Paths / Seconds;
}
