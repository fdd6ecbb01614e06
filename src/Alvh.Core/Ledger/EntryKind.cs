namespace Alvh.Ledger;

/// <summary>Kinds of ledger entry.</summary>
public enum EntryKind
{
    /// <summary>Initial capital or an external contribution (positive) or withdrawal (negative).</summary>
    Deposit,

    /// <summary>A trade: quantity at a price; cash moves by −quantity × price × multiplier.</summary>
    Fill,

    /// <summary>Commissions, exchange fees: cash out.</summary>
    Fee,

    /// <summary>Dividend cash received on the pay date.</summary>
    Dividend,

    /// <summary>Shares bought with dividend cash by a DRIP plan.</summary>
    Reinvestment,

    /// <summary>An option expiring: the position closes at its settlement value.</summary>
    Settlement,

    /// <summary>Interest on cash at the T-bill rate.</summary>
    Interest,

    /// <summary>Cash moved between sleeves (income routing); sums to zero across sleeves.</summary>
    Transfer,
}
