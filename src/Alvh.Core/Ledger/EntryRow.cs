namespace Alvh.Ledger;

/// <summary>
/// The numbers of one ledger entry as stored (<see cref="EntryRows"/>): its day, kind, the ledger's indices of
/// its sleeve and instrument (<see cref="TradeLedger.NoInstrument"/> for a pure cash entry) and its amounts.
/// </summary>
internal struct EntryRow
{
    public double Quantity;
    public double Price;
    public double Cash;
    public int DayNumber;
    public int Sleeve;
    public int Instrument;
    public EntryKind Kind;
}
