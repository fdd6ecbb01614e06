namespace Alvh.Costs;

/// <summary>One order to fill (parameter record of <see cref="IFillModel.Fill"/>, so it can grow without breaking callers).</summary>
/// <param name="Product">SPX or VIX option.</param>
/// <param name="MidPrice">Mid or model price, points per unit (≥ 0).</param>
/// <param name="DaysToExpiry">Calendar days to expiry (≥ 0).</param>
/// <param name="Vix">VIX level at the time of the order, index points.</param>
/// <param name="Quantity">Contracts: positive buy, negative sell; not 0.</param>
public readonly record struct FillRequest(OptionProduct Product, double MidPrice, double DaysToExpiry, double Vix, int Quantity);
