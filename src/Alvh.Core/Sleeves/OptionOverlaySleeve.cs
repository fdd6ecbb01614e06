using Alvh.Calendars;
using Alvh.Engine;
using Alvh.Engine.Options;
using Alvh.Pricing;
using Alvh.Structures;

namespace Alvh.Sleeves;

/// <summary>
/// The Cboe strategy benchmarks as one sleeve: a roll calendar (<see cref="OverlayParameters.Roll"/>),
/// a leg rule (<see cref="OverlayParameters.Structure"/>) and a sizing rule (<see cref="OverlayParameters.Sizing"/>).
/// Options are held to expiry and settle (SPX AM to the open proxy of the special opening quotation,
/// PM to the close; VIX to the SOQ); the new ones are traded at the first fill after the old ones settle:
/// for an AM-settled expiry the decision is taken at the close before expiry day and fills at the
/// expiry-day open (the settlement time); for a PM-settled expiry at the expiry close, filling at the
/// next open. The cash earns the T-bill rate. When the sleeve holds nothing at all (the first day, or
/// after a roll that could not trade) it opens at once on the current cycle's expiry.
/// </summary>
/// <remarks>
/// Cboe rolls at specific times: PUT and BXM take the strike from the last S&amp;P 500 value before
/// 11:00 ET on roll day and trade at the volume-weighted average price between 11:30 and 12:00 ET
/// (Cboe PUT methodology, July 2014; BXM methodology). We take the strike from the previous close and
/// fill at the roll-day open at the model price (a no-look-ahead rule: the decision uses only that close);
/// the open is also when the expiring AM options settle, so the sleeve is never short two series at once.
/// </remarks>
public sealed class OptionOverlaySleeve(IOptionMarket market, OverlayParameters parameters, string name = "overlay", double allocation = 1.0) : ISleeve
{
    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public double Allocation { get; } = allocation;

    /// <summary>The rules (the index symbol upper-cased).</summary>
    // Upper case, as the DRIP's symbols: the dividends and the option model's opens are keyed by the upper-case symbol (the
    // prices are found in any case), so "indexSymbol: spx" held the S&P 500 without its dividends (cboe-bxm over 2019:
    // 11.11% against 13.26%), without a word.
    public OverlayParameters Rules { get; } = parameters with { IndexSymbol = parameters.IndexSymbol?.ToUpperInvariant()! };

    /// <inheritdoc />
    /// <remarks>The index is held as a total return position: dividends reinvested at the ex-date close (S&amp;P DJI total return convention, used by BXM and VXTH).</remarks>
    public DividendPolicy Dividends => Rules.Sizing == OverlaySizing.CashCollateral ? DividendPolicy.Cash : DividendPolicy.ReinvestOnExDate;

    /// <inheritdoc />
    public bool WholeShares => false;

    /// <inheritdoc />
    public IReadOnlyList<Assumption> Parameters => Rules.ToAssumptions();

    /// <inheritdoc />
    public void Decide(SleeveContext context, List<Intent> intents)
    {
        // The fill's day, not the next trading day: under FillTiming.SameClose today's decision fills at today's close, and
        // a roll decided the day before an A.M. expiry sold the new series there while the old one stayed short until the
        // next open (cboe-bxm with fills: SameClose, 2020-01-16: 616 short calls against 30,909 index units overnight).
        if (context.FillDate is not { } next) return;
        var held = context.Positions.ToList();
        if (Rules.Sizing is OverlaySizing.PremiumWeight or OverlaySizing.CoveredIndex && held.Count > 0 && !IsRollDecisionDay(context.Date, next) && SweepCash(context, intents)) return;
        // An option still open after the next fill blocks a roll (it settles first).
        if (held.Any(p => p.Instrument.IsOption && !SettlesBy(context, p.Instrument.Expiry, p.Instrument.Kind, next))) return;
        if (held.Count > 0 && !IsRollDecisionDay(context.Date, next)) return;
        var expiry = OverlayRollCalendar.NextExpiry(Rules.Roll, next);
        if (!Listed(expiry, context.Date)) return;
        Roll(context, intents, expiry);
    }

