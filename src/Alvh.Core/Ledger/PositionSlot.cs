namespace Alvh.Ledger;

/// <summary>
/// An open position as the engine walks it: the public <see cref="Position"/> plus the ledger's integer
/// indices of its sleeve and instrument, so the daily loop reads marks and cash by index instead of
/// hashing strings and instruments several times a bar.
/// </summary>
internal struct PositionSlot
{
    /// <summary>The position.</summary>
    public Position Position;

    /// <summary>Index of the sleeve in the ledger (order of first entry).</summary>
    public int Sleeve;

    /// <summary>Index of the instrument in the ledger's instrument table.</summary>
    public int Instrument;

    /// <summary>True while the slot holds an open position (closed slots are reused, most recent first).</summary>
    public bool Live;

    /// <summary>Next free slot when not live (−1 at the end of the free list).</summary>
    public int NextFree;

    /// <summary>
    /// Fees booked on the open position, dollars (its fills' fee entries since it opened; the cost basis holds the prices
    /// paid only).
    /// </summary>
    public double Fees;
}
