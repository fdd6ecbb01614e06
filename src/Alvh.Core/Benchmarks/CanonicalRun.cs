using Alvh.Ledger;

namespace Alvh.Benchmarks;

/// <summary>The outcome of one canonical backtest.</summary>
/// <param name="FinalValue">Cash + shares × last close, dollars.</param>
/// <param name="Trades">Fills booked.</param>
/// <param name="Bars">Bars run.</param>
/// <param name="Ledger">The run's ledger (its entries unreadable after the next run on the same <see cref="Engine.RunBuffers"/>, unless those keep records).</param>
/// <param name="MacdHistogram">
/// The sleeve's MACD(12,26,9) histogram at the last bar (NaN for a sleeve that is not one of the canonical ones):
/// the workload-parity indicator, which no rule reads, made observable so that the peers can be checked to
/// compute it too (bench/peers/run.sh compares it).
/// </param>
public readonly record struct CanonicalRun(double FinalValue, int Trades, int Bars, TradeLedger Ledger, double MacdHistogram)
{
    /// <summary>SHA-256 of the run's ledger (hashed when asked: a sweep or simulation never asks).</summary>
    public string LedgerSha256 => Ledger.Sha256();
}
