using Alvh.Engine;
using Alvh.Engine.Options;
using Alvh.Pricing;
using Alvh.Regimes;
using Alvh.Structures;

namespace Alvh.Sleeves;

/// <summary>
/// Sells SPX iron condors on a weekly schedule on listed expirations, sized by risk, gated by VIX,
/// RSI, the VIX term structure and the macro calendar, and managed by take-profit, stop-loss and
/// days-to-expiry rules. One condor at a time, except that the next week's is decided on the last day of a condor
/// held to expiry (each managed on its own); the sleeve's cash is the defined-risk collateral.
/// </summary>
public sealed class IronCondorSleeve(IOptionMarket market, CondorParameters parameters, string name = "condor", double allocation = 0.1) : ISleeve
{
    // Scratch for the per-day read of the open legs (one sleeve instance per run).
    private readonly List<Ledger.Position> _legs = new(8);
    private readonly List<Ledger.Position> _group = new(4);

    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public double Allocation { get; } = allocation;

    /// <summary>The rules.</summary>
    public CondorParameters Rules { get; } = parameters;

    /// <inheritdoc />
    public DividendPolicy Dividends => DividendPolicy.Cash;

    /// <inheritdoc />
    public bool WholeShares => false;

    /// <inheritdoc />
    public IReadOnlyList<Assumption> Parameters => Rules.ToAssumptions();

    /// <inheritdoc />
    public void Decide(SleeveContext context, List<Intent> intents)
    {
        var legs = _legs;
        context.CopyPositions(legs, InstrumentKind.SpxOption);
        if (legs.Count == 0)
        {
            double swept = Rules.RouteIncomeToDrip ? RouteExcess(context, intents, heldValue: 0, heldRisk: 0) : 0;
            if (context.Date.DayOfWeek != Rules.EntryWeekday || !GatesOpen(context)) return;
            Open(context, intents, lastHeldExpiry: null, reserved: swept, overlap: false);
            return;
        }
        // Each condor held (one per expiry) is managed on its own.
        var (lastExpiry, lastAtRisk, heldRisk, heldValue) = ManageEach(context, legs, intents);
        // Income is swept while condors are held too (with one sold every week the sleeve is rarely flat): what the
        // sleeve is worth above its target, keeping the cash the held condors' worst loss needs.
        double sweep = Rules.RouteIncomeToDrip ? RouteExcess(context, intents, heldValue, heldRisk) : 0;
        // One condor at a time, except on its last day: a condor that settles by the next fill (the day before its
        // expiry, when the next week's is decided on a Thursday for 8 days) does not hold back the next week's entry,
        // which would otherwise be skipped every week a condor is held to expiry. The new condor's budget leaves out
        // the held one's whole risk (its wider wing × contracts).
        if (lastAtRisk is { } atRisk && context.TradableAtNextFill(atRisk)) return;
        if (context.Date.DayOfWeek != Rules.EntryWeekday || !GatesOpen(context)) return;
        Open(context, intents, lastExpiry, reserved: heldRisk + sweep, overlap: lastAtRisk is not null);
    }

    /// <summary>
    /// Manages the condors held, one expiry at a time; returns the latest expiry held, the latest of a condor still at
    /// risk (one with a short leg; null when only long wings are left), the held condors' whole risk (the wider
    /// wing × contracts × multiplier of each, the worst payoff at expiry, their credits aside) and their value at the
    /// marks (dollars, each condor's as <see cref="Manage"/> reads it).
    /// </summary>
    private (DateOnly LastExpiry, DateOnly? LastAtRisk, double Risk, double Value) ManageEach(SleeveContext context, List<Ledger.Position> legs, List<Intent> intents)
    {
        var group = _group;
        DateOnly last = DateOnly.MinValue;
        DateOnly? atRisk = null;
        double value = 0, risk = 0;
        int order = 0;
        while (legs.Count > 0)
        {
            var expiry = legs[0].Instrument.Expiry;
            group.Clear();
            for (int i = legs.Count - 1; i >= 0; i--)
            {
                if (legs[i].Instrument.Expiry != expiry) continue;
                group.Add(legs[i]);
                legs.RemoveAt(i);
            }
            group.Reverse();
            if (expiry > last) last = expiry;
            if (group.Exists(l => l.Quantity < 0) && (atRisk is null || expiry > atRisk)) atRisk = expiry;
            risk += WorstLoss(group);
            value += Manage(context, group, intents, order == 0 ? CloseOrder : CloseOrder + 10 * order);
            order++;
        }
        return (last, atRisk, risk, value);
    }

