using System.Collections.Immutable;
using Alvh.Pricing;

namespace Alvh.Structures;

/// <summary>
/// A vertical spread: one long and one short option of the same right and expiry at different
/// strikes, in equal size. A credit spread when the short leg is nearer the money (bull put, bear
/// call), a debit spread otherwise. Amounts per unit of underlying for the whole quantity.
/// </summary>
public sealed class VerticalSpread : IOptionStructure
{
    private VerticalSpread(OptionLeg longLeg, OptionLeg shortLeg)
    {
        LongLeg = longLeg;
        ShortLeg = shortLeg;
        Legs = longLeg.Strike < shortLeg.Strike ? [longLeg, shortLeg] : [shortLeg, longLeg];
    }

    /// <summary>Both legs in increasing strike order.</summary>
    public ImmutableArray<OptionLeg> Legs { get; }

    /// <summary>The bought leg (quantity &gt; 0).</summary>
    public OptionLeg LongLeg { get; }

    /// <summary>The sold leg (quantity &lt; 0).</summary>
    public OptionLeg ShortLeg { get; }

    /// <summary>Spreads held (≥ 1).</summary>
    public int Quantity => LongLeg.Quantity;

    /// <summary>|long strike − short strike|, currency units.</summary>
    public double Width => Math.Abs(LongLeg.Strike - ShortLeg.Strike);

    /// <summary>True when the short leg is the more valuable one (bull put or bear call): entered for a credit.</summary>
    public bool IsCredit => LongLeg.Right == OptionRight.Put ? ShortLeg.Strike > LongLeg.Strike : ShortLeg.Strike < LongLeg.Strike;

    /// <summary>Premium received at the legs' prices (negative for a debit spread).</summary>
    /// <exception cref="InvalidOperationException">The legs are not priced.</exception>
    public double NetCredit => StructureGreeks.NetCredit(Legs);

    /// <summary>P&amp;L at expiry at the legs' prices.</summary>
    public PayoffProfile Profile => new(Legs, NetCredit);

    /// <summary>Defined-risk margin: width × quantity − credit for a credit spread, the debit for a debit spread (each the maximum loss).</summary>
    public double DefinedRiskMargin => IsCredit ? Width * Quantity - NetCredit : -NetCredit;

    /// <summary>A vertical from its two strikes (unpriced legs).</summary>
    /// <param name="right">Right of both legs.</param>
    /// <param name="expiry">Expiry of both legs.</param>
    /// <param name="longStrike">Strike bought, currency units.</param>
    /// <param name="shortStrike">Strike sold, currency units (≠ long strike).</param>
    /// <param name="quantity">Spreads (≥ 1).</param>
    /// <returns>The spread.</returns>
    /// <exception cref="ArgumentException">Strikes not positive and distinct, or quantity &lt; 1.</exception>
    public static VerticalSpread FromStrikes(OptionRight right, DateOnly expiry, double longStrike, double shortStrike, int quantity = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);
        if (!(longStrike > 0.0) || !(shortStrike > 0.0) || double.IsInfinity(longStrike) || double.IsInfinity(shortStrike))
        {
            throw new ArgumentOutOfRangeException(nameof(longStrike), "Strikes must be positive and finite.");
        }

        if (longStrike == shortStrike) throw new ArgumentException("A vertical needs two different strikes.", nameof(shortStrike));
        return new VerticalSpread(new OptionLeg(right, longStrike, expiry, quantity), new OptionLeg(right, shortStrike, expiry, -quantity));
    }

    /// <summary>
    /// A credit spread whose short strike has the target delta on the smile, rounded to the grid,
    /// protected by a long option <paramref name="width"/> further out of the money; priced.
    /// </summary>
    /// <param name="market">The expiry's market.</param>
    /// <param name="right">Put (bull put spread) or call (bear call spread).</param>
    /// <param name="expiry">Expiry date.</param>
    /// <param name="shortDelta">Delta of the short leg, signed.</param>
    /// <param name="width">Width, a positive multiple of the grid step.</param>
    /// <param name="grid">Listed strikes.</param>
    /// <param name="quantity">Spreads (≥ 1).</param>
    /// <param name="convention">Spot or forward delta.</param>
    /// <returns>The priced spread.</returns>
    public static VerticalSpread CreditByDelta(OptionMarket market, OptionRight right, DateOnly expiry, double shortDelta, double width, StrikeGrid grid, int quantity = 1, DeltaConvention convention = DeltaConvention.Spot)
    {
        ArgumentNullException.ThrowIfNull(market);
        if (!(width > 0.0) || !grid.Contains(width)) throw new ArgumentOutOfRangeException(nameof(width), width, $"Width must be a positive multiple of {grid.Step}.");
        double shortStrike = StrikeFromDelta.ListedForSmile(right, shortDelta, market.Spot, market.Rate, market.DividendYield, market.YearsToExpiry, market.Smile,
            grid.NearestListing, out _, convention);
        if (double.IsNaN(shortStrike)) throw new ArgumentException("No strike on this smile has the requested delta.", nameof(shortDelta));
        double longStrike = right == OptionRight.Put ? shortStrike - width : shortStrike + width;
        return FromStrikes(right, expiry, longStrike, shortStrike, quantity).PricedOn(market);
    }

    /// <summary>This spread with both legs priced on <paramref name="market"/>.</summary>
    /// <param name="market">The expiry's market.</param>
    /// <returns>A priced copy.</returns>
    public VerticalSpread PricedOn(OptionMarket market) => new(LongLeg.PricedOn(market), ShortLeg.PricedOn(market));

    /// <summary>This spread with quoted (or filled) prices per unit on its legs.</summary>
    /// <param name="longPrice">Long leg price, points per unit.</param>
    /// <param name="shortPrice">Short leg price, points per unit.</param>
    /// <returns>A copy with the prices set.</returns>
    public VerticalSpread WithPrices(double longPrice, double shortPrice) => new(LongLeg with { Price = longPrice }, ShortLeg with { Price = shortPrice });

    /// <summary>Value and greeks of the position (Σ of the legs), per unit.</summary>
    /// <param name="market">The expiry's market.</param>
    /// <returns>The summed greeks.</returns>
    public Greeks Greeks(OptionMarket market) => StructureGreeks.Sum(Legs, market);
}
