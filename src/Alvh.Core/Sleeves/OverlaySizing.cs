namespace Alvh.Sleeves;

/// <summary>How many contracts an <see cref="OptionOverlaySleeve"/> trades at a roll, and what else it holds.</summary>
public enum OverlaySizing
{
    /// <summary>
    /// T-bills only: contracts = floor(sleeve value / (short put strike × 100)), so the cash covers the
    /// largest settlement loss of the short puts (Cboe PUT "full collateralization").
    /// </summary>
    CashCollateral,

    /// <summary>
    /// Long the index plus one short option per index unit, the premium invested in the index: units
    /// N = sleeve value / (index − premium), contracts = floor(N / 100) (Cboe BXM).
    /// </summary>
    CoveredIndex,

    /// <summary>
    /// Long the index plus options bought with a weight of the sleeve value chosen by the bucket of the
    /// same-expiry VIX future; the rest of the value in the index (Cboe VXTH).
    /// </summary>
    PremiumWeight,
}
