using System.Collections.Immutable;
using Alvh.Pricing;

namespace Alvh.Structures;

/// <summary>
/// One option position, long or short (e.g. a VIX call hedge). Amounts per unit of underlying
/// for the whole quantity.
/// </summary>
/// <remarks>
/// Margin of a short broad-based index option (Cboe Rule 10.3, the Cboe Margin Manual's
/// "uncovered index option" rule): the option's value plus <see cref="ShortBroadIndexRate"/> (15%)
/// of the underlying less any out-of-the-money amount, but at least the value plus
/// <see cref="ShortBroadIndexMinimumRate"/> (10%) of the underlying for a call or of the strike
/// for a put. A long option's margin is its premium, paid in full.
/// </remarks>
public sealed class SingleOption : IOptionStructure
{
    /// <summary>Rate on the underlying for an uncovered broad-based index option, 0.15 (Cboe Rule 10.3).</summary>
    public const double ShortBroadIndexRate = 0.15;

    /// <summary>Minimum rate for an uncovered broad-based index option, 0.10 (of the underlying for calls, of the strike for puts).</summary>
    public const double ShortBroadIndexMinimumRate = 0.10;

    private SingleOption(OptionLeg leg)
    {
        Leg = leg;
        Legs = [leg];
    }

    /// <summary>The one leg.</summary>
    public OptionLeg Leg { get; }

    /// <summary>The one leg, as a list.</summary>
    public ImmutableArray<OptionLeg> Legs { get; }

    /// <summary>Premium received (negative when bought).</summary>
    /// <exception cref="InvalidOperationException">The leg is not priced.</exception>
    public double NetCredit => StructureGreeks.NetCredit(Legs);

    /// <summary>P&amp;L at expiry at the leg's price (a short call's max loss is +∞).</summary>
    public PayoffProfile Profile => new(Legs, NetCredit);

    /// <summary>A single option position (unpriced).</summary>
    /// <param name="right">Call or put.</param>
    /// <param name="expiry">Expiry date.</param>
    /// <param name="strike">Strike, currency units (&gt; 0).</param>
    /// <param name="quantity">Contracts: positive long, negative short; not 0.</param>
    /// <returns>The position.</returns>
    public static SingleOption Create(OptionRight right, DateOnly expiry, double strike, int quantity)
    {
        if (quantity == 0) throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "Quantity must not be 0.");
        if (!(strike > 0.0) || double.IsInfinity(strike)) throw new ArgumentOutOfRangeException(nameof(strike), strike, "Strike must be positive and finite.");
        return new SingleOption(new OptionLeg(right, strike, expiry, quantity));
    }

    /// <summary>This position priced on <paramref name="market"/>.</summary>
    /// <param name="market">The expiry's market.</param>
    /// <returns>A priced copy.</returns>
    public SingleOption PricedOn(OptionMarket market) => new(Leg.PricedOn(market));

    /// <summary>This position with a quoted (or filled) price per unit.</summary>
    /// <param name="price">Price, points per unit.</param>
    /// <returns>A copy with the price set.</returns>
    public SingleOption WithPrice(double price) => new(Leg with { Price = price });

    /// <summary>Value and greeks of the position, per unit.</summary>
    /// <param name="market">The expiry's market.</param>
    /// <returns>Quantity × the option's greeks.</returns>
    public Greeks Greeks(OptionMarket market) => StructureGreeks.Sum(Legs, market);

    /// <summary>Margin for the position at the leg's price: the premium if long, the uncovered index-option rule if short (see remarks).</summary>
    /// <param name="underlying">Current level of the underlying, currency units.</param>
    /// <returns>Margin, currency units per unit for the whole quantity.</returns>
    /// <exception cref="InvalidOperationException">The leg is not priced.</exception>
    public double Margin(double underlying)
    {
        double price = Leg.Price ?? throw new InvalidOperationException("Price the leg first.");
        int contracts = Math.Abs(Leg.Quantity);
        if (Leg.Quantity > 0) return price * contracts;
        double outOfTheMoney = Math.Max(Leg.Right == OptionRight.Call ? Leg.Strike - underlying : underlying - Leg.Strike, 0.0);
        double minimum = ShortBroadIndexMinimumRate * (Leg.Right == OptionRight.Call ? underlying : Leg.Strike);
        return (price + Math.Max(ShortBroadIndexRate * underlying - outOfTheMoney, minimum)) * contracts;
    }
}
