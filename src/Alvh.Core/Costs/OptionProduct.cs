namespace Alvh.Costs;

/// <summary>The listed option products whose execution costs are modelled.</summary>
public enum OptionProduct
{
    /// <summary>S&amp;P 500 index options (SPX/SPXW), $100 multiplier.</summary>
    Spx = 0,

    /// <summary>VIX index options, $100 multiplier.</summary>
    Vix = 1,
}
