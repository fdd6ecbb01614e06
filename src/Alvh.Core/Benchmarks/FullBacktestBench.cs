namespace Alvh.Benchmarks;

/// <summary>A full-history backtest against its physical floor.</summary>
/// <param name="Preset">Preset run.</param>
/// <param name="Seconds">Wall-clock time of the run (market model already calibrated), seconds.</param>
/// <param name="Valuations">Option valuations (marks, fills, settlements, the deltas of strike searches) the run made.</param>
/// <param name="FloorRatio">Seconds / (valuations × seconds per option of the SIMD Black–Scholes kernel): 1 is the floor.</param>
/// <param name="LedgerSha256">SHA-256 of the run's ledger (results must not move with speed work).</param>
public readonly record struct FullBacktestBench(string Preset, double Seconds, long Valuations, double FloorRatio, string LedgerSha256)
{
    /// <summary>Of <see cref="Valuations"/>, those the sleeves' strike searches made (<see cref="Engine.BacktestResult.SleeveValuations"/>).</summary>
    public long SleeveValuations { get; init; }
}
