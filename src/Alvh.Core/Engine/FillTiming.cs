namespace Alvh.Engine;

/// <summary>When an intent decided at a close is filled.</summary>
public enum FillTiming
{
    /// <summary>
    /// Default: at the next tradable price, the next day's open — equities at their open; options at
    /// the model price from the open's underlying level with the previous close's volatilities and
    /// rates (what a trader knows at the open). No decision sees its own fill price.
    /// </summary>
    NextBar,

    /// <summary>
    /// At the decision close itself. Optimistic (the close is known when deciding); offered for
    /// studies that want it and labelled in every output.
    /// </summary>
    SameClose,
}
