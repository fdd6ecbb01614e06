using Alvh.Ledger;

namespace Alvh.Benchmarks;

/// <summary>The outcome of one canonical backtest.</summary>
/// <param name="FinalValue">Cash + shares × last close, dollars.</param>
/// <param name="Trades">Fills booked.</param>
/// <param name="Bars">Bars run.</param>
/// <param name="Ledger">The run's ledger.</param>
public readonly record struct CanonicalRun(double FinalValue, int Trades, int Bars, TradeLedger Ledger)
{
    /// <summary>SHA-256 of the run's ledger (hashed when asked: a sweep or simulation never asks).</summary>
    public string LedgerSha256 => Ledger.Sha256();
}
