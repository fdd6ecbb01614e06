using System.Collections.Immutable;
using Alvh.Pricing;

namespace Alvh.Structures;

/// <summary>
/// An iron condor on one expiry: long put &lt; short put ≤ short call &lt; long call, each with
/// the same number of contracts; sold for a credit when <see cref="Quantity"/> is positive. Wings
/// may be unequal. Built only through the validating factories, with immutable legs (as LEAN's
/// <c>OptionStrategies.IronCondor</c>).
/// </summary>
/// <remarks>
/// Amounts are per unit of underlying (index points) for the whole quantity; × 100 for SPX or VIX
/// dollars. The defined-risk margin of a short condor is the wider wing × quantity minus the
/// credit: at expiry only one side can finish in the money, so the loss is bounded by the wider
/// wing, not the sum and not the put wing. LEAN's open issue #9775 ("Unequal-wing iron condor
/// maintenance uses the put width when the call wing is wider", QuantConnect/Lean) shows LEAN
/// taking the put wing regardless, which under-margins a condor whose call wing is wider.
/// </remarks>
public sealed class IronCondor : IOptionStructure
{
    private IronCondor(OptionLeg longPut, OptionLeg shortPut, OptionLeg shortCall, OptionLeg longCall)
    {
        Legs = [longPut, shortPut, shortCall, longCall];
    }

    /// <summary>Long put, shortPut, shortCall, longCall, in that order.</summary>
    public ImmutableArray<OptionLeg> Legs { get; }

    /// <summary>The long (protective) put.</summary>
    public OptionLeg LongPut => Legs[0];

    /// <summary>The short put.</summary>
    public OptionLeg ShortPut => Legs[1];

    /// <summary>The short call.</summary>
    public OptionLeg ShortCall => Legs[2];

    /// <summary>The long (protective) call.</summary>
    public OptionLeg LongCall => Legs[3];

    /// <summary>Number of condors: positive sold (short the body, a credit), negative bought.</summary>
    public int Quantity => -ShortPut.Quantity;

    /// <summary>Short put strike minus long put strike, currency units.</summary>
    public double PutWingWidth => ShortPut.Strike - LongPut.Strike;

    /// <summary>Long call strike minus short call strike, currency units.</summary>
    public double CallWingWidth => LongCall.Strike - ShortCall.Strike;

    /// <summary>Expiry of every leg.</summary>
    public DateOnly Expiry => ShortPut.Expiry;

    /// <summary>Premium received at the legs' prices (negative for a bought condor), per unit, whole quantity.</summary>
    /// <exception cref="InvalidOperationException">The legs are not priced.</exception>
    public double NetCredit => StructureGreeks.NetCredit(Legs);

    /// <summary>P&amp;L at expiry at the legs' prices: max profit, max loss, break-evens, probability of profit.</summary>
    public PayoffProfile Profile => new(Legs, NetCredit);

    /// <summary>
    /// Defined-risk margin, per unit for the whole quantity: for a sold condor max(put wing, call
    /// wing) × quantity − credit (one side only; see remarks); for a bought condor the debit.
    /// </summary>
    public double DefinedRiskMargin => Quantity > 0
        ? Math.Max(PutWingWidth, CallWingWidth) * Quantity - NetCredit
        : -NetCredit;

    /// <summary>A condor from four strikes (unpriced legs).</summary>
    /// <param name="expiry">Expiry of all legs.</param>
    /// <param name="longPutStrike">Long put strike, currency units.</param>
    /// <param name="shortPutStrike">Short put strike.</param>
    /// <param name="shortCallStrike">Short call strike (≥ short put; equal gives an iron butterfly).</param>
    /// <param name="longCallStrike">Long call strike.</param>
    /// <param name="quantity">Condors sold (negative: bought); not 0.</param>
    /// <returns>The condor.</returns>
    /// <exception cref="ArgumentException">The strikes are not positive, finite and ordered long put &lt; short put ≤ short call &lt; long call, or the quantity is 0.</exception>
    public static IronCondor FromStrikes(DateOnly expiry, double longPutStrike, double shortPutStrike, double shortCallStrike, double longCallStrike, int quantity = 1)
    {
        if (quantity == 0) throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "Quantity must not be 0.");
        foreach (double k in (ReadOnlySpan<double>)[longPutStrike, shortPutStrike, shortCallStrike, longCallStrike])
        {
            if (!(k > 0.0) || double.IsInfinity(k)) throw new ArgumentOutOfRangeException(nameof(longPutStrike), k, "Strikes must be positive and finite.");
        }