    /// <summary>
    /// The worst payoff at expiry of a held condor's legs, as a positive loss in dollars (0 when none): the lowest value of
    /// the legs' piecewise-linear payoff (<see cref="ComboFill.PayoffRange"/>), so any layout counts: unequal wings, a
    /// side already closed, long wings left alone (no loss), a naked short (unbounded: no new condor beside it).
    /// </summary>
    private static double WorstLoss(List<Ledger.Position> legs)
    {
        int n = legs.Count;
        Span<OptionRight> rights = n <= 8 ? stackalloc OptionRight[n] : new OptionRight[n];
        Span<double> strikes = n <= 8 ? stackalloc double[n] : new double[n];
        Span<double> quantities = n <= 8 ? stackalloc double[n] : new double[n];
        double multiplier = legs[0].Instrument.Multiplier;
        for (int i = 0; i < n; i++)
        {
            rights[i] = legs[i].Instrument.Right;
            strikes[i] = legs[i].Instrument.Strike;
            quantities[i] = legs[i].Quantity;
        }
        double low = ComboFill.PayoffRange(rights, strikes, quantities).Low;
        return low >= 0 ? 0 : -low * multiplier;
    }

    private bool GatesOpen(SleeveContext context)
    {
        double vix = context.Market.Close("vix");
        if (double.IsNaN(vix) || vix > Rules.MaxVix || vix < Rules.MinVix) return false;
        var s = context.Signals;
        if (Rules.MinRsiSpx > 0 && !(s.RsiSpx >= Rules.MinRsiSpx)) return false;
        if (Rules.SkipBackwardation && s.Term == TermStructureState.Backwardation) return false;
        if (Rules.EventBufferDays >= 0 && s.DaysToMacroEvent <= Rules.EventBufferDays) return false;
        return true;
    }

    /// <summary>
    /// Decides a condor. <paramref name="reserved"/>: cash it may not count on (the held condors' worst loss, the income
    /// swept today). <paramref name="overlap"/>: a condor is still at risk, so the new one is sized on its wider wing alone
    /// (no credit): the engine's margin check at the fill sees only the new order, and a fill's credit below the
    /// decision's mids would be paid from the held condor's collateral.
    /// </summary>
    private void Open(SleeveContext context, List<Intent> intents, DateOnly? lastHeldExpiry, double reserved, bool overlap)
    {
        int day = context.Day;
        var expiry = TradableExpiry(context);
        if (expiry is null || expiry <= lastHeldExpiry) return; // one condor per expiry
        double spot = market.SpxSpot(day);
        double t = (expiry.Value.DayNumber - context.Date.DayNumber) / 365.0;
        if (double.IsNaN(spot) || t <= 0) return;
        double r = market.Rate(day), q = market.DividendYield(day);
        var expiryMarket = new OptionMarket(spot, r, q, t, new SurfaceSmile(market, day, t));
        var grid = new StrikeGrid(Rules.StrikeGrid);
        IronCondor condor;
        try
        {
            condor = Rules.ShortDistance > 0
                ? IronCondor.StrikesByDistance(expiryMarket, expiry.Value, Rules.ShortDistance * 100, Rules.ShortDistance * 100, StrikeDistance.Percent, Rules.PutWing, Rules.CallWing, grid)
                : ByDelta(context, expiryMarket, expiry.Value, grid);
        }
        catch (ArgumentException)
        {
            return; // no strike with the delta on this surface, or strikes out of order: no trade today
        }
        var sp = Leg(condor.ShortPut);
        var lp = Leg(condor.LongPut);
        var sc = Leg(condor.ShortCall);
        var lc = Leg(condor.LongCall);
        // Priced at the engine's marks (the model mid the fill starts from), not on the solver's market: the
        // defined-risk margin is the wider wing minus the credit, one side only.
        var priced = condor.WithPrices(context.Mark(lp), context.Mark(sp), context.Mark(sc), context.Mark(lc));
        double credit = priced.NetCredit;
        double maxLossPerContract = (overlap ? Math.Max(priced.PutWingWidth, priced.CallWingWidth) * priced.Quantity : priced.DefinedRiskMargin) * sp.Multiplier;
        if (!(credit > 0) || maxLossPerContract <= 0) return;
        double budget = Math.Min(Rules.MaxLossFraction * context.PortfolioEquity, context.Cash - reserved);
        double contracts = Math.Floor(budget / maxLossPerContract);
        if (contracts < 1) return;
        // Whole strikes (the listed grid's) are written as integers, the same text as format "0" without the float
        // formatter, which was 2-3% of a full drip-condor-alvh run's profile.
        string why = Instrument.IsWholeStrike(lp.Strike) && Instrument.IsWholeStrike(sp.Strike) && Instrument.IsWholeStrike(sc.Strike) && Instrument.IsWholeStrike(lc.Strike)
            ? $"open condor {(long)lp.Strike}/{(long)sp.Strike}/{(long)sc.Strike}/{(long)lc.Strike} decision mid credit {credit:0.00}"
            : $"open condor {lp.Strike:0}/{sp.Strike:0}/{sc.Strike:0}/{lc.Strike:0} decision mid credit {credit:0.00}";
        // One order (Intent.Combo): the four legs fill together, for a credit between 0 and the wider wing.
        intents.Add(new Intent(Name, sp, -contracts, why, Combo: OpenOrder));
        intents.Add(new Intent(Name, lp, contracts, why, Combo: OpenOrder));
        intents.Add(new Intent(Name, sc, -contracts, why, Combo: OpenOrder));
        intents.Add(new Intent(Name, lc, contracts, why, Combo: OpenOrder));
    }

