namespace Alvh.Data.Research;

/// <summary>What a sweep did.</summary>
/// <param name="Total">Runs in the sweep (grid or sample).</param>
/// <param name="Skipped">Runs found finished (resume).</param>
/// <param name="Made">Runs made now.</param>
/// <param name="Failed">Runs made now whose parameter set was rejected or whose backtest failed (recorded with an error).</param>
/// <param name="Seconds">Wall time of the runs, seconds.</param>
public sealed record SweepSummary(int Total, int Skipped, int Made, int Failed, double Seconds);
