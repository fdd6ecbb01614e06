using Alvh.Engine;
using Alvh.Engine.Options;
using Alvh.Pricing;
using Alvh.Regimes;

namespace Alvh.Sleeves;

/// <summary>
/// One layer of the Adaptive Layered VIX Hedge: VIX calls (or call spreads) at one tenor, bought with
/// a regime-adapted budget, thickened by tranches on triggers (shortest layer only), monetised in
/// spikes and rolled before expiry. Several layers with staggered tenors (e.g. 30/60/90 days) make
/// the hedge; each is its own sleeve so its carry and payoff are reported separately.
/// </summary>
public sealed class AlvhLayerSleeve(IOptionMarket market, AlvhParameters parameters, int tenorDays, int layerCount, bool takesTranches, string name, double allocation) : ISleeve
{
    // Scratch for the per-day read of the open legs (one sleeve instance per run).
    private readonly List<Ledger.Position> _legs = new(16);

    // The expiries the layer leaves to expire (LeaveLeft), each until it expires: those a roll ordered sold (legs of them
    // still held on a later day were not sold at the fill: a long call with no bid is left out of the order), and those
    // left worthless in the roll window (LeaveWorthless). Several at once: a roll window of a month or more holds a base
    // and a tranche together, and one remembered expiry (one rolled, one worthless) let the second make the layer forget
    // the first, which, marked over a tick again, was rolled for about its tick and fees.
    private readonly List<DateOnly> _left = new(4);

    // The legs of the expiries in _left still held today (LeaveLeft; scratch, one sleeve instance per run).
    private readonly List<Ledger.Position> _leftLegs = new(8);

    // True while the fresh layer replacing a worthless expiry left beside later expiries is still to be ordered: the day the
    // expiry was left may buy nothing (no budget in the regime, under one contract), and the layer then went without its
    // base until the later expiry's own roll.
    private bool _replacing;

    // The expiry of the layer's base: its last "establish layer" or "roll: new layer" order (MinValue: none). A roll buys a
    // new layer when the base is among the expiries it sells, or the layer holds none; the tranches are sold at their own.
    private DateOnly _base = DateOnly.MinValue;

    // The base's long call as ordered at the last decision and how many of it the layer held then (BaseFilled), checked at
    // the next decision, after the order's fill.
    private Instrument _baseCall;
    private double _baseHeldBefore;
    private bool _baseToCheck;

    // True from a sale in a VIX spike until the VIX closes below RebuildBelowVix or the layer holds calls again: a flat
    // layer buys no new base meanwhile.
    private bool _waitingForCalm;

    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public double Allocation { get; } = allocation;

    /// <summary>Target calendar days to expiry when the layer is bought.</summary>
    public int TenorDays { get; } = tenorDays;

    /// <summary>The rules.</summary>
    public AlvhParameters Rules { get; } = parameters;

    /// <inheritdoc />
    public DividendPolicy Dividends => DividendPolicy.Cash;

    /// <inheritdoc />
    public bool WholeShares => false;

