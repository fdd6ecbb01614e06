namespace Alvh.Sleeves;

/// <summary>How a DRIP basket keeps its weights.</summary>
public enum BasketRebalance
{
    /// <summary>
    /// Default: bought at the weights once (cash arriving later, e.g. the first day a ticker trades, is
    /// invested at the weights too); each dividend is reinvested in the ticker that paid it, so the
    /// weights drift with performance, as in a set of DRIP plans.
    /// </summary>
    BuyAndHold,

    /// <summary>Back to the weights on the first trading day of each month (sells the winners, buys the laggards).</summary>
    Monthly,
}
