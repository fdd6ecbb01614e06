namespace Alvh.Engine;

/// <summary>What the engine asks a price model to fill.</summary>
/// <param name="Instrument">Instrument traded.</param>
/// <param name="Day">Trading-day index of the fill.</param>
/// <param name="Quantity">Signed quantity (+ buy, − sell).</param>
/// <param name="AtOpen">True to fill at the day's open (equities, next-bar mode); false at the close.</param>
public readonly record struct FillRequest(Instrument Instrument, int Day, double Quantity, bool AtOpen);

/// <summary>A price model's answer.</summary>
/// <param name="Price">Fill price per share or point (the mark ± the modelled half-spread).</param>
/// <param name="Fees">Commissions and fees, dollars, positive.</param>
/// <param name="Tradable">False when no price exists (missing data, instrument not listed): the intent is dropped and reported.</param>
/// <param name="Mid">The mid at the time of the fill (before the spread); NaN when unknown. The trade's cost is fees + |price − mid| × quantity.</param>
public readonly record struct FillQuote(double Price, double Fees, bool Tradable, double Mid = double.NaN);
