using Alvh.Engine;

namespace Alvh.Ledger;

/// <summary>A holding of one sleeve, derived from the ledger.</summary>
/// <param name="Sleeve">Owning sleeve.</param>
/// <param name="Instrument">What is held.</param>
/// <param name="Quantity">Shares or contracts (negative when short).</param>
/// <param name="CostBasis">Net cash paid to open the position, dollars (negative for credits received).</param>
public readonly record struct Position(string Sleeve, Instrument Instrument, double Quantity, double CostBasis);