    /// <summary>The condor's strikes by delta; the deltas its strike searches valued count in the run's valuations.</summary>
    private IronCondor ByDelta(SleeveContext context, OptionMarket expiryMarket, DateOnly expiry, StrikeGrid grid)
    {
        int valuations = 0;
        try
        {
            return IronCondor.StrikesByDelta(expiryMarket, expiry, -Rules.ShortDelta, Rules.ShortDelta, Rules.PutWing, Rules.CallWing, grid, out valuations);
        }
        finally
        {
            context.CountValuations(valuations);
        }
    }

    /// <summary>Takes profit, stops or closes one held condor by its rules; returns its legs' value at the marks (dollars).</summary>
    private double Manage(SleeveContext context, List<Ledger.Position> legs, List<Intent> intents, int order)
    {
        double credit = 0, costToClose = 0;
        foreach (var l in legs)
        {
            credit -= l.CostBasis;
            costToClose -= l.Quantity * context.Mark(l.Instrument) * l.Instrument.Multiplier;
        }
        int dte = legs[0].Instrument.Expiry.DayNumber - context.Date.DayNumber;
        string? reason = null;
        if (Rules.TakeProfit > 0 && credit > 0 && costToClose <= (1 - Rules.TakeProfit) * credit) reason = "take profit";
        else if (Rules.StopLoss > 0 && credit > 0 && costToClose - credit >= Rules.StopLoss * credit) reason = "stop loss";
        else if (Rules.CloseAtDte > 0 && dte <= Rules.CloseAtDte) reason = $"close at {Rules.CloseAtDte} DTE";
        // The day before a P.M.-settled expiry the close fills at the expiry morning's open, before the settlement.
        if (reason is null || !context.ClosableAtNextFill(legs[0].Instrument)) return -costToClose; // it settles instead
        // Bought back as one order, for no more than the wider wing. A long wing marked under one tick has no bid: it is
        // left to expire rather than sold for nothing and its fees (761 such sales over 1990-2026 paid $46,921 in fees).
        foreach (var l in legs)
        {
            if (l.Quantity > 0 && context.Mark(l.Instrument) < NoBidBelow) continue;
            intents.Add(new Intent(Name, l.Instrument, -l.Quantity, reason, Combo: order));
        }
        return -costToClose;
    }

    private const int OpenOrder = 1, CloseOrder = 2;

    /// <summary>SPX options' minimum tick below 3 points (Cboe): a long option marked under it has no bid worth selling into.</summary>
    internal const double NoBidBelow = 0.05;

    /// <summary>
    /// The listed expiry nearest the target that can still be traded at the next fill: the target's, else the nearest to
    /// one to three days further (a Friday decision for two days picked Monday's expiry, the fill day itself, and the order
    /// was dropped every week; a holiday did the same to Monday and Tuesday entries); null when none.
    /// </summary>
    private DateOnly? TradableExpiry(SleeveContext context)
    {
        for (int extra = 0; extra <= 3; extra++)
        {
            var expiry = market.SpxExpiry(context.Day, Rules.TargetDte + extra);
            if (expiry is { } e && context.TradableAtNextFill(e)) return e;
        }
        return null;
    }

    /// <summary>
    /// Sends the sleeve's value above its target (allocation × equity) to the DRIP, keeping the cash the held condors'
    /// worst loss needs: min(cash + held marks − target, cash − held risk). Flat, that is the cash above the target.
    /// </summary>
    private double RouteExcess(SleeveContext context, List<Intent> intents, double heldValue, double heldRisk)
    {
        double excess = Math.Min(context.Cash + heldValue - Allocation * context.PortfolioEquity, context.Cash - heldRisk);
        if (!(excess > 0.001 * context.PortfolioEquity)) return 0;
        intents.Add(Intent.Transfer(Name, "drip", excess, "condor cash above its target to DRIP"));
        return excess;
    }

    private static Instrument Leg(OptionLeg leg) => Instrument.SpxOption(leg.Right, leg.Strike, leg.Expiry);

    /// <summary>The surface at one day and tenor as a smile for the strike solver.</summary>
    private readonly struct SurfaceSmile(IOptionMarket market, int day, double t) : IVolSmile
    {
        public double Vol(double strike) => market.SpxVol(day, strike, t);
    }
}
