using Alvh.Engine;
using Alvh.Engine.Options;
using Alvh.Pricing;
using Alvh.Regimes;

namespace Alvh.Sleeves;

/// <summary>
/// Sells SPX iron condors on a weekly schedule on listed expirations, sized by risk, gated by VIX,
/// RSI, the VIX term structure and the macro calendar, and managed by take-profit, stop-loss and
/// days-to-expiry rules. One condor at a time; the sleeve's cash is the defined-risk collateral.
/// </summary>
public sealed class IronCondorSleeve(IOptionMarket market, CondorParameters parameters, string name = "condor", double allocation = 0.1) : ISleeve
{
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
        var legs = context.Positions.Where(p => p.Instrument.Kind == InstrumentKind.SpxOption).ToList();
        if (legs.Count > 0)
        {
            Manage(context, legs, intents);
            return;
        }
        if (Rules.RouteIncomeToDrip) RouteExcess(context, intents);
        if (context.Date.DayOfWeek != Rules.EntryWeekday || !GatesOpen(context)) return;
        Open(context, intents);
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

    private void Open(SleeveContext context, List<Intent> intents)
    {
        int day = context.Day;
        var expiry = market.SpxExpiry(day, Rules.TargetDte);
        if (expiry is null) return;
        double spot = market.SpxSpot(day);
        double t = (expiry.Value.DayNumber - context.Date.DayNumber) / 365.0;
        if (double.IsNaN(spot) || t <= 0) return;
        double r = market.Rate(day), q = market.DividendYield(day);
        var smile = new SurfaceSmile(market, day, t);
        double shortPut, shortCall;
        if (Rules.ShortDistance > 0)
        {
            shortPut = spot * (1 - Rules.ShortDistance);
            shortCall = spot * (1 + Rules.ShortDistance);
        }
        else
        {
            shortPut = StrikeFromDelta.ForSmile(OptionRight.Put, -Rules.ShortDelta, spot, r, q, t, smile);
            shortCall = StrikeFromDelta.ForSmile(OptionRight.Call, Rules.ShortDelta, spot, r, q, t, smile);
        }
        if (double.IsNaN(shortPut) || double.IsNaN(shortCall)) return;
        double grid = Rules.StrikeGrid;
        shortPut = Math.Floor(shortPut / grid) * grid;   // further out of the money: never closer than the rule
        shortCall = Math.Ceiling(shortCall / grid) * grid;
        var e = expiry.Value;
        var sp = Instrument.SpxOption(OptionRight.Put, shortPut, e);
        var lp = Instrument.SpxOption(OptionRight.Put, shortPut - Rules.PutWing, e);
        var sc = Instrument.SpxOption(OptionRight.Call, shortCall, e);
        var lc = Instrument.SpxOption(OptionRight.Call, shortCall + Rules.CallWing, e);
        double credit = context.Mark(sp) + context.Mark(sc) - context.Mark(lp) - context.Mark(lc);
        double maxLossPerContract = (Math.Max(Rules.PutWing, Rules.CallWing) - credit) * 100;
        if (!(credit > 0) || maxLossPerContract <= 0) return;
        double budget = Math.Min(Rules.MaxLossFraction * context.PortfolioEquity, context.Cash);
        double contracts = Math.Floor(budget / maxLossPerContract);
        if (contracts < 1) return;
        string why = $"open condor {shortPut - Rules.PutWing:0}/{shortPut:0}/{shortCall:0}/{shortCall + Rules.CallWing:0} credit {credit:0.00}";
        intents.Add(new Intent(Name, sp, -contracts, why));
        intents.Add(new Intent(Name, lp, contracts, why));
        intents.Add(new Intent(Name, sc, -contracts, why));
        intents.Add(new Intent(Name, lc, contracts, why));
    }

    private void Manage(SleeveContext context, List<Ledger.Position> legs, List<Intent> intents)
    {
        double credit = -legs.Sum(l => l.CostBasis);
        double costToClose = legs.Sum(l => -l.Quantity * context.Mark(l.Instrument) * l.Instrument.Multiplier);
        int dte = legs[0].Instrument.Expiry.DayNumber - context.Date.DayNumber;
        string? reason = null;
        if (Rules.TakeProfit > 0 && credit > 0 && costToClose <= (1 - Rules.TakeProfit) * credit) reason = "take profit";
        else if (Rules.StopLoss > 0 && credit > 0 && costToClose - credit >= Rules.StopLoss * credit) reason = "stop loss";
        else if (Rules.CloseAtDte > 0 && dte <= Rules.CloseAtDte) reason = $"close at {Rules.CloseAtDte} DTE";
        if (reason is null || dte <= 1) return; // an option expiring at the next fill settles instead
        foreach (var l in legs) intents.Add(new Intent(Name, l.Instrument, -l.Quantity, reason));
    }

    private void RouteExcess(SleeveContext context, List<Intent> intents)
    {
        double excess = context.Cash - Allocation * context.PortfolioEquity;
        if (excess > 0.001 * context.PortfolioEquity) intents.Add(Intent.Transfer(Name, "drip", excess, "condor income to DRIP"));
    }

    /// <summary>The surface at one day and tenor as a smile for the strike solver.</summary>
    private readonly struct SurfaceSmile(IOptionMarket market, int day, double t) : IVolSmile
    {
        public double Vol(double strike) => market.SpxVol(day, strike, t);
    }
}
