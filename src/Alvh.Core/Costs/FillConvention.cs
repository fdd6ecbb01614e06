namespace Alvh.Costs;

/// <summary>Where an order fills relative to the modelled quote.</summary>
public enum FillConvention
{
    /// <summary>At the mid: optimistic, no spread paid.</summary>
    Mid = 0,

    /// <summary>At mid ± k × half-spread against the trader (k = 1 is the touch); the usual backtest compromise with k ≈ 0.25–0.5.</summary>
    MidPlusFractionOfHalfSpread = 1,

    /// <summary>At the touch: buys at the ask, sells at the bid.</summary>
    Touch = 2,
}
