using System.Collections.Immutable;
using Alvh.Pricing;

namespace Alvh.Structures;

/// <summary>Greeks and value of a set of legs: the quantity-weighted sum of each leg's Black–Scholes–Merton greeks at the smile's volatility.</summary>
public static class StructureGreeks
{
    /// <summary>Σ quantity × greeks of one long option (units of <see cref="BlackScholes.Greeks"/>: vega per 1.00 of vol, theta per year, per unit of underlying).</summary>
    /// <param name="legs">The legs (one expiry, the market's).</param>
    /// <param name="market">The expiry's market.</param>
    /// <returns>Value (long positive) and greeks of the position; multiply by the contract multiplier for dollars.</returns>
    public static Greeks Sum(ImmutableArray<OptionLeg> legs, OptionMarket market)
    {
        ArgumentNullException.ThrowIfNull(market);
        double price = 0, delta = 0, gamma = 0, vega = 0, theta = 0, rho = 0;
        foreach (var leg in legs)
        {
            var g = market.Greeks(leg.Right, leg.Strike);
            price += leg.Quantity * g.Price;
            delta += leg.Quantity * g.Delta;
            gamma += leg.Quantity * g.Gamma;
            vega += leg.Quantity * g.Vega;
            theta += leg.Quantity * g.Theta;
            rho += leg.Quantity * g.Rho;
        }

        return new Greeks(price, delta, gamma, vega, theta, rho);
    }

    /// <summary>Premium received for the legs at their quoted prices, −Σ quantity × price (negative when paid).</summary>
    /// <param name="legs">Priced legs.</param>
    /// <returns>Net credit, currency units per unit of underlying.</returns>
    /// <exception cref="InvalidOperationException">A leg is not priced.</exception>
    public static double NetCredit(ImmutableArray<OptionLeg> legs)
    {
        double credit = 0.0;
        foreach (var leg in legs)
        {
            if (leg.Price is not { } price) throw new InvalidOperationException("Price the legs first (PricedOn a market, or quotes).");
            credit -= leg.Quantity * price;
        }

        return credit;
    }
}