    /// <summary>
    /// True when today's close is when the roll is decided: the day before an AM-settled expiry, or a PM-settled expiry's
    /// own close; under <see cref="FillTiming.SameClose"/> (<paramref name="fill"/> is today) the expiry's own close for both.
    /// </summary>
    private bool IsRollDecisionDay(DateOnly today, DateOnly fill)
    {
        var expiry = OverlayRollCalendar.NextExpiry(Rules.Roll, today.AddDays(-1));
        return IsAm(expiry) ? expiry == fill : expiry == today;
    }

    /// <summary>
    /// The cash a roll left goes into the index at the next open, as Cboe's indices hold nothing but the index and their
    /// options. PremiumWeight (VXTH): expiring calls that settled above 0 at a roll that bought no calls. CoveredIndex
    /// (BXM): the roll is sized at the close before it with the expiring calls at their close mark; they settle at the
    /// open for more or less, so its cash can be below 0 too, and index units are then sold for it (it stayed a loan at
    /// the bill rate until the next roll: below 0 on 2,907 days of 1990-2026). A CoveredIndex sleeve leaves cash under
    /// <see cref="CashSweepShare"/> of itself (the next day's own residue would be traded again and again). True when it
    /// placed an order.
    /// </summary>
    private bool SweepCash(SleeveContext context, List<Intent> intents)
    {
        var index = Instrument.Equity(Rules.IndexSymbol);
        double indexPrice = context.Mark(index), cash = context.Cash;
        if (!(indexPrice > 0)) return false;
        bool covered = Rules.Sizing == OverlaySizing.CoveredIndex;
        double left = (covered ? CashSweepShare : 1e-6) * context.SleeveValue;
        if (cash > left)
        {
            intents.Add(InvestCash(context, indexPrice, "after the roll"));
            return true;
        }
        double units = Math.Min(context.Quantity(index), -cash / indexPrice);
        if (!covered || !(cash < -left) || !(units > 0)) return false;
        intents.Add(new Intent(Name, index, -units, $"sell {Rules.IndexSymbol} for the cash the roll's settlement took"));
        return true;
    }

    /// <summary>The share of a CoveredIndex sleeve its cash may be, above or below 0, before it is traded into or out of the index.</summary>
    internal const double CashSweepShare = 0.001;

    /// <summary>
    /// True when an option expiring on <paramref name="expiry"/> has settled by the fill on <paramref name="fill"/>: at a
    /// next open, one expiring then that settles at the open (VIX SOQ, SPX A.M.); at a same-close fill, one expiring that
    /// day, whichever its settlement (the engine settles both before the close's fills).
    /// </summary>
    private bool SettlesBy(SleeveContext context, DateOnly expiry, InstrumentKind kind, DateOnly fill) =>
        expiry < fill || (expiry == fill && (context.FillTiming == FillTiming.SameClose || kind == InstrumentKind.VixOption || market.IsAmSettled(expiry)));

    private bool IsAm(DateOnly expiry) => Rules.Roll == OverlayRoll.VixMonthly || market.IsAmSettled(expiry);

    private bool Listed(DateOnly expiry, DateOnly today) => Rules.Roll switch
    {
        // The market's listing rules, so --as-if lists them before their launch as it does for the other sleeves.
        OverlayRoll.VixMonthly => market.VixOptionsListed(today),
        OverlayRoll.SpxWeekly => market.SpxWeekliesListed(today),
        _ => true,
    } && expiry > today;

