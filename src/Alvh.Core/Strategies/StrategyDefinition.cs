using Alvh.Engine;
using Alvh.Sleeves;

namespace Alvh.Strategies;

/// <summary>
/// A whole portfolio: which sleeves, with what share of the capital and what rules. Allocations of the
/// sleeves present must sum to 1; the DRIP sleeve refills the reserves of the condor and hedge sleeves
/// monthly, and their income is swept back into it (see the sleeves' routing rules).
/// </summary>
public sealed record StrategyDefinition
{
    /// <summary>Preset or file name, printed in every output.</summary>
    [Parameter("preset or file name, printed in every output")]
    public string Name { get; init; } = "custom";

    /// <summary>One line on what it is.</summary>
    [Parameter("one line on what the strategy is")]
    public string Description { get; init; } = "";

    /// <summary>Initial capital, dollars.</summary>
    [Parameter("initial capital", Unit = "dollars", Min = 1_000, Max = 1e12)]
    public double Capital { get; init; } = 1_000_000;

    /// <summary>Fill timing (next bar by default).</summary>
    [Parameter("when decisions fill: NextBar (next tradable price) or SameClose (optimistic, labelled)")]
    public FillTiming Fills { get; init; } = FillTiming.NextBar;

    /// <summary>The DRIP equity sleeve, or null.</summary>
    [Parameter("the DRIP equity sleeve (omit for none)")]
    public DripDefinition? Drip { get; init; }

    /// <summary>The iron condor sleeve, or null.</summary>
    [Parameter("the SPX iron condor sleeve (omit for none)")]
    public CondorDefinition? Condor { get; init; }

    /// <summary>The ALVH hedge, or null.</summary>
    [Parameter("the Adaptive Layered VIX Hedge (omit for none)")]
    public AlvhDefinition? Alvh { get; init; }

    /// <summary>A Cboe-style option overlay (PUT, WPUT, BXM, CNDR, VXTH), or null.</summary>
    [Parameter("a Cboe-style option overlay: rolled options over T-bills or the index (omit for none)")]
    public OverlayDefinition? Overlay { get; init; }

    /// <summary>Share of capital held as T-bills in a cash sleeve.</summary>
    [Parameter("share of capital held as T-bills", Unit = "fraction", Min = 0, Max = 1)]
    public double CashAllocation { get; init; }

    /// <summary>True when the strategy trades options (it then needs the market model).</summary>
    public bool UsesOptions => Condor is not null || Alvh is not null || Overlay is not null;
}

/// <summary>The DRIP sleeve's settings.</summary>
public sealed record DripDefinition
{
    /// <summary>Share of capital.</summary>
    [Parameter("share of the capital", Unit = "fraction", Min = 0, Max = 1)]
    public double Allocation { get; init; } = 1.0;

    /// <summary>Equity symbol.</summary>
    [Parameter("equity held")]
    public string Symbol { get; init; } = "SPY";

    /// <summary>Held before the symbol lists (S&amp;P 500 with Shiller dividends).</summary>
    [Parameter("held before the equity lists (SPX = S&P 500 with Shiller dividends; null for none: cash until the equity lists)")]
    public string? FallbackSymbol { get; init; } = "SPX";

    /// <summary>Dividend handling.</summary>
    [Parameter("Cash, ReinvestOnPayDate or ReinvestOnExDate")]
    public DividendPolicy Dividends { get; init; } = DividendPolicy.ReinvestOnPayDate;

    /// <summary>Whole shares only.</summary>
    [Parameter("reinvest in whole shares only (residual cash kept)")]
    public bool WholeShares { get; init; }

    /// <summary>
    /// A basket instead of <see cref="Symbol"/>: ticker → weight (weights sum to 1). Each ticker needs
    /// <c>&lt;ticker&gt;-daily.csv</c> (Yahoo format) and, for its dividends, <c>&lt;ticker&gt;-dividends.csv</c> in
    /// the data folder. Empty for the single symbol.
    /// </summary>
    [Parameter("basket instead of the symbol: ticker -> weight, weights summing to 1 (needs <ticker>-daily.csv and <ticker>-dividends.csv)", Unit = "fraction", Min = 0, Max = 1)]
    public IReadOnlyDictionary<string, double> Basket { get; init; } = new Dictionary<string, double>();

    /// <summary>Basket rebalancing: buy and hold (dividends reinvested in the paying ticker) or back to the weights monthly.</summary>
    [Parameter("basket rebalancing: BuyAndHold (dividends reinvested in the paying ticker) or Monthly (back to the weights on the first trading day of each month)")]
    public BasketRebalance Rebalance { get; init; } = BasketRebalance.BuyAndHold;

    /// <summary>Every equity the sleeve can hold, with the strategy-file key that names it: the basket's tickers (or the symbol), then the fallback.</summary>
    public IEnumerable<(string Key, string Symbol)> Holdings()
    {
        if (Basket.Count > 0)
        {
            foreach (var ticker in Basket.Keys) yield return ($"drip.basket.{ticker}", ticker);
        }
        else
        {
            yield return ("drip.symbol", Symbol);
        }
        if (FallbackSymbol is { } fallback) yield return ("drip.fallbackSymbol", fallback);
    }
}

/// <summary>The option overlay sleeve's settings (<see cref="OptionOverlaySleeve"/>).</summary>
public sealed record OverlayDefinition
{
    /// <summary>Share of capital.</summary>
    [Parameter("share of the capital", Unit = "fraction", Min = 0, Max = 1)]
    public double Allocation { get; init; } = 1.0;

    /// <summary>Rules.</summary>
    [Parameter("the sleeve's rules")]
    public OverlayParameters Rules { get; init; } = new();
}

/// <summary>The condor sleeve's settings.</summary>
public sealed record CondorDefinition
{
    /// <summary>Share of capital held as collateral.</summary>
    [Parameter("share of the capital", Unit = "fraction", Min = 0, Max = 1)]
    public double Allocation { get; init; } = 0.10;

    /// <summary>Rules.</summary>
    [Parameter("the sleeve's rules")]
    public CondorParameters Rules { get; init; } = new();
}

/// <summary>The ALVH hedge's settings.</summary>
public sealed record AlvhDefinition
{
    /// <summary>Share of capital held as the hedge reserve (split equally across layers).</summary>
    [Parameter("share of the capital", Unit = "fraction", Min = 0, Max = 1)]
    public double Allocation { get; init; } = 0.03;

    /// <summary>Layer tenors, calendar days (staggered).</summary>
    [Parameter("layer tenors, staggered", Unit = "calendar days", Min = 7, Max = 400)]
    public IReadOnlyList<int> LayerTenors { get; init; } = [30, 60, 90];

    /// <summary>Rules shared by the layers.</summary>
    [Parameter("the sleeve's rules")]
    public AlvhParameters Rules { get; init; } = new();
}
