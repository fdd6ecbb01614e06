using Alvh.Research;

namespace Alvh.Data.Research;

/// <summary>What a sweep runs and where it writes.</summary>
public sealed record SweepRequest
{
    /// <summary>The grid.</summary>
    public required ParameterGrid Grid { get; init; }

    /// <summary>The base strategy and its key-path setter.</summary>
    public required StrategyPatch Strategy { get; init; }

    /// <summary>
    /// Runs one strategy and returns its metrics (<see cref="RunMetrics.Names"/> order); called concurrently, each runner
    /// with its own <see cref="Alvh.Engine.RunBuffers"/> for the run's daily columns (the run's result must not outlive the call).
    /// </summary>
    public required Func<Alvh.Strategies.StrategyDefinition, Alvh.Engine.RunBuffers, double[]> Evaluate { get; init; }

    /// <summary>Output folder.</summary>
    public required string Folder { get; init; }

    /// <summary>Text identifying the sweep (strategy, grid, sample, period); a resume must match it.</summary>
    public required string Manifest { get; init; }

    /// <summary>
    /// True for a folder's manifest that is this sweep as an earlier version wrote it (a resume accepts it as well as
    /// <see cref="Manifest"/>, and keeps it); null when no other form is the same sweep.
    /// </summary>
    public Func<string, bool>? SameSweepAsWrittenBefore { get; init; }

    /// <summary>Continue a sweep in <see cref="Folder"/> instead of starting one.</summary>
    public bool Resume { get; init; }

    /// <summary>Random sample size, or null for the full grid.</summary>
    public int? Sample { get; init; }

    /// <summary>Seed of the sample.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Parallel runs (all cores by default).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Results per Parquet part (the most a kill can lose).</summary>
    public int FlushEvery { get; init; } = 64;

    /// <summary>Stop after this many new runs (tests simulate an interrupted sweep with it), or null.</summary>
    public int? StopAfter { get; init; }

    /// <summary>Tests only: flushes the folder after a part's rename in place of <see cref="Alvh.Data.Output.DirectorySync.Flush"/>.</summary>
    internal Func<string, string?>? FlushFolder { get; init; }

    /// <summary>Tests only: awaited before each part is written (on the write's own task), to hold a write in flight.</summary>
    internal Func<IReadOnlyList<SweepRow>, Task>? BeforeWrite { get; init; }
}
