using Alvh.Research;

namespace Alvh.Data.Research;

/// <summary>One finished run of a sweep: its id, parameter values, metrics (<see cref="RunMetrics.Names"/> order) and error (null when it ran).</summary>
/// <param name="RunId">Position in the grid.</param>
/// <param name="Values">One value per grid axis.</param>
/// <param name="Metrics">The metrics, NaN when the run failed.</param>
/// <param name="Error">Why the run could not be made, or null.</param>
public sealed record SweepRow(long RunId, GridValue[] Values, double[] Metrics, string? Error);