    private void Roll(SleeveContext context, List<Intent> intents, DateOnly expiry)
    {
        int day = context.Day;
        double t = (expiry.DayNumber - context.Date.DayNumber) / 365.0;
        var legs = Legs(context, day, expiry, t);
        if (legs is null) return;
        double value = context.SleeveValue;
        if (!(value > 0)) return;
        // Net premium per point of one contract of the structure: positive = paid, negative = received.
        double net = 0;
        foreach (var (instrument, sign) in legs) net += sign * context.Mark(instrument);
        if (double.IsNaN(net)) return;

        var index = Instrument.Equity(Rules.IndexSymbol);
        double indexPrice = Rules.Sizing == OverlaySizing.CashCollateral ? double.NaN : context.Mark(index);
        double contracts;
        double targetUnits = 0;
        switch (Rules.Sizing)
        {
            case OverlaySizing.CashCollateral:
            {
                double collateralStrike = CollateralStrike(legs);
                contracts = Math.Floor(value / (collateralStrike * 100));
                break;
            }
            case OverlaySizing.CoveredIndex:
            {
                if (!(indexPrice > 0)) return;
                // BXM: value = N (S − C) with one option per index unit; the premium buys index units. N counts units of
                // the S&P 500, the options' underlying, whatever the index held: indexSymbol SPY (a tenth of the index)
                // was sized by SPY's price, and sold ten calls per index unit held (cboe-bxm on SPY, 2019-01-03: 4,713
                // calls against 455,659 SPY shares, worth about 45,000 index units), nine in ten of them naked.
                double spxLevel = market.SpxSpot(day);
                if (!(spxLevel > 0)) return;
                double units = value / (spxLevel + net);
                contracts = Math.Floor(units / 100);
                targetUnits = (value - contracts * 100 * net) / indexPrice;
                break;
            }
            default:
            {
                if (!(indexPrice > 0)) return;
                double future = market.VixFuture(day, expiry);
                double spend = Rules.WeightFor(future) * value;
                contracts = net > 0.01 ? Math.Floor(spend / (net * 100)) : 0;
                PremiumWeightOrders(context, intents, legs, contracts, net, index, indexPrice, $"roll to {expiry:yyyy-MM-dd}: {Describe(legs)}");
                return;
            }
        }

        string why = $"roll to {expiry:yyyy-MM-dd}: {Describe(legs)}";
        var orders = new List<Intent>();
        if (contracts >= 1)
        {
            foreach (var (instrument, sign) in legs) orders.Add(new Intent(Name, instrument, sign * contracts, why));
        }
        if (Rules.Sizing != OverlaySizing.CashCollateral)
        {
            double trade = targetUnits - context.Quantity(index);
            if (Math.Abs(trade) * indexPrice > 1e-6 * value) orders.Add(new Intent(Name, index, trade, $"rebalance {Rules.IndexSymbol} at the roll"));
        }
        // Sales first: their proceeds fund the purchases (buys are clipped to the sleeve's cash).
        intents.AddRange(orders.Where(o => o.Quantity < 0));
        intents.AddRange(orders.Where(o => o.Quantity > 0));
    }

    /// <summary>
    /// How many times the calls' cost at the decision close the index sale of a <see cref="OverlaySizing.PremiumWeight"/>
    /// roll raises: the calls fill at the next open, at a price the close does not know, and pay half-spreads and fees
    /// (cboe-vxth 2006–2026: 0.47 to 2.38 times the close's cost, the most on 2008-10-22; the VIX has opened up to 1.5 times
    /// its close, 2016-06-24, and a 30-delta call moves about three times as much). What they do not spend goes back into
    /// the index at the same open, at two index half-spreads on it (about 2 bp of 3% of the sleeve a roll).
    /// </summary>
    internal const double CallFundingCover = 4;

