using System.Globalization;
using Alvh.Engine;
using Alvh.Strategies;

namespace Alvh.Sleeves;

/// <summary>
/// The SPX iron condor sleeve's rules. Defaults describe a common weekly income trade: 16-delta short
/// strikes (about one standard deviation), 50-point wings, at most 2% of the portfolio at risk per
/// condor, entries skipped in extreme VIX, in backwardation and just before scheduled macro events,
/// profits taken at half the credit, losses stopped at twice the credit.
/// </summary>
public sealed record CondorParameters
{
    /// <summary>Day of the week the condor is decided (at the close; filled at the next tradable price).</summary>
    [Parameter("day of the week the condor is decided, at the close")]
    public DayOfWeek EntryWeekday { get; init; } = DayOfWeek.Thursday;

    /// <summary>Target calendar days from the decision to expiry (8 from a Thursday is the next week's Friday).</summary>
    [Parameter("target days from decision to expiry", Unit = "calendar days", Min = 1, Max = 120)]
    public int TargetDte { get; init; } = 8;

    /// <summary>Absolute delta of each short strike (0.16 ≈ one standard deviation).</summary>
    [Parameter("absolute delta of each short strike", Unit = "delta", Min = 0.01, Max = 0.5)]
    public double ShortDelta { get; init; } = 0.16;

    /// <summary>When positive, short strikes at this fraction of spot away instead of by delta.</summary>
    [Parameter("when positive, short strikes this far from spot instead of by delta", Unit = "fraction of spot", Min = 0, Max = 0.5)]
    public double ShortDistance { get; init; }

    /// <summary>Put wing width, index points.</summary>
    [Parameter("put wing width", Unit = "index points", Min = 5, Max = 1000)]
    public double PutWing { get; init; } = 50;

    /// <summary>Call wing width, index points.</summary>
    [Parameter("call wing width", Unit = "index points", Min = 5, Max = 1000)]
    public double CallWing { get; init; } = 50;

    /// <summary>SPX strike grid, points.</summary>
    [Parameter("SPX strike grid", Unit = "index points", Min = 1, Max = 100)]
    public double StrikeGrid { get; init; } = 5;

    /// <summary>Maximum loss of one condor as a fraction of portfolio equity.</summary>
    [Parameter("maximum loss of one condor", Unit = "fraction of equity", Min = 0, Max = 0.5)]
    public double MaxLossFraction { get; init; } = 0.02;

    /// <summary>No entry when VIX closes above this.</summary>
    [Parameter("no entry when VIX closes above", Unit = "VIX points", Min = 0, Max = 200)]
    public double MaxVix { get; init; } = 35;

    /// <summary>No entry when VIX closes below this (credits too thin).</summary>
    [Parameter("no entry when VIX closes below", Unit = "VIX points", Min = 0, Max = 200)]
    public double MinVix { get; init; } = 0;

    /// <summary>No entry when RSI(SPX) is below this (falling market).</summary>
    [Parameter("no entry when RSI(SPX) is below (0 disables)", Unit = "RSI", Min = 0, Max = 100)]
    public double MinRsiSpx { get; init; } = 0;

    /// <summary>No entry when the VIX curve is in backwardation (VIX above VIX3M).</summary>
    [Parameter("no entry when VIX is above VIX3M")]
    public bool SkipBackwardation { get; init; } = true;

    /// <summary>No entry when a scheduled macro event (FOMC, CPI, PPI) falls within this many trading days; negative to disable.</summary>
    [Parameter("no entry when a scheduled FOMC/CPI/PPI event is this close (negative disables)", Unit = "trading days", Min = -1, Max = 30)]
    public int EventBufferDays { get; init; } = 1;

    /// <summary>Close when the cost to close is at most (1 − this) × credit; 0 disables.</summary>
    [Parameter("close at this fraction of the credit captured (0 disables)", Unit = "fraction of credit", Min = 0, Max = 1)]
    public double TakeProfit { get; init; } = 0.5;

    /// <summary>Close when the loss reaches this multiple of the credit; 0 disables.</summary>
    [Parameter("close when the loss reaches this multiple of the credit (0 disables)", Unit = "x credit", Min = 0, Max = 20)]
    public double StopLoss { get; init; } = 2.0;

    /// <summary>Close when this many calendar days or fewer remain (0 = hold to expiry).</summary>
    [Parameter("close when this many days remain (0 holds to expiry)", Unit = "calendar days", Min = 0, Max = 60)]
    public int CloseAtDte { get; init; }

    /// <summary>Sweep cash above the sleeve's target (allocation × equity) into the DRIP sleeve.</summary>
    [Parameter("sweep cash above the sleeve's target into the DRIP")]
    public bool RouteIncomeToDrip { get; init; } = true;

    /// <summary>The parameters as assumptions for reports.</summary>
    public IReadOnlyList<Assumption> ToAssumptions()
    {
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        return
        [
            new("entry", $"{EntryWeekday} close, {TargetDte} days to expiry; one condor at a time, the next decided on a held one's last day (both at risk that day, together up to twice maxLossFraction), sized on the cash the held one's whole risk leaves", "", "weekly condors"),
            new("shortStrikes", ShortDistance > 0 ? $"{F(ShortDistance)} of spot" : $"{F(ShortDelta)} delta", "", "about one standard deviation"),
            new("wings", $"put {F(PutWing)}, call {F(CallWing)}", "points", "defined risk"),
            new("maxLossFraction", F(MaxLossFraction), "of equity", "risk budget per condor, judged at the decision close's mid credit: the fill at the next open, after its half-spreads, brings in less, so a condor's widest loss at its fill can pass it slightly"),
            new("gates", $"VIX in [{F(MinVix)}, {F(MaxVix)}], RSI(SPX) ≥ {F(MinRsiSpx)}, skip backwardation {(SkipBackwardation ? "yes" : "no")}, {(EventBufferDays < 0 ? "no event buffer" : EventBufferDays == 1 ? "event buffer 1 trading day" : $"event buffer {EventBufferDays} trading days")}", "", "avoid selling into stress and known events"),
            new("management", $"{(TakeProfit > 0 ? $"take profit at {(TakeProfit * 100).ToString("0.##", CultureInfo.InvariantCulture)}% of the credit" : "no take profit")}, {(StopLoss > 0 ? $"stop at a loss of {F(StopLoss)}x the credit" : "no stop loss")}, close at {CloseAtDte} DTE; a long wing marked under one tick (0.05) is left to expire, not sold; decided the day before a P.M.-settled expiry, a close fills at that morning's open (an A.M.-settled one settles instead)", "", "common practice for short premium; a wing with no bid would be sold for nothing and pay its fees; P.M.-settled weeklies trade until their settlement at the close"),
            new("routeIncomeToDrip", RouteIncomeToDrip ? "yes" : "no", "", "hybrid income engine: credits compound in the DRIP"),
        ];
    }
}
