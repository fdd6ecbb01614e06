namespace Alvh.Data.Research;

/// <summary>What a sweep did.</summary>
/// <param name="Total">Runs in the sweep (grid or sample).</param>
/// <param name="Skipped">Runs found finished (resume).</param>
/// <param name="Made">Runs made now.</param>
/// <param name="Failed">Runs made now whose parameter set was rejected or whose backtest failed (recorded with an error).</param>
/// <param name="Seconds">Wall time of the runs, seconds.</param>
/// <param name="Errors">The distinct reasons the failed runs were rejected for, the first <see cref="Sweep.ErrorsKept"/> met in run order, each with how many runs gave it: a rejected parameter set's reason ends with its values ("(values: ...)"), or the first such run's ("(values of the first: ...)") when several runs gave it.</param>
/// <param name="UnflushedParts">Parts whose folder could not be flushed to disk after their rename (<see cref="SweepStore.UnflushedParts"/>).</param>
/// <param name="FlushProblem">Why the first of them was not, or null.</param>
public sealed record SweepSummary(int Total, int Skipped, int Made, int Failed, double Seconds, IReadOnlyList<(string Error, int Runs)> Errors, int UnflushedParts = 0, string? FlushProblem = null);
