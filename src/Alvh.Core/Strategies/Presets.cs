using Alvh.Sleeves;

namespace Alvh.Strategies;

/// <summary>
/// The named portfolios of the study. <c>drip</c> is the unhedged baseline; the others add the condor
/// income sleeve, the ALVH hedge, or both, funded by the DRIP. The <c>cboe-*</c> presets are Cboe's
/// strategy benchmarks (PUT, WPUT, BXM, CNDR, VXTH) priced by the market model, for comparison.
/// </summary>
public static class Presets
{
    /// <summary>DRIP only: 100% SPY, dividends reinvested on the pay date.</summary>
    public static StrategyDefinition Drip { get; } = new()
    {
        Name = "drip",
        Description = "100% SPY (S&P 500 before 1993), dividends reinvested: the unhedged baseline",
        Drip = new DripDefinition(),
    };

    /// <summary>DRIP plus weekly SPX iron condors on 10% collateral.</summary>
    public static StrategyDefinition DripCondor { get; } = new()
    {
        Name = "drip-condor",
        Description = "90% DRIP, 10% collateral selling weekly 16-delta SPX iron condors; credits swept into the DRIP",
        Drip = new DripDefinition { Allocation = 0.90 },
        Condor = new CondorDefinition { Allocation = 0.10 },
    };

    /// <summary>DRIP plus the ALVH hedge (1% of equity a year in VIX calls over 30/60/90-day layers).</summary>
    public static StrategyDefinition DripAlvh { get; } = new()
    {
        Name = "drip-alvh",
        Description = "97% DRIP, 3% hedge reserve buying layered 30/60/90-day VIX calls (a budget of 1% of equity a year across the layers, scaled by the VIX regime, plus tranches of 0.05% of equity on signals)",
        Drip = new DripDefinition { Allocation = 0.97 },
        Alvh = new AlvhDefinition { Allocation = 0.03 },
    };

    /// <summary>The full system.</summary>
    public static StrategyDefinition DripCondorAlvh { get; } = new()
    {
        Name = "drip-condor-alvh",
        Description = "87% DRIP, 10% condor collateral, 3% ALVH reserve: the full system",
        Drip = new DripDefinition { Allocation = 0.87 },
        Condor = new CondorDefinition { Allocation = 0.10 },
        Alvh = new AlvhDefinition { Allocation = 0.03 },
    };

    /// <summary>
    /// Capital of the Cboe benchmark presets: SPX options trade in whole contracts of 100 × the index
    /// (about $600,000 of notional at 6,000), so $100 million keeps the rounding of the contract count
    /// below 1% of the portfolio over the whole history; every metric is a fraction, so it is scale-free.
    /// </summary>
    public const double BenchmarkCapital = 100_000_000;

    /// <summary>
    /// Cboe S&amp;P 500 PutWrite Index (PUT): one-month at-the-money SPX puts sold at every standard monthly
    /// expiration, as many as T-bills cover at the strike (Cboe, "Methodology of the CBOE S&amp;P 500
    /// PutWrite Index", July 2014: "the number of SPX puts sold is chosen to ensure full collateralization").
    /// </summary>
    public static StrategyDefinition CboePut { get; } = new()
    {
        Name = "cboe-put",
        Description = "Cboe PUT by the model: monthly one-month ATM short SPX puts, fully collateralised in T-bills, third-Friday roll",
        Capital = BenchmarkCapital,
        Overlay = new OverlayDefinition(),
    };

    /// <summary>Cboe S&amp;P 500 One-Week PutWrite Index (WPUT): the PUT rules with weekly Friday expirations (Cboe WPUT dashboard; history from 2006).</summary>
    public static StrategyDefinition CboeWput { get; } = new()
    {
        Name = "cboe-wput",
        Description = "Cboe WPUT by the model: one-week ATM short SPX puts rolled every Friday expiration, fully collateralised in T-bills",
        Capital = BenchmarkCapital,
        Overlay = new OverlayDefinition { Rules = new OverlayParameters { Roll = OverlayRoll.SpxWeekly } },
    };

    /// <summary>
    /// Cboe S&amp;P 500 BuyWrite Index (BXM): the S&amp;P 500 total return plus one short one-month call per index
    /// unit, struck at the listed strike just above the index, rolled at the standard monthly expiration.
    /// </summary>
    public static StrategyDefinition CboeBxm { get; } = new()
    {
        Name = "cboe-bxm",
        Description = "Cboe BXM by the model: S&P 500 (dividends reinvested) plus a one-month ATM short SPX call per index unit, third-Friday roll",
        Capital = BenchmarkCapital,
        Overlay = new OverlayDefinition { Rules = new OverlayParameters { Structure = OverlayStructure.ShortCall, Sizing = OverlaySizing.CoveredIndex } },
    };

    /// <summary>
    /// Cboe S&amp;P 500 Iron Condor Index (CNDR): monthly short 0.20-delta put and call, long 0.05-delta put and
    /// call, over one-month T-bills (Cboe CNDR dashboard). Cboe publishes no contract count beyond "a money
    /// market account … designed to limit the downside return"; we size like PUT (T-bills equal to the short
    /// put strike × 100 per condor), which bounds a month's loss at the wider wing's width over the strike.
    /// </summary>
    public static StrategyDefinition CboeCndr { get; } = new()
    {
        Name = "cboe-cndr",
        Description = "Cboe CNDR by the model: monthly short 20-delta SPX put and call, long 5-delta wings, T-bill collateral at the short put strike",
        Capital = BenchmarkCapital,
        Overlay = new OverlayDefinition { Rules = new OverlayParameters { Structure = OverlayStructure.ShortIronCondor, ShortDelta = 0.20, WingDelta = 0.05 } },
    };

    /// <summary>
    /// Cboe VIX Tail Hedge Index (VXTH): the S&amp;P 500 total return plus one-month 30-delta VIX calls bought at
    /// each VIX expiration, 0 / 1% / 0.5% / 0 of the portfolio when the same-expiry VIX future is ≤15, 15–30,
    /// 30–50, &gt;50 (Cboe VXTH dashboard; Cboe press release, 2011).
    /// </summary>
    public static StrategyDefinition CboeVxth { get; } = new()
    {
        Name = "cboe-vxth",
        Description = "Cboe VXTH by the model: S&P 500 total return plus one-month 30-delta VIX calls at each VIX expiration (0/1%/0.5%/0 by the VIX future bucket)",
        Capital = BenchmarkCapital,
        Overlay = new OverlayDefinition { Rules = new OverlayParameters { Structure = OverlayStructure.LongVixCall, Roll = OverlayRoll.VixMonthly, Sizing = OverlaySizing.PremiumWeight } },
    };

    /// <summary>All presets by name.</summary>
    public static IReadOnlyDictionary<string, StrategyDefinition> All { get; } = new[] { Drip, DripCondor, DripAlvh, DripCondorAlvh, CboePut, CboeWput, CboeBxm, CboeCndr, CboeVxth }
        .ToDictionary(p => p.Name, StringComparer.Ordinal);

    /// <summary>The preset with this name, or null.</summary>
    public static StrategyDefinition? Find(string name) => All.GetValueOrDefault(name);
}