    /// <inheritdoc />
    public IReadOnlyList<Assumption> Parameters =>
        [new("tenorDays", TenorDays.ToString(System.Globalization.CultureInfo.InvariantCulture), "days", "staggered layers"),
         new("budgetShare", (1.0 / layerCount).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture), "of budgetPerYear", $"the budget is shared by the {layerCount} layers (each layer below repeats the whole strategy's budgetPerYear); signal tranches come on top"),
         .. Rules.ToAssumptions()];

    /// <inheritdoc />
    public void Decide(SleeveContext context, List<Intent> intents)
    {
        var legs = _legs;
        context.CopyPositions(legs, InstrumentKind.VixOption);
        double vix = context.Market.Close("vix");
        if (double.IsNaN(vix)) return;
        LeaveLeft(context, legs);
        // The wait lasts while the layer is flat after its spike sale: a sale the fill dropped leaves the legs held (it is
        // ordered again while the spike lasts), and a later sale of them (a roll, a multiple of their cost) is no spike's.
        if (_waitingForCalm && (vix < Rules.RebuildBelowVix || legs.Count > 0)) _waitingForCalm = false;
        // The base is held (a worthless one left to expire counts: it is replaced once, below). A base ordered but not held,
        // or whose order the last fill did not fill (BaseFilled), is bought again.
        bool filled = BaseFilled(context);
        bool baseMissing = _base > context.Date && (!HoldsExpiry(legs, _base) || !filled);
        var leftWorthless = LeaveWorthless(context, legs);
        if (legs.Count > 0)
        {
            double value = 0, cost = 0;
            var firstExpiry = DateOnly.MaxValue;
            foreach (var l in legs)
            {
                value += l.Quantity * context.Mark(l.Instrument) * l.Instrument.Multiplier;
                cost += l.CostBasis;
                if (l.Instrument.Expiry < firstExpiry) firstExpiry = l.Instrument.Expiry;
            }
            int dte = firstExpiry.DayNumber - context.Date.DayNumber;
            // With a gain: what the layer's sale would bring in at the close, after its half-spreads and fees, above what it
            // cost with its own fees (a position's basis holds the prices paid only). Judged at the mid against the prices, a
            // spike sold layers whose sale locked in a loss (drip-alvh's monetisations over 2006-2026: 298 then, 288 with the
            // sale's costs, 285 with the purchases' fees too).
            bool spike = vix >= Rules.MonetiseVix && value > cost && SaleProceeds(context, legs) > cost + FeesPaid(context, legs);
            bool multiple = !spike && cost > 0 && value >= Rules.MonetiseMultiple * cost;
            bool roll = !spike && !multiple && dte < Rules.RollDays;
            // The reason is written only when the layer acts (formatting it every day of a long spike was a
            // measurable share of a simulated path).
            if ((spike || multiple || roll) && context.TradableAtNextFill(firstExpiry))
            {
                string reason = spike ? $"monetise: VIX {vix:0.0} >= {Rules.MonetiseVix}"
                    : multiple ? $"monetise: worth {value / cost:0.0}x cost"
                    : "roll";
                // A monetise sells every expiry; a roll those inside the roll window only. It sold them all, and a tranche
                // bought into a later expiry was sold weeks before its own roll, often to be bought back in the new layer's
                // expiry (59 times over 2006-2026 for drip-alvh; 96 such sales cost $25.8k in half-spreads and fees).
                int today = context.Date.DayNumber;
                bool Sells(DateOnly expiry) => !roll || expiry.DayNumber - today < Rules.RollDays;
                bool heldBase = _base != DateOnly.MinValue && !baseMissing && HoldsExpiry(legs, _base);
                // One order per expiry: a call spread's legs are closed together (its long leg alone would leave the short
                // naked), and an expiry that cannot be placed does not hold back the others (one order over every expiry
                // left fresh tranches unsold behind an expiring one). The nearest expiry goes last, and a roll's purchase
                // joins its order: with that close not placed, the purchase went through alone and a layer was added every day.
                int order = LaterCloseOrders;
                for (int i = 0; i < legs.Count; i++)
                {
                    var expiry = legs[i].Instrument.Expiry;
                    if (expiry == firstExpiry || !Sells(expiry) || !FirstOfExpiry(legs, i)) continue;
                    SellExpiry(legs, expiry, intents, reason, order++);
                    if (roll) _left.Add(expiry);
                }
                if (spike)
                {
                    order = SellLeftInSpike(context, intents, reason, order);
                    _waitingForCalm = Rules.RebuildBelowVix > 0;
                }
                SellExpiry(legs, firstExpiry, intents, reason, CloseOrder);
                _replacing = false; // the layer is sold (and, rolled, bought afresh)
                if (roll)
                {
                    _left.Add(firstExpiry);
                    // A tranche's expiry rolled while the base is held later is sold, not replaced.
                    // One that buys nothing (no budget in the regime, under one contract) leaves the base to be bought on the
                    // first day it can be: the later tranches it no longer sells kept the layer from buying one until their roll.
                    if (!heldBase || Sells(_base))
                    {
                        if (Buy(context, intents, Spend(context), "roll: new layer", CloseOrder) is { } bought) OrderedBase(context, bought);
                        else _replacing = true;
                    }
                }
                return;
            }
            // A worthless expiry left in the roll window is replaced by a fresh layer once, beside the later expiries the
            // layer holds (a tranche bought into the next month): a 30-day layer holding one bought no fresh layer and went
            // without its base until the tranche's own roll.
            // A worthless tranche left while the base is held later is not replaced.
            if (leftWorthless != DateOnly.MinValue) _replacing = !HoldsExpiry(legs, _base);
            if (baseMissing) _replacing = true;
            if (_replacing && Buy(context, intents, Spend(context), "establish layer") is { } replacement)
            {
                _replacing = false;
                OrderedBase(context, replacement);
            }
            else if (takesTranches && TriggerFired(context) is { } trigger) Buy(context, intents, Rules.TrancheFraction * context.PortfolioEquity, trigger);
            return;
        }
        if (Rules.RouteIncomeToDrip) RouteExcess(context, intents);
        // A worthless expiry left out until it expires (LeaveWorthless keeps it left) is replaced once: by this layer.
        _replacing = false; // a layer holding nothing buys one every day until it holds one
        if (_waitingForCalm) return; // sold in a spike: rebuilt once the VIX has calmed
        if (Buy(context, intents, Spend(context), "establish layer") is { } established) OrderedBase(context, established);
    }

    /// <summary>Remembers the base just ordered: its expiry, and its long call with the quantity held before the fill.</summary>
    private void OrderedBase(SleeveContext context, Instrument call)
    {
        _base = call.Expiry;
        _baseCall = call;
        _baseHeldBefore = context.Quantity(call);
        _baseToCheck = true;
    }

    /// <summary>
    /// False on the decision after a base's order when the layer holds no more of its long call than before: the order was
    /// dropped at the fill (no price, no cash, not placed), and the base is bought again, as one the decision could not
    /// order is. Its expiry held is not enough: a tranche bought into it days before hid the missing base until that
    /// expiry's roll. True on other days.
    /// </summary>
    private bool BaseFilled(SleeveContext context)
    {
        if (!_baseToCheck) return true;
        _baseToCheck = false;
        return context.Quantity(_baseCall) > _baseHeldBefore;
    }

    private static bool HoldsExpiry(List<Ledger.Position> legs, DateOnly expiry)
    {
        foreach (var l in legs)
        {
            if (l.Instrument.Expiry == expiry) return true;
        }
        return false;
    }

    /// <summary>
    /// Leaves out of the layer's decisions an expiry within the roll window whose legs are worth no more than one tick a
    /// contract held long (<see cref="IronCondorSleeve.NoBidBelow"/>): it expires as it is. Rolled, its sale fetched nothing
    /// and paid its fees, and a spread's sale past its range held back the whole roll (the new layer's purchase with it),
    /// tried again every day until the old spread expired. The layer then buys its new expiry as a fresh one (once: beside the
    /// later expiries it holds, too). The expiry stays left until it expires (<see cref="LeaveLeft"/>): its mark hovers about
    /// a tick, and one above it the next day rolled the expiry and with it the fresh layer bought the day before. Returns the
    /// latest expiry left out today (<see cref="DateOnly.MinValue"/>: none).
    /// </summary>
    private DateOnly LeaveWorthless(SleeveContext context, List<Ledger.Position> legs)
    {
        var left = DateOnly.MinValue;
        if (Rules.RollDays <= 0 || legs.Count == 0) return left;
        for (int i = 0; i < legs.Count; i++)
        {
            var expiry = legs[i].Instrument.Expiry;
            if (expiry.DayNumber - context.Date.DayNumber >= Rules.RollDays) continue;
            if (!(Worth(context, legs, expiry) <= IronCondorSleeve.NoBidBelow * Longs(legs, expiry))) continue;
            RemoveExpiry(legs, expiry);
            _left.Add(expiry);
            if (expiry > left) left = expiry;
            i = -1;
        }
        return left;
    }

    /// <summary>
    /// Leaves out of the layer's decisions the legs of the expiries it leaves to expire (<see cref="_left"/>), and forgets
    /// those expired. A rolled expiry still held was left by the fill (a long call with no bid at the open is not sold for
    /// nothing, and a roll that could not be placed is not tried again), and it expires as it is. Before, such a call was
    /// sold for nothing and paid its fees (5 times over 1990-2026 for drip-alvh), because left held the layer would have
    /// rolled again the next day and sold the new layer bought the day before.
    /// </summary>
    private void LeaveLeft(SleeveContext context, List<Ledger.Position> legs)
    {
        _leftLegs.Clear();
        for (int k = _left.Count - 1; k >= 0; k--)
        {
            var expiry = _left[k];
            if (expiry <= context.Date)
            {
                _left.RemoveAt(k); // expired and settled
                continue;
            }
            for (int i = legs.Count - 1; i >= 0; i--)
            {
                if (legs[i].Instrument.Expiry != expiry) continue;
                _leftLegs.Add(legs[i]);
                legs.RemoveAt(i);
            }
        }
    }

    /// <summary>
    /// When the layer monetises in a VIX spike (its close at or above <see cref="AlvhParameters.MonetiseVix"/>), an expiry
    /// it left to expire that is worth this many ticks a contract held long again (<see cref="IronCondorSleeve.NoBidBelow"/>
    /// each: ten, a VIX call at 0.50, $50 a contract) is sold with the rest, when it can be traded at the next fill. Left for
    /// good, a call left worthless in the roll window that the spike made valuable expired worthless: layers of 65 and 100
    /// days rolled 60 days out let $2.47M of calls expire that way after 2018-02-06, where a trader sells them. It takes no
    /// part in the layer's decisions (the spike's test of value against cost, the nearest expiry, the roll): outside a
    /// monetisation it stays left, its mark hovering about a tick; ten ticks, not one, for the same reason.
    /// </summary>
    internal const double ReclaimTicks = 10;

    /// <summary>What selling every leg held (buying back the short ones) would bring in at today's close, after half-spreads and fees; NaN when a leg has no tradable price.</summary>
    private static double SaleProceeds(SleeveContext context, List<Ledger.Position> legs)
    {
        double proceeds = 0;
        foreach (var l in legs) proceeds += context.CashAtClose(l.Instrument, -l.Quantity);
        return proceeds;
    }

    /// <summary>The fees booked on every leg held since it was opened.</summary>
    private static double FeesPaid(SleeveContext context, List<Ledger.Position> legs)
    {
        double fees = 0;
        foreach (var l in legs) fees += context.FeesPaid(l.Instrument);
        return fees;
    }

    /// <summary>Adds to a spike's monetisation the sale of each expiry left to expire that is worth <see cref="ReclaimTicks"/> again.</summary>
    private int SellLeftInSpike(SleeveContext context, List<Intent> intents, string reason, int order)
    {
        var legs = _leftLegs;
        for (int i = 0; i < legs.Count; i++)
        {
            var expiry = legs[i].Instrument.Expiry;
            if (!FirstOfExpiry(legs, i) || !context.TradableAtNextFill(expiry)) continue;
            if (!(Worth(context, legs, expiry) >= ReclaimTicks * IronCondorSleeve.NoBidBelow * Longs(legs, expiry))) continue;
            SellExpiry(legs, expiry, intents, reason, order++);
        }
        return order;
    }

    /// <summary>Orders every leg of <paramref name="expiry"/> in <paramref name="legs"/> closed, as one order (<paramref name="combo"/>): a spread's legs go together.</summary>
    private void SellExpiry(List<Ledger.Position> legs, DateOnly expiry, List<Intent> intents, string reason, int combo)
    {
        foreach (var l in legs)
        {
            if (l.Instrument.Expiry == expiry) intents.Add(new Intent(Name, l.Instrument, -l.Quantity, reason, Combo: combo));
        }
    }

    /// <summary>True when leg <paramref name="i"/> is the first of its expiry in <paramref name="legs"/> (each expiry is ordered once; a loop, where FindIndex allocated a closure on every day the layer acts).</summary>
    private static bool FirstOfExpiry(List<Ledger.Position> legs, int i)
    {
        var expiry = legs[i].Instrument.Expiry;
        for (int j = 0; j < i; j++)
        {
            if (legs[j].Instrument.Expiry == expiry) return false;
        }
        return true;
    }

    /// <summary>The legs of <paramref name="expiry"/> at today's marks, per unit of quantity (a loop: no closure every day).</summary>
    private static double Worth(SleeveContext context, List<Ledger.Position> legs, DateOnly expiry)
    {
        double value = 0;
        foreach (var l in legs)
        {
            if (l.Instrument.Expiry == expiry) value += l.Quantity * context.Mark(l.Instrument);
        }
        return value;
    }

    /// <summary>Contracts held long in <paramref name="expiry"/>.</summary>
    private static double Longs(List<Ledger.Position> legs, DateOnly expiry)
    {
        double longs = 0;
        foreach (var l in legs)
        {
            if (l.Instrument.Expiry == expiry) longs += Math.Max(0, l.Quantity);
        }
        return longs;
    }

    /// <summary>Removes the legs of <paramref name="expiry"/> from <paramref name="legs"/> (a loop: no closure every day).</summary>
    private static void RemoveExpiry(List<Ledger.Position> legs, DateOnly expiry)
    {
        for (int i = legs.Count - 1; i >= 0; i--)
        {
            if (legs[i].Instrument.Expiry == expiry) legs.RemoveAt(i);
        }
    }

    private double Spend(SleeveContext context)
    {
        double multiplier = Rules.RegimeMultiplier.TryGetValue(context.Signals.Regime, out var m) ? m : 1;
        return Rules.BudgetPerYear * context.PortfolioEquity * (TenorDays / 365.0) / layerCount * multiplier;
    }

    private string? TriggerFired(SleeveContext context)
    {
        var s = context.Signals;
        if (Rules.TrancheOnMacdCrossUp && s.MacdVixCross > 0) return "tranche: MACD(VIX) crossed up";
        if (Rules.TrancheOnRsiSpxAbove > 0 && s.RsiSpx > Rules.TrancheOnRsiSpxAbove && !(s.RsiSpxAgo(1) > Rules.TrancheOnRsiSpxAbove)) return "tranche: RSI(SPX) overbought";
        if (Rules.TrancheOnRsiVixBelow > 0 && s.RsiVix < Rules.TrancheOnRsiVixBelow && !(s.RsiVixAgo(1) < Rules.TrancheOnRsiVixBelow)) return "tranche: RSI(VIX) oversold";
        if (Rules.TrancheOnBreadthDivergence && s.BreadthDivergence < 0 && s.BreadthDivergenceAgo(1) >= 0) return "tranche: breadth deteriorating";
        if (Rules.TrancheBeforeEventDays >= 0 && s.DaysToMacroEvent == Rules.TrancheBeforeEventDays) return "tranche: macro event ahead";
        return null;
    }

    /// <summary>Orders a layer (or a tranche) of <paramref name="spend"/>; the long call ordered, null when nothing is.</summary>
    private Instrument? Buy(SleeveContext context, List<Intent> intents, double spend, string reason, int order = BuyOrder)
    {
        int day = context.Day;
        spend = Math.Min(spend, context.Cash);
        var expiry = market.VixExpiry(day, TenorDays);
        if (expiry is null || spend <= 0) return null;
        // Never an expiry already inside the roll window: it would be rolled (or, worthless, left) at once, and a layer
        // whose tenor is under its roll window bought and sold it every day.
        if (Rules.RollDays > 0 && expiry.Value.DayNumber - context.Date.DayNumber < Rules.RollDays) return null;
        double future = market.VixFuture(day, expiry.Value);
        double t = (expiry.Value.DayNumber - context.Date.DayNumber) / 365.0;
        if (double.IsNaN(future) || t <= 0) return null;
        // The listed strike at or above the target: the delta's (the search stops once it knows that strike; its deltas
        // count in the run's valuations), or the one above the future.
        var listing = new StrikeListing(Rules.StrikeGrid, StrikeRounding.Up);
        double strike;
        if (Rules.StrikeDelta > 0)
        {
            double r = market.Rate(day);
            // A Black-76 call's delta stays below e^{-rT} (deep in the money): strikeDelta 0.95 on a 347-day layer at a 6%
            // rate (2000) has no strike, and StrikeFromDelta's refusal stopped the backtest as "bad input" naming no key.
            // No strike has that delta: no layer, as when the search finds none.
            if (Rules.StrikeDelta >= Math.Exp(-r * t)) return null;
            // Black-76 is BSM with the dividend yield equal to the rate, on the future as spot.
            strike = StrikeFromDelta.ListedForSmile(OptionRight.Call, Rules.StrikeDelta, future, r, r, t, new VixSmile(market, day, expiry.Value), listing, out int valuations);
            context.CountValuations(valuations);
        }
        else
        {
            strike = listing.Round(future * (1 + Rules.StrikeAboveFuture));
        }
        if (double.IsNaN(strike)) return null;
        var longCall = Instrument.VixOption(OptionRight.Call, strike, expiry.Value);
        double premium = context.Mark(longCall);
        Instrument? shortCall = null;
        if (Rules.SpreadWidth > 0)
        {
            shortCall = Instrument.VixOption(OptionRight.Call, strike + Rules.SpreadWidth, expiry.Value);
            premium -= context.Mark(shortCall.Value);
        }
        if (!(premium > 0.01)) return null;
        double contracts = Math.Floor(spend / (premium * 100));
        if (contracts < 1) return null;
        // A call spread is one order: both legs scaled together to the cash (the long leg alone clipped to it left the
        // short leg sold in full), at a net debit between 0 and the width.
        intents.Add(new Intent(Name, longCall, contracts, reason, Combo: order));
        if (shortCall is { } sc) intents.Add(new Intent(Name, sc, -contracts, reason, Combo: order));
        return longCall;
    }

    private const int CloseOrder = 1, BuyOrder = 2, LaterCloseOrders = 10;

    private void RouteExcess(SleeveContext context, List<Intent> intents)
    {
        double excess = context.Cash - Allocation * context.PortfolioEquity;
        if (excess > 0.001 * context.PortfolioEquity) intents.Add(Intent.Transfer(Name, "drip", excess, "hedge payoff to DRIP"));
    }

    private readonly struct VixSmile(IOptionMarket market, int day, DateOnly expiry) : IVolSmile
    {
        public double Vol(double strike) => market.VixOptionVol(day, expiry, strike);
    }
}
