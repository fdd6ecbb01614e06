namespace Alvh.Benchmarks;

/// <summary>The outcome of one canonical backtest.</summary>
/// <param name="FinalValue">Cash + shares × last close, dollars.</param>
/// <param name="Trades">Fills booked.</param>
/// <param name="Bars">Bars run.</param>
/// <param name="LedgerSha256">SHA-256 of the run's ledger.</param>
public readonly record struct CanonicalRun(double FinalValue, int Trades, int Bars, string LedgerSha256);