    /// <summary>
    /// The orders of a <see cref="OverlaySizing.PremiumWeight"/> roll (Cboe VXTH): index units sold for the calls, the
    /// calls, and the rest of the cash back into the index, in that order at one open.
    /// </summary>
    /// <remarks>
    /// The expiring calls settle at that open (VIX SOQ) for a value the decision close does not know. The index was once
    /// sized as if their close mark were cash there, and the calls were bought from what was left: when they settled
    /// below their mark the calls were clipped (97 of 184 rolls over 2006–2026) or not bought at all (2011-09-21,
    /// C34s marked at the 2011-09-20 close settled at 0: no calls at a 0.5% weight). Now the calls are paid from the
    /// sleeve's cash and an index sale sized at the close (<see cref="CallFundingCover"/> times their cost), so they fill
    /// whatever the settlement; the settlement, the cover not spent and any cash are then invested in the index by a buy
    /// bounded well above what the cash can pay (the engine clips a buy to the cash at its fill), so the sleeve ends the
    /// roll fully invested, as Cboe's index does. At a roll that buys no calls and has no cash, the settlement waits for
    /// the next open (<see cref="SweepCash"/>).
    /// </remarks>
    private void PremiumWeightOrders(SleeveContext context, List<Intent> intents, List<(Instrument Instrument, int Sign)> legs, double contracts,
        double net, Instrument index, double indexPrice, string why)
    {
        double value = context.SleeveValue;
        double cash = context.Cash;
        double units = context.Quantity(index);
        double callCost = contracts >= 1 ? contracts * 100 * net : 0;
        double sale = Math.Min(units, Math.Max(0, CallFundingCover * callCost - cash) / indexPrice);
        if (sale * indexPrice > 1e-6 * value) intents.Add(new Intent(Name, index, -sale, $"sell {Rules.IndexSymbol} for the calls at the roll"));
        else sale = 0;
        if (contracts >= 1)
        {
            foreach (var (instrument, sign) in legs) intents.Add(new Intent(Name, instrument, sign * contracts, why));
        }
        // The cash sure to be left at the fill (the sale's cover beyond the calls, or the cash), or expected from expiring
        // options in the money at the close; the buy takes any settlement with it. Without either (no calls, no cash, the
        // expiring calls out of the money) a buy would most likely be refused for want of cash: a settlement above 0 is
        // then invested at the next open (SweepCash).
        double sure = cash + sale * indexPrice - callCost;
        if (sure + ExpiringIntrinsic(context) > 1e-6 * value) intents.Add(InvestCash(context, indexPrice, "at the roll"));
    }

    /// <summary>Intrinsic value at today's close (VIX or S&amp;P 500) of the options that settle at the next fill, dollars.</summary>
    private double ExpiringIntrinsic(SleeveContext context)
    {
        if (context.FillDate is not { } next) return 0;
        double sum = 0;
        foreach (var p in context.Positions)
        {
            var o = p.Instrument;
            if (!o.IsOption || !SettlesBy(context, o.Expiry, o.Kind, next)) continue;
            double underlying = o.Kind == InstrumentKind.VixOption ? market.Vix(context.Day) : market.SpxSpot(context.Day);
            double intrinsic = o.Right == OptionRight.Call ? underlying - o.Strike : o.Strike - underlying;
            if (intrinsic > 0) sum += p.Quantity * intrinsic * o.Multiplier;
        }
        return sum;
    }

    /// <summary>A buy of the index bounded at twice the sleeve's value: the engine clips it to the cash at the fill, so it invests all of it.</summary>
    private Intent InvestCash(SleeveContext context, double indexPrice, string when) =>
        new(Name, Instrument.Equity(Rules.IndexSymbol), 2 * context.SleeveValue / indexPrice, $"invest the cash in {Rules.IndexSymbol} {when}");

    private static double CollateralStrike(List<(Instrument Instrument, int Sign)> legs)
    {
        // The short put's strike is the largest settlement loss per point; a structure with no short put
        // (a short call) is collateralised at its strike as notional.
        double strike = 0;
        foreach (var (instrument, sign) in legs)
        {
            if (sign < 0 && instrument.Right == OptionRight.Put) strike = Math.Max(strike, instrument.Strike);
        }
        if (strike > 0) return strike;
        foreach (var (instrument, sign) in legs)
        {
            if (sign < 0) strike = Math.Max(strike, instrument.Strike);
        }
        return strike > 0 ? strike : double.PositiveInfinity;
    }