        if (!(longPutStrike < shortPutStrike && shortPutStrike <= shortCallStrike && shortCallStrike < longCallStrike))
        {
            throw new ArgumentException(
                $"Iron condor strikes must satisfy long put < short put <= short call < long call; got {longPutStrike} / {shortPutStrike} / {shortCallStrike} / {longCallStrike}.",
                nameof(shortPutStrike));
        }

        return new IronCondor(
            new OptionLeg(OptionRight.Put, longPutStrike, expiry, quantity),
            new OptionLeg(OptionRight.Put, shortPutStrike, expiry, -quantity),
            new OptionLeg(OptionRight.Call, shortCallStrike, expiry, -quantity),
            new OptionLeg(OptionRight.Call, longCallStrike, expiry, quantity));
    }

    /// <summary>
    /// A condor whose short strikes have the target deltas on the smile (via
    /// <see cref="StrikeFromDelta.ForSmile{TSmile}(OptionRight, double, double, double, double, double, TSmile, DeltaConvention)"/>), rounded to the grid, with wings of the given
    /// widths; priced on <paramref name="market"/>.
    /// </summary>
    /// <param name="market">The expiry's market.</param>
    /// <param name="expiry">Expiry date.</param>
    /// <param name="shortPutDelta">Short put delta, signed (e.g. −0.16).</param>
    /// <param name="shortCallDelta">Short call delta (e.g. 0.16).</param>
    /// <param name="putWingWidth">Put wing width, currency units, a positive multiple of the grid step.</param>
    /// <param name="callWingWidth">Call wing width, currency units, a positive multiple of the grid step.</param>
    /// <param name="grid">Listed strikes (<see cref="StrikeGrid.Spx"/>, <see cref="StrikeGrid.Vix"/>).</param>
    /// <param name="quantity">Condors sold (negative: bought).</param>
    /// <param name="convention">Spot or forward delta.</param>
    /// <returns>The priced condor.</returns>
    /// <exception cref="ArgumentException">No strike has the delta, the wings are not on the grid, or the rounded strikes are out of order.</exception>
    public static IronCondor ByDelta(
        OptionMarket market, DateOnly expiry, double shortPutDelta, double shortCallDelta, double putWingWidth, double callWingWidth,
        StrikeGrid grid, int quantity = 1, DeltaConvention convention = DeltaConvention.Spot) =>
        StrikesByDelta(market, expiry, shortPutDelta, shortCallDelta, putWingWidth, callWingWidth, grid, quantity, convention).PricedOn(market);

    /// <summary>
    /// The strikes of <see cref="ByDelta"/> without pricing the legs: for a caller that prices them its own way
    /// (a backtest marks them at its engine's marks, so pricing them here too was four wasted valuations per condor).
    /// </summary>
    /// <inheritdoc cref="ByDelta" path="/param"/>
    /// <returns>The condor, legs unpriced.</returns>
    /// <exception cref="ArgumentException">No strike has the delta, the wings are not on the grid, or the rounded strikes are out of order.</exception>
    public static IronCondor StrikesByDelta(
        OptionMarket market, DateOnly expiry, double shortPutDelta, double shortCallDelta, double putWingWidth, double callWingWidth,
        StrikeGrid grid, int quantity = 1, DeltaConvention convention = DeltaConvention.Spot) =>
        StrikesByDelta(market, expiry, shortPutDelta, shortCallDelta, putWingWidth, callWingWidth, grid, out _, quantity, convention);

    /// <summary>
    /// <see cref="StrikesByDelta(OptionMarket, DateOnly, double, double, double, double, StrikeGrid, int, DeltaConvention)"/>,
    /// with the deltas its two strike searches valued (<see cref="StrikeFromDelta.ListedForSmile{TSmile}"/>: each search stops
    /// once it knows the listed strike).
    /// </summary>
    /// <param name="market">The expiry's market.</param>
    /// <param name="expiry">Expiry date.</param>
    /// <param name="shortPutDelta">Short put delta, signed (e.g. −0.16).</param>
    /// <param name="shortCallDelta">Short call delta (e.g. 0.16).</param>
    /// <param name="putWingWidth">Put wing width, currency units, a positive multiple of the grid step.</param>
    /// <param name="callWingWidth">Call wing width, currency units, a positive multiple of the grid step.</param>
    /// <param name="grid">Listed strikes (<see cref="StrikeGrid.Spx"/>, <see cref="StrikeGrid.Vix"/>).</param>
    /// <param name="valuations">Set to the deltas valued by the two searches.</param>
    /// <param name="quantity">Condors sold (negative: bought).</param>
    /// <param name="convention">Spot or forward delta.</param>
    /// <returns>The condor, legs unpriced.</returns>
    /// <exception cref="ArgumentException">No strike has the delta, the wings are not on the grid, or the rounded strikes are out of order.</exception>
    public static IronCondor StrikesByDelta(
        OptionMarket market, DateOnly expiry, double shortPutDelta, double shortCallDelta, double putWingWidth, double callWingWidth,
        StrikeGrid grid, out int valuations, int quantity = 1, DeltaConvention convention = DeltaConvention.Spot)
    {
        ArgumentNullException.ThrowIfNull(market);
        var listing = grid.NearestListing;
        // The put's count is in valuations before the call's search starts: a caller that counts them in a finally (the
        // condor sleeve) keeps it should the call's search throw (an unattainable delta).
        double shortPut = StrikeFromDelta.ListedForSmile(OptionRight.Put, shortPutDelta, market.Spot, market.Rate, market.DividendYield, market.YearsToExpiry, market.Smile, listing, out valuations, convention);
        double shortCall = StrikeFromDelta.ListedForSmile(OptionRight.Call, shortCallDelta, market.Spot, market.Rate, market.DividendYield, market.YearsToExpiry, market.Smile, listing, out int callValuations, convention);
        valuations += callValuations;
        if (double.IsNaN(shortPut) || double.IsNaN(shortCall)) throw new ArgumentException("No strike on this smile has the requested delta.", nameof(market));
        return FromShortStrikes(expiry, shortPut, shortCall, putWingWidth, callWingWidth, grid, quantity);
    }

    /// <summary>A condor whose short strikes lie a distance below and above the spot, rounded to the grid; priced on <paramref name="market"/>.</summary>
    /// <param name="market">The expiry's market.</param>
    /// <param name="expiry">Expiry date.</param>
    /// <param name="putDistance">Distance of the short put below the spot (points or percent, ≥ 0).</param>
    /// <param name="callDistance">Distance of the short call above the spot (points or percent, ≥ 0).</param>
    /// <param name="unit">Points or percent of spot.</param>
    /// <param name="putWingWidth">Put wing width, currency units, a positive multiple of the grid step.</param>
    /// <param name="callWingWidth">Call wing width, currency units, a positive multiple of the grid step.</param>
    /// <param name="grid">Listed strikes.</param>
    /// <param name="quantity">Condors sold (negative: bought).</param>
    /// <returns>The priced condor.</returns>
    /// <exception cref="ArgumentException">A distance is negative, the wings are not on the grid, or the strikes are out of order.</exception>
    public static IronCondor ByDistance(
        OptionMarket market, DateOnly expiry, double putDistance, double callDistance, StrikeDistance unit, double putWingWidth, double callWingWidth,
        StrikeGrid grid, int quantity = 1) =>
        StrikesByDistance(market, expiry, putDistance, callDistance, unit, putWingWidth, callWingWidth, grid, quantity).PricedOn(market);

    /// <summary>The strikes of <see cref="ByDistance"/> without pricing the legs (see <see cref="StrikesByDelta(OptionMarket, DateOnly, double, double, double, double, StrikeGrid, int, DeltaConvention)"/>).</summary>
    /// <inheritdoc cref="ByDistance" path="/param"/>
    /// <returns>The condor, legs unpriced.</returns>
    /// <exception cref="ArgumentException">A distance is negative, the wings are not on the grid, or the strikes are out of order.</exception>
    public static IronCondor StrikesByDistance(
        OptionMarket market, DateOnly expiry, double putDistance, double callDistance, StrikeDistance unit, double putWingWidth, double callWingWidth,
        StrikeGrid grid, int quantity = 1)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentOutOfRangeException.ThrowIfNegative(putDistance);
        ArgumentOutOfRangeException.ThrowIfNegative(callDistance);
        double scale = unit == StrikeDistance.Percent ? market.Spot / 100.0 : 1.0;
        return FromShortStrikes(expiry, grid.Nearest(market.Spot - putDistance * scale), grid.Nearest(market.Spot + callDistance * scale), putWingWidth, callWingWidth, grid, quantity);
    }

    /// <summary>This condor with every leg priced on <paramref name="market"/>.</summary>
    /// <param name="market">The expiry's market.</param>
    /// <returns>A priced copy.</returns>
    public IronCondor PricedOn(OptionMarket market) =>
        new(LongPut.PricedOn(market), ShortPut.PricedOn(market), ShortCall.PricedOn(market), LongCall.PricedOn(market));

    /// <summary>This condor with quoted (or filled) prices per unit on its legs; their volatility and delta stay as they were (unset on unpriced legs).</summary>
    /// <param name="longPutPrice">Long put price, points per unit.</param>
    /// <param name="shortPutPrice">Short put price.</param>
    /// <param name="shortCallPrice">Short call price.</param>
    /// <param name="longCallPrice">Long call price.</param>
    /// <returns>A copy with the prices set.</returns>
    public IronCondor WithPrices(double longPutPrice, double shortPutPrice, double shortCallPrice, double longCallPrice) =>
        new(LongPut with { Price = longPutPrice }, ShortPut with { Price = shortPutPrice }, ShortCall with { Price = shortCallPrice }, LongCall with { Price = longCallPrice });

    /// <summary>Value and greeks of the position (Σ of the legs), per unit, at the smile's volatilities.</summary>
    /// <param name="market">The expiry's market.</param>
    /// <returns>The summed greeks.</returns>
    public Greeks Greeks(OptionMarket market) => StructureGreeks.Sum(Legs, market);

    /// <summary>The parameter name of the refusal of short strikes that cross (the put's above the call's).</summary>
    public const string ShortStrikes = "shortStrikes";

    private static IronCondor FromShortStrikes(DateOnly expiry, double shortPut, double shortCall, double putWingWidth, double callWingWidth, StrikeGrid grid, int quantity)
    {
        if (!(putWingWidth > 0.0) || !grid.Contains(putWingWidth)) throw new ArgumentOutOfRangeException(nameof(putWingWidth), putWingWidth, $"Wing width must be a positive multiple of {grid.Step}.");
        if (!(callWingWidth > 0.0) || !grid.Contains(callWingWidth)) throw new ArgumentOutOfRangeException(nameof(callWingWidth), callWingWidth, $"Wing width must be a positive multiple of {grid.Step}.");
        // In the short strikes' own words (FromStrikes would refuse both, with four strikes out of order or "Strikes must be
        // positive"): the types are FromStrikes', the messages name what to change.
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (shortPut > shortCall)
        {
            throw new ArgumentException(string.Create(inv, $"the put's strike ({shortPut}) is above the call's ({shortCall}): the short strikes cross"), ShortStrikes);
        }
        if (!(shortPut - putWingWidth > 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(putWingWidth), putWingWidth, string.Create(inv, $"a wing of {putWingWidth} points below the short put at {shortPut} puts the long put at or below 0"));
        }
        return FromStrikes(expiry, shortPut - putWingWidth, shortPut, shortCall, shortCall + callWingWidth, quantity);
    }
}
