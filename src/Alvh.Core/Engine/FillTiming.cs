namespace Alvh.Engine;

/// <summary>When an intent decided at a close is filled.</summary>
public enum FillTiming
{
    /// <summary>
    /// Default: at the next tradable price — equities at the next day's open; options at the next
    /// day's model price (the model has no intraday volatility, so the next close is the next
    /// price it can quote). No decision sees its own fill price.
    /// </summary>
    NextBar,

    /// <summary>
    /// At the decision close itself. Optimistic (the close is known when deciding); offered for
    /// studies that want it and labelled in every output.
    /// </summary>
    SameClose,
}
