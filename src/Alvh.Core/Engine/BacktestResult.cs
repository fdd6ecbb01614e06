using Alvh.Ledger;

namespace Alvh.Engine;

/// <summary>What a run produces.</summary>
/// <param name="Sleeves">Sleeve names, in column order.</param>
/// <param name="Daily">One record per trading day of the run.</param>
/// <param name="Trades">Every fill.</param>
/// <param name="Ledger">The append-only ledger.</param>
/// <param name="Dropped">Intents that could not be filled, with the reason.</param>
/// <param name="Assumptions">Engine, model and sleeve assumptions.</param>
/// <param name="OptionValuations">Option marks and fills priced by the model during the run.</param>
public sealed record BacktestResult(
    IReadOnlyList<string> Sleeves,
    IReadOnlyList<DailyRecord> Daily,
    IReadOnlyList<TradeRecord> Trades,
    TradeLedger Ledger,
    IReadOnlyList<string> Dropped,
    IReadOnlyList<Assumption> Assumptions,
    long OptionValuations);
