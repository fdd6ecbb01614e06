namespace Alvh.Costs;

/// <summary>
/// A bid–ask model for SPX and VIX options as a function of the option's (model, mid) price, its
/// tenor and the VIX level; formula in <see cref="BidAskParameters"/>. A model, not data: use it
/// where historical quotes are missing, and report its parameters (<see cref="Parameters"/>).
/// </summary>
/// <param name="spx">SPX parameters.</param>
/// <param name="vix">VIX option parameters.</param>
public sealed class BidAskModel(BidAskParameters spx, BidAskParameters vix)
{
    /// <summary>The model with the documented defaults.</summary>
    public static BidAskModel Default { get; } = new(BidAskParameters.Spx, BidAskParameters.Vix);

    /// <summary>The parameters of a product.</summary>
    /// <param name="product">SPX or VIX.</param>
    /// <returns>Its parameters.</returns>
    public BidAskParameters For(OptionProduct product) => product == OptionProduct.Vix ? vix : spx;

    /// <summary>Half the bid–ask spread around a mid price.</summary>
    /// <param name="product">SPX or VIX.</param>
    /// <param name="midPrice">Mid (or model) price, points (≥ 0).</param>
    /// <param name="daysToExpiry">Calendar days to expiry (≥ 0).</param>
    /// <param name="vix">VIX level, index points (≥ 0).</param>
    /// <returns>Half-spread, points.</returns>
    public double HalfSpread(OptionProduct product, double midPrice, double daysToExpiry, double vix)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(midPrice);
        ArgumentOutOfRangeException.ThrowIfNegative(daysToExpiry);
        ArgumentOutOfRangeException.ThrowIfNegative(vix);
        var p = For(product);
        double baseHalf = Math.Max(p.MinimumHalfSpreadTicks * p.TickAt(midPrice), p.FixedHalfSpread + p.ProportionalHalfSpread * midPrice);
        double volScale = Math.Max(1.0, vix / p.ReferenceVix);
        double tenorScale = 1.0 + p.ShortTenorWidening * Math.Max(0.0, 1.0 - daysToExpiry / p.ShortTenorDays);
        return baseHalf * volScale * tenorScale;
    }

    /// <summary>Every parameter of both products, for reports.</summary>
    public IReadOnlyList<CostParameter> Parameters => [.. spx.Describe("Spx"), .. vix.Describe("Vix")];
}