    /// <summary>The legs of one contract of the structure (+1 long, −1 short), or null when no strike can be found today.</summary>
    private List<(Instrument Instrument, int Sign)>? Legs(SleeveContext context, int day, DateOnly expiry, double t)
    {
        if (t <= 0) return null;
        if (Rules.Structure == OverlayStructure.LongVixCall)
        {
            double future = market.VixFuture(day, expiry);
            if (!(future > 0)) return null;
            double r = market.Rate(day);
            // Black-76 is BSM with the dividend yield equal to the rate, on the future as spot.
            // The nearest listed strike (the search stops once it knows it; its deltas count in the run's valuations).
            double k = StrikeFromDelta.ListedForSmile(OptionRight.Call, Rules.VixCallDelta, future, r, r, t, new VixSmile(market, day, expiry),
                new StrikeGrid(Rules.VixStrikeGrid).NearestListing, out int valuations);
            context.CountValuations(valuations);
            if (double.IsNaN(k)) return null;
            k = Math.Max(Rules.VixStrikeGrid, k);
            return [(Instrument.VixOption(OptionRight.Call, k, expiry), +1)];
        }
        double spot = market.SpxSpot(day);
        if (!(spot > 0)) return null;
        var grid = new StrikeGrid(Rules.SpxStrikeGrid);
        double shortPut = SpxStrike(context, day, OptionRight.Put, Rules.ShortDelta, spot, t, grid);
        double shortCall = SpxStrike(context, day, OptionRight.Call, Rules.ShortDelta, spot, t, grid);
        switch (Rules.Structure)
        {
            case OverlayStructure.ShortPut:
                return double.IsNaN(shortPut) ? null : [(Instrument.SpxOption(OptionRight.Put, shortPut, expiry), -1)];
            case OverlayStructure.ShortCall:
                return double.IsNaN(shortCall) ? null : [(Instrument.SpxOption(OptionRight.Call, shortCall, expiry), -1)];
            default:
            {
                double longPut = SpxStrike(context, day, OptionRight.Put, Rules.WingDelta, spot, t, grid);
                double longCall = SpxStrike(context, day, OptionRight.Call, Rules.WingDelta, spot, t, grid);
                if (double.IsNaN(shortPut + shortCall + longPut + longCall)) return null;
                // Wings strictly outside the shorts (one grid step at least) keep the risk defined.
                longPut = Math.Min(longPut, shortPut - grid.Step);
                longCall = Math.Max(longCall, shortCall + grid.Step);
                return
                [
                    (Instrument.SpxOption(OptionRight.Put, shortPut, expiry), -1),
                    (Instrument.SpxOption(OptionRight.Put, longPut, expiry), +1),
                    (Instrument.SpxOption(OptionRight.Call, shortCall, expiry), -1),
                    (Instrument.SpxOption(OptionRight.Call, longCall, expiry), +1),
                ];
            }
        }
    }

    /// <summary>A strike by absolute delta on the surface (nearest listed), or at the money on the out-of-the-money side when <paramref name="delta"/> is 0.</summary>
    private double SpxStrike(SleeveContext context, int day, OptionRight right, double delta, double spot, double t, StrikeGrid grid)
    {
        if (delta <= 0) return right == OptionRight.Put ? Math.Floor(spot / grid.Step) * grid.Step : Math.Ceiling(spot / grid.Step) * grid.Step;
        double signed = right == OptionRight.Put ? -delta : delta;
        // The nearest listed strike (the search stops once it knows it; its deltas count in the run's valuations). A grid
        // step that is not positive throws here, outside the catch, as the grid's rounding did.
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(grid.Step);
        try
        {
            double k = StrikeFromDelta.ListedForSmile(right, signed, spot, market.Rate(day), market.DividendYield(day), t, new SurfaceSmile(market, day, t),
                grid.NearestListing, out int valuations);
            context.CountValuations(valuations);
            return k;
        }
        catch (ArgumentOutOfRangeException)
        {
            return double.NaN;
        }
    }

    private static string Describe(List<(Instrument Instrument, int Sign)> legs) =>
        string.Join(" ", legs.Select(l => $"{(l.Sign > 0 ? "+" : "-")}{(l.Instrument.Right == OptionRight.Call ? 'C' : 'P')}{l.Instrument.Strike:0.##}"));

    private readonly struct SurfaceSmile(IOptionMarket market, int day, double t) : IVolSmile
    {
        public double Vol(double strike) => market.SpxVol(day, strike, t);
    }

    private readonly struct VixSmile(IOptionMarket market, int day, DateOnly expiry) : IVolSmile
    {
        public double Vol(double strike) => market.VixOptionVol(day, expiry, strike);
    }
}
