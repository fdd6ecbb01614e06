namespace Alvh.Engine;

/// <summary>One row of trades.csv: a fill.</summary>
/// <param name="Date">Fill date.</param>
/// <param name="Sleeve">Sleeve.</param>
/// <param name="Instrument">Instrument id.</param>
/// <param name="Quantity">Signed quantity.</param>
/// <param name="Price">Fill price per share or point.</param>
/// <param name="Cost">Fees plus the half-spread paid against the mid at the fill, dollars.</param>
/// <param name="Reason">Rule that fired.</param>
public sealed record TradeRecord(DateOnly Date, string Sleeve, string Instrument, double Quantity, double Price, double Cost, string Reason)
{
    /// <summary>The reason of a dividend's reinvestment in the equity that paid it (not an order of a sleeve's rules).</summary>
    public const string DividendReinvestment = "dividend reinvestment";
}
