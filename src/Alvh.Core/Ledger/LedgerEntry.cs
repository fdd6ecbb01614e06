using Alvh.Engine;

namespace Alvh.Ledger;

/// <summary>
/// One append-only ledger line. Amounts are dollars in <c>double</c>, unrounded: fractional DRIP
/// shares make sub-cent amounts real, and the daily reconciliation (cash + marks = equity) is exact
/// only without rounding. Files print them with round-trip precision.
/// </summary>
/// <param name="Sequence">0-based position in the ledger.</param>
/// <param name="Date">Trading day of the entry.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Sleeve">Sleeve whose cash and positions change.</param>
/// <param name="Instrument">Instrument traded or settled; default for pure cash entries.</param>
/// <param name="Quantity">Shares or contracts (signed: + buy, − sell); 0 for cash entries.</param>
/// <param name="Price">Price per share or per point; 0 for cash entries.</param>
/// <param name="Cash">Cash change of the sleeve, dollars (signed).</param>
/// <param name="Reason">Why, in a few words (sleeve rule, settlement, dividend ex-date).</param>
public readonly record struct LedgerEntry(
    long Sequence,
    DateOnly Date,
    EntryKind Kind,
    string Sleeve,
    Instrument Instrument,
    double Quantity,
    double Price,
    double Cash,
    string Reason)
{
    /// <summary>True when the entry changes a position (fills, reinvestments, settlements).</summary>
    public bool MovesPosition => Moves(Kind, Quantity);

    /// <summary>True when an entry of <paramref name="kind"/> and <paramref name="quantity"/> changes a position.</summary>
    internal static bool Moves(EntryKind kind, double quantity) => quantity != 0 && kind is EntryKind.Fill or EntryKind.Reinvestment or EntryKind.Settlement;
}
