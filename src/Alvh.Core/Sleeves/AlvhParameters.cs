using System.Globalization;
using Alvh.Engine;
using Alvh.Strategies;
using Alvh.Regimes;

namespace Alvh.Sleeves;

/// <summary>
/// The Adaptive Layered VIX Hedge's rules, shared by its layers. Defaults: 1% of equity a year spent on
/// VIX calls (the cost a DRIP investor would call "insurance"), more when protection is cheap (calm VIX)
/// and less when it is dear; extra tranches when MACD(VIX) crosses up, when RSI(SPX) enters overbought
/// territory and two trading days before a scheduled macro event; layers sold when VIX reaches 30 with
/// a gain or when worth 3× their cost, and rolled a week before expiry.
/// </summary>
public sealed record AlvhParameters
{
    /// <summary>Spend per year across all layers, fraction of portfolio equity.</summary>
    [Parameter("spend on VIX calls per year, all layers", Unit = "fraction of equity", Min = 0, Max = 0.2)]
    public double BudgetPerYear { get; init; } = 0.01;

    /// <summary>Multiplier of the budget by VIX regime (calm, normal, elevated, high, extreme).</summary>
    [Parameter("budget multiplier by VIX regime (Calm, Normal, Elevated, High, Extreme)", Unit = "x budget", Min = 0, Max = 10)]
    public IReadOnlyDictionary<VixRegime, double> RegimeMultiplier { get; init; } = new Dictionary<VixRegime, double>
    {
        [VixRegime.Unknown] = 1.0,
        [VixRegime.Calm] = 1.25,
        [VixRegime.Normal] = 1.0,
        [VixRegime.Elevated] = 0.75,
        [VixRegime.High] = 0.5,
        [VixRegime.Extreme] = 0.25,
    };

    /// <summary>Strike of the long call as a fraction above the same-expiry VIX future (0.2 = 20% out of the money).</summary>
    [Parameter("long call strike above the same-expiry VIX future", Unit = "fraction", Min = -0.5, Max = 3)]
    public double StrikeAboveFuture { get; init; } = 0.20;

    /// <summary>When positive, the long call's Black-76 delta instead of <see cref="StrikeAboveFuture"/>.</summary>
    [Parameter("when positive, the long call's Black-76 delta instead", Unit = "delta", Min = 0, Max = 0.95)]
    public double StrikeDelta { get; init; }

    /// <summary>When positive, a call spread: the short call this many VIX points above the long one.</summary>
    [Parameter("when positive, sell a call this far above (call spread)", Unit = "VIX points", Min = 0, Max = 100)]
    public double SpreadWidth { get; init; }

    /// <summary>VIX strike grid, points.</summary>
    [Parameter("VIX strike grid", Unit = "VIX points", Min = 0.5, Max = 10)]
    public double StrikeGrid { get; init; } = 1;

    /// <summary>
    /// Extra spend of one tranche, fraction of equity (bought in the shortest layer, and only while it holds a layer: with
    /// budgetPerYear 0 no layer is bought, so no tranche either).
    /// </summary>
    [Parameter("extra spend of one tranche (the shortest layer, while it holds one: none with budgetPerYear 0)", Unit = "fraction of equity", Min = 0, Max = 0.05)]
    public double TrancheFraction { get; init; } = 0.0005;

    /// <summary>Add a tranche on the day MACD(VIX) crosses above its signal.</summary>
    [Parameter("add a tranche when MACD(VIX) crosses above its signal")]
    public bool TrancheOnMacdCrossUp { get; init; } = true;

    /// <summary>Add a tranche on the day RSI(SPX) rises above this (0 disables).</summary>
    [Parameter("add a tranche when RSI(SPX) rises above (0 disables)", Unit = "RSI", Min = 0, Max = 100)]
    public double TrancheOnRsiSpxAbove { get; init; } = 70;

    /// <summary>
    /// Add a tranche on the day RSI(VIX) falls below this (0 disables, as in the presets): the VIX oversold, protection at
    /// its cheapest after a fall. The idea's rules name RSI on the VIX, which the presets computed and read nowhere (a
    /// review). On drip-alvh over 2006-2026 it changes little: at 30 two tranches (CAGR 10.68%, worst drawdown -53.68%
    /// either way), at 35 26 (10.65%, -53.70%), at 40 161 (10.61%, -53.56%); so the presets leave it off.
    /// </summary>
    [Parameter("add a tranche when RSI(VIX) falls below (0 disables)", Unit = "RSI", Min = 0, Max = 100)]
    public double TrancheOnRsiVixBelow { get; init; }

    /// <summary>Add a tranche on the day breadth starts to deteriorate (price at a 20-day high without the advance–decline line); needs a breadth file.</summary>
    [Parameter("add a tranche when breadth diverges from price (needs a date,advances,declines file)")]
    public bool TrancheOnBreadthDivergence { get; init; } = true;

