using System.Globalization;
using Alvh.Engine;
using Alvh.Strategies;

namespace Alvh.Sleeves;

/// <summary>
/// The rules of an <see cref="OptionOverlaySleeve"/>: a roll calendar (<see cref="Roll"/>), a leg rule
/// (<see cref="Structure"/> with its strike rules) and a sizing rule (<see cref="Sizing"/>). The defaults
/// are the Cboe S&amp;P 500 PutWrite Index (PUT): one-month at-the-money SPX puts sold at every standard
/// monthly expiration, fully collateralised in T-bills (Cboe, "Methodology of the CBOE S&amp;P 500
/// PutWrite Index", July 2014). The presets set the other Cboe benchmarks (see <see cref="Presets"/>).
/// </summary>
public sealed record OverlayParameters
{
    /// <summary>What is traded at each roll.</summary>
    [Parameter("what is traded at each roll: ShortPut, ShortCall, ShortIronCondor or LongVixCall")]
    public OverlayStructure Structure { get; init; } = OverlayStructure.ShortPut;

    /// <summary>The expirations rolled on; the new options always expire at the next one.</summary>
    [Parameter("expirations rolled on: SpxMonthly (third Friday), SpxWeekly (Fridays) or VixMonthly (VX settlement dates)")]
    public OverlayRoll Roll { get; init; } = OverlayRoll.SpxMonthly;

    /// <summary>How the contracts are counted and what else the sleeve holds.</summary>
    [Parameter("sizing: CashCollateral (T-bills cover strike x 100 per short put), CoveredIndex (index + 1 option per unit) or PremiumWeight (index + calls bought with a VIX-bucket weight)")]
    public OverlaySizing Sizing { get; init; } = OverlaySizing.CashCollateral;

    /// <summary>
    /// Absolute delta of the short SPX strikes; 0 = at the money: the listed strike nearest the index on
    /// the out-of-the-money side (puts: highest strike at or below it; calls: lowest strike at or above it),
    /// as Cboe PUT and BXM choose it ("closest to, but not greater/less than" the reference index level).
    /// </summary>
    [Parameter("absolute delta of the short SPX strikes; 0 = at the money (nearest listed strike on the out-of-the-money side)", Unit = "delta", Min = 0, Max = 0.5)]
    public double ShortDelta { get; init; }

    /// <summary>Absolute delta of the long SPX wings of a condor (Cboe CNDR: 0.05).</summary>
    [Parameter("absolute delta of the long condor wings", Unit = "delta", Min = 0.005, Max = 0.5)]
    public double WingDelta { get; init; } = 0.05;

    /// <summary>Black-76 delta of the long VIX call (Cboe VXTH: 0.30, "one-month 30-delta call options").</summary>
    [Parameter("Black-76 delta of the long VIX call", Unit = "delta", Min = 0.01, Max = 0.95)]
    public double VixCallDelta { get; init; } = 0.30;

    /// <summary>SPX strike grid, index points (5-point strikes near the money; Cboe SPX specifications).</summary>
    [Parameter("SPX strike grid", Unit = "index points", Min = 1, Max = 100)]
    public double SpxStrikeGrid { get; init; } = 5;

    /// <summary>VIX strike grid, VIX points (1-point strikes near the money).</summary>
    [Parameter("VIX strike grid", Unit = "VIX points", Min = 0.5, Max = 10)]
    public double VixStrikeGrid { get; init; } = 1;

    /// <summary>Equity held under <see cref="OverlaySizing.CoveredIndex"/> and <see cref="OverlaySizing.PremiumWeight"/> (SPX = the S&amp;P 500 index with its dividends reinvested on the ex-date: the total return index).</summary>
    [Parameter("equity held with the options under CoveredIndex and PremiumWeight (SPX = S&P 500 total return)")]
    public string IndexSymbol { get; init; } = "SPX";

    /// <summary>
    /// PremiumWeight buckets: upper bounds of the same-expiry VIX future, ascending; a future at or
    /// below bound i uses weight i, above the last bound the last weight (Cboe VXTH: 15, 30, 50).
    /// </summary>
    [Parameter("PremiumWeight: VIX future bucket bounds, ascending (future <= bound i uses weight i)", Unit = "VIX points", Min = 0, Max = 200)]
    public IReadOnlyList<double> FutureBuckets { get; init; } = [15, 30, 50];

    /// <summary>
    /// PremiumWeight: share of the sleeve value spent on the long options per bucket, one more than the
    /// bounds (Cboe VXTH: 0 at or below 15, 1% to 30, 0.5% to 50, 0 above 50 — "no VIX calls … outside
    /// the range of 15 to 50", Cboe press release on VXTH, 2011).
    /// </summary>
    [Parameter("PremiumWeight: share of the sleeve value spent on the options per bucket (one more than the bounds)", Unit = "fraction", Min = 0, Max = 0.2)]
    public IReadOnlyList<double> PremiumWeights { get; init; } = [0, 0.01, 0.005, 0];

