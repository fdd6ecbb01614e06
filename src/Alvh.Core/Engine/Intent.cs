namespace Alvh.Engine;

/// <summary>What a sleeve wants done; the engine fills it at the next tradable price and books it.</summary>
/// <param name="Sleeve">Sleeve asking.</param>
/// <param name="Instrument">Instrument to trade.</param>
/// <param name="Quantity">Signed quantity (+ buy, − sell). Buys are clipped to the sleeve's cash at the fill price, but for the part that closes a short (the obligation is owed whatever the cash).</param>
/// <param name="Reason">Rule that fired, for trades.csv.</param>
/// <param name="TransferTo">For a cash transfer: the receiving sleeve (then <paramref name="Amount"/> is used and the instrument ignored).</param>
/// <param name="Amount">Transfer amount, dollars.</param>
/// <param name="Combo">
/// 0, or a number shared by legs given one after another by one sleeve that form one order (a spread, a condor): they
/// fill together or not at all, at a net price within the order's payoff range at expiry (<see cref="ComboFill"/>),
/// scaled as a whole to the sleeve's cash unless the order buys back a short.
/// </param>
public readonly record struct Intent(string Sleeve, Instrument Instrument, double Quantity, string Reason, string? TransferTo = null, double Amount = 0, int Combo = 0)
{
    /// <summary>A cash transfer between sleeves.</summary>
    public static Intent Transfer(string from, string to, double amount, string reason) => new(from, default, 0, reason, to, amount);

    /// <summary>True for a cash transfer.</summary>
    public bool IsTransfer => TransferTo is not null;
}
