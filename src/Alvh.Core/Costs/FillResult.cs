namespace Alvh.Costs;

/// <summary>Outcome of a fill.</summary>
/// <param name="Price">Fill price, points per unit (≥ 0).</param>
/// <param name="HalfSpread">Modelled half-spread, points.</param>
/// <param name="Fees">Commission and fees for all contracts, USD (≥ 0).</param>
/// <param name="CashFlow">Cash paid (negative) or received (positive), USD: −quantity × price × multiplier − fees.</param>
public readonly record struct FillResult(double Price, double HalfSpread, double Fees, double CashFlow);
