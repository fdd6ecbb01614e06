using Alvh.Pricing;

namespace Alvh.Structures;

/// <summary>
/// One option position inside a structure: the contract (right, strike, expiry), a signed
/// quantity, and, once priced, its price, implied volatility and delta per unit.
/// </summary>
/// <param name="Right">Call or put.</param>
/// <param name="Strike">Strike, currency units (index points).</param>
/// <param name="Expiry">Expiry date.</param>
/// <param name="Quantity">Contracts held: positive long, negative short.</param>
/// <param name="Price">Price per unit of underlying (one long option), currency units; null when unpriced.</param>
/// <param name="ImpliedVol">Black volatility used or implied, annualised fraction; null when unpriced.</param>
/// <param name="Delta">Delta of one long option (∂V/∂S); null when unpriced.</param>
public readonly record struct OptionLeg(OptionRight Right, double Strike, DateOnly Expiry, int Quantity, double? Price = null, double? ImpliedVol = null, double? Delta = null)
{
    /// <summary>True when price, volatility and delta are known.</summary>
    public bool IsPriced => Price.HasValue && ImpliedVol.HasValue && Delta.HasValue;

    /// <summary>Payoff of the position at expiry for a settlement value: Quantity × max(ω(S − K), 0), currency units per unit.</summary>
    /// <param name="settlement">Settlement value of the underlying, currency units.</param>
    /// <returns>The signed payoff.</returns>
    public double PayoffAt(double settlement) =>
        Quantity * Math.Max(Right == OptionRight.Call ? settlement - Strike : Strike - settlement, 0.0);

    /// <summary>This leg priced on <paramref name="market"/> at the smile's volatility for its strike.</summary>
    /// <param name="market">Market snapshot of this leg's expiry.</param>
    /// <returns>A copy with price, volatility and delta set.</returns>
    public OptionLeg PricedOn(OptionMarket market)
    {
        ArgumentNullException.ThrowIfNull(market);
        var greeks = market.Greeks(Right, Strike);
        return this with { Price = greeks.Price, ImpliedVol = market.Smile.Vol(Strike), Delta = greeks.Delta };
    }

    /// <summary>A copy with another strike and no pricing.</summary>
    /// <param name="strike">The new strike, currency units.</param>
    /// <returns>The unpriced leg.</returns>
    public OptionLeg WithStrike(double strike) => this with { Strike = strike, Price = null, ImpliedVol = null, Delta = null };
}