    /// <summary>The PremiumWeight share for a VIX future level.</summary>
    public double WeightFor(double future)
    {
        if (double.IsNaN(future)) return 0;
        int bucket = 0;
        while (bucket < FutureBuckets.Count && future > FutureBuckets[bucket]) bucket++;
        return bucket < PremiumWeights.Count ? PremiumWeights[bucket] : 0;
    }

    /// <summary>The parameters as assumptions for reports.</summary>
    public IReadOnlyList<Assumption> ToAssumptions()
    {
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        var list = new List<Assumption>
        {
            new("structure", Structure.ToString(), "", "the Cboe benchmark's legs"),
            new("roll", Roll.ToString(), "", "new options expire at the next date of this calendar"),
            new("rollFill", "AM-settled expiries: decided at the close before expiry day, filled at the expiry-day open (when the old ones settle); PM-settled: decided at the expiry close, filled at the next open",
                "", "Cboe sells the new options on the roll day itself (PUT/BXM: VWAP 11:30-12:00 ET, strike from the index before 11:00); we use the nearest no-look-ahead fill"),
            new("sizing", Sizing.ToString(), "", Sizing switch
            {
                OverlaySizing.CashCollateral when Structure == OverlayStructure.ShortIronCondor =>
                    "T-bills cover the short put strike x 100 per condor: our choice, as Cboe CNDR publishes no contract count (its one-month T-bills are 'designed to limit the downside return')",
                OverlaySizing.CashCollateral =>
                    "contracts = floor(sleeve value at the previous close / (strike x 100)): Cboe PUT counts the premium received and the T-bill interest to expiry towards N x K, so it sells about 1/(1 - premium/K) as many (about 2% more at PUT's average 1.85% premium, more when volatility is high)",
                OverlaySizing.CoveredIndex => "one short option per index unit, premium invested in the index (Cboe BXM), sized at the close before the roll; what the calls' settlement leaves in cash, above or below 0, traded into or out of the index at the next open once over 0.1% of the sleeve",
                _ => $"calls = floor(bucket weight x sleeve value / (100 x call mark)) at the close before the roll (the expiring calls at their mark), paid at the roll's open from index units sold for {OptionOverlaySleeve.CallFundingCover.ToString("0.##", CultureInfo.InvariantCulture)}x their cost at that close, whatever the expiring calls settle at; the cash left (the settlement, the unspent cover) back into the index at that open (Cboe VXTH: the weight of the portfolio at the roll, the rest in the S&P 500)",
            }),
            new("benchmarkCosts", "half-spreads and fees charged (costs.*)", "",
                "Cboe's indices trade at the roll's VWAP (or the model price) with no commission or spread; the costs here take 1-2.5% of the premium, about 0.4 points of return a year at PUT's premium, more for weekly rolls"),
        };
        if (Roll is OverlayRoll.VixMonthly or OverlayRoll.SpxWeekly)
        {
            list.Add(new("firstRoll", Roll == OverlayRoll.VixMonthly ? "VIX options listed 2006-02-24" : "Friday SPX Weeklys listed 2005-10-28", "",
                "the sleeve holds T-bills only before its options were listed (unless --as-if), so a run from an earlier date mixes years of cash into its figures; Cboe's " +
                (Roll == OverlayRoll.VixMonthly ? "VXTH" : "WPUT") + " history starts in 2006: use --from 2006-03-01 to compare"));
        }
        if (Sizing == OverlaySizing.CashCollateral)
        {
            list.Add(new("collateralRate", "the cash rate (DTB3, 3-month T-bill)", "", "Cboe PUT invests in one- and three-month T-bills; WPUT and CNDR in one-month T-bills"));
        }
        if (Structure is OverlayStructure.ShortPut or OverlayStructure.ShortCall or OverlayStructure.ShortIronCondor)
        {
            list.Add(new("shortDelta", ShortDelta > 0 ? F(ShortDelta) : "at the money (OTM-side listed strike)", "delta", "Cboe strike rule"));
            list.Add(new("spxStrikeGrid", F(SpxStrikeGrid), "points", "listed SPX strikes"));
        }
        if (Structure == OverlayStructure.ShortIronCondor) list.Add(new("wingDelta", F(WingDelta), "delta", "Cboe CNDR long wings"));
        if (Structure == OverlayStructure.LongVixCall)
        {
            list.Add(new("vixCallDelta", F(VixCallDelta), "delta", "Cboe VXTH 30-delta calls"));
            list.Add(new("vixStrikeGrid", F(VixStrikeGrid), "VIX points", "listed VIX strikes"));
        }
        if (Sizing != OverlaySizing.CashCollateral) list.Add(new("indexSymbol", IndexSymbol, "", "S&P 500 with dividends reinvested on the ex-date (total return)"));
        if (Sizing == OverlaySizing.PremiumWeight)
        {
            list.Add(new("premiumWeights", $"bounds [{string.Join(", ", FutureBuckets.Select(F))}] weights [{string.Join(", ", PremiumWeights.Select(F))}]", "fraction", "Cboe VXTH weight schedule by the same-expiry VIX future"));
        }
        return list;
    }
}
