using System.Globalization;

namespace Alvh.Engine;

/// <summary>
/// An order the fills did not take as placed: not filled at all, or filled in part (<see cref="Kind"/>). Created only
/// when that happens, so an ordinary fill allocates none.
/// </summary>
/// <param name="Date">Fill date (the day it was to fill, not the decision's).</param>
/// <param name="Sleeve">Sleeve that placed it.</param>
/// <param name="Order">
/// The order as written: the instrument's id for one intent (<c>SPY</c>), <c>order of N legs (+1 id, -1 id, …)</c> with
/// signed quantities for an order of several legs.
/// </param>
/// <param name="Reason">The sleeve's reason for it: the intent's; for an order of several legs its last leg's, or the left-out leg's.</param>
/// <param name="Why">The engine's account of what it did instead, e.g. <c>no tradable price</c> or <c>not enough cash for 15, filled 10</c>.</param>
/// <param name="Kind">Not filled, or filled in part.</param>
public sealed record DroppedOrder(DateOnly Date, string Sleeve, string Order, string Reason, string Why, DroppedOrderKind Kind)
{
    /// <summary>
    /// One line, <c>yyyy-MM-dd sleeve order for 'reason': why</c> (invariant culture): the text of summary.json's
    /// <c>dropped</c> and the backtest's note.
    /// </summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Date:yyyy-MM-dd} {Sleeve} {Order} for '{Reason}': {Why}");
}