    /// <summary>Add a tranche this many trading days before a scheduled macro event (negative disables).</summary>
    [Parameter("add a tranche this many days before a scheduled macro event (negative disables)", Unit = "trading days", Min = -1, Max = 30)]
    public int TrancheBeforeEventDays { get; init; } = 2;

    /// <summary>
    /// Sell a layer with a gain when VIX closes at or above this: its sale at the close, after the modelled half-spreads
    /// and fees, brings in more than the prices and fees paid for it (until 2026-11-28 judged at the mid against the prices).
    /// </summary>
    [Parameter("sell a layer with a gain after all its half-spreads and fees when VIX closes at or above", Unit = "VIX points", Min = 0, Max = 200)]
    public double MonetiseVix { get; init; } = 30;

    /// <summary>
    /// After a layer is sold in a VIX spike (<see cref="MonetiseVix"/>), buy no new layer until the VIX closes below this
    /// (0: the next day, as before). Bought back at once, a layer was sold again at the next rise and bought again: in
    /// 2008-09 to 2009-06 and 2020-03 drip-alvh made 49 purchases and 46 sales (15 and 13 waiting for a VIX close below
    /// 30), most at spike prices and spreads. A level the VIX does not close below again leaves the layer unbought.
    /// </summary>
    [Parameter("after a sale in a VIX spike, buy no new layer until VIX closes below (0: the next day)", Unit = "VIX points", Min = 0, Max = 200)]
    public double RebuildBelowVix { get; init; }

    /// <summary>Sell a layer worth at least this multiple of its cost.</summary>
    [Parameter("sell a layer worth at least this multiple of its cost", Unit = "x cost", Min = 1, Max = 100)]
    public double MonetiseMultiple { get; init; } = 3;

    /// <summary>Roll a layer when fewer calendar days than this remain.</summary>
    [Parameter("roll a layer when fewer days remain", Unit = "calendar days", Min = 0, Max = 60)]
    public int RollDays { get; init; } = 7;

    /// <summary>Sweep cash above the layer's target reserve (allocation × equity) into the DRIP sleeve.</summary>
    [Parameter("sweep cash above the layer's target reserve into the DRIP")]
    public bool RouteIncomeToDrip { get; init; } = true;

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Days(int days) => days == 1 ? "1 trading day" : days.ToString(CultureInfo.InvariantCulture) + " trading days";

    /// <summary>The parameters as assumptions for reports.</summary>
    public IReadOnlyList<Assumption> ToAssumptions()
    {
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        return
        [
            new("budgetPerYear", F(BudgetPerYear), "of equity/yr, all layers together", "hedge carry the investor accepts, before the regime multiplier and the signal tranches"),
            new("regimeMultiplier", string.Join(", ", RegimeMultiplier.Where(kv => kv.Key != VixRegime.Unknown).Select(kv => $"{kv.Key} {F(kv.Value)}")), "", "buy protection when it is cheap"),
            new("strike", StrikeDelta > 0 ? $"{F(StrikeDelta)} delta" : $"{(StrikeAboveFuture * 100).ToString("0.######", CultureInfo.InvariantCulture)}% above the same-expiry future", "", "out-of-the-money calls pay in spikes"),
            new("spreadWidth", F(SpreadWidth), "VIX points", SpreadWidth > 0 ? "call spread caps cost and payoff" : "outright long calls (no short leg)"),
            new("tranches", $"{F(TrancheFraction)} of equity (the shortest layer) on MACD(VIX) cross up {YesNo(TrancheOnMacdCrossUp)}, RSI(SPX) > {F(TrancheOnRsiSpxAbove)}, {(TrancheOnRsiVixBelow > 0 ? $"RSI(VIX) < {F(TrancheOnRsiVixBelow)}" : "no RSI(VIX) tranche")}, breadth divergence {YesNo(TrancheOnBreadthDivergence)}, {(TrancheBeforeEventDays < 0 ? "no event tranche" : Days(TrancheBeforeEventDays) + " before events")}", "", "thicken before stress"),
            new("monetise", $"VIX >= {F(MonetiseVix)} with a gain after all its half-spreads and fees, or value >= {F(MonetiseMultiple)}x cost; after a sale in a spike a new layer is bought {(RebuildBelowVix > 0 ? $"once VIX closes below {F(RebuildBelowVix)}" : "the next day")}", "", $"take the payoff in the spike; in a VIX spike a call left to expire that is worth {F(AlvhLayerSleeve.ReclaimTicks)} ticks a contract again is sold with the rest"),
            new("rollDays", RollDays.ToString(CultureInfo.InvariantCulture), "days", "avoid the last week's decay; a roll sells the expiries inside the window and buys a new layer when the base is among them (a later tranche is kept to its own roll); an expiry in the window worth under a tick a contract is left to expire and a fresh one bought (its sale fetched nothing), and so are calls of a rolled expiry the fill could not sell (no bid); no expiry already inside the window is bought"),
        ];
    }
}
