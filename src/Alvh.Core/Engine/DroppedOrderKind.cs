namespace Alvh.Engine;

/// <summary>What became of an order the fills could not take as placed (<see cref="DroppedOrder"/>).</summary>
public enum DroppedOrderKind
{
    /// <summary>Nothing filled: no tradable price, expired, an option opened or added to on its expiry morning, not placeable within what it can pay out, or no cash. Its P&amp;L is 0.</summary>
    NotFilled,

    /// <summary>
    /// Filled in part: scaled down for lack of cash (the rest is not carried over), or an order of several legs that
    /// left out a short with no bid and bought the other legs alone.
    /// </summary>
    FilledInPart,
}
