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
    public string Name { get; init; } = "custom";

    /// <summary>One line on what it is.</summary>
    public string Description { get; init; } = "";

    /// <summary>Initial capital, dollars.</summary>
    public double Capital { get; init; } = 1_000_000;

    /// <summary>Fill timing (next bar by default).</summary>
    public FillTiming Fills { get; init; } = FillTiming.NextBar;

    /// <summary>The DRIP equity sleeve, or null.</summary>
    public DripDefinition? Drip { get; init; }

    /// <summary>The iron condor sleeve, or null.</summary>
    public CondorDefinition? Condor { get; init; }

    /// <summary>The ALVH hedge, or null.</summary>
    public AlvhDefinition? Alvh { get; init; }

    /// <summary>Share of capital held as T-bills in a cash sleeve.</summary>
    public double CashAllocation { get; init; }

    /// <summary>True when the strategy trades options (it then needs the market model).</summary>
    public bool UsesOptions => Condor is not null || Alvh is not null;
}

/// <summary>The DRIP sleeve's settings.</summary>
public sealed record DripDefinition
{
    /// <summary>Share of capital.</summary>
    public double Allocation { get; init; } = 1.0;

    /// <summary>Equity symbol.</summary>
    public string Symbol { get; init; } = "SPY";

    /// <summary>Held before the symbol lists (S&amp;P 500 with Shiller dividends).</summary>
    public string? FallbackSymbol { get; init; } = "SPX";

    /// <summary>Dividend handling.</summary>
    public DividendPolicy Dividends { get; init; } = DividendPolicy.ReinvestOnPayDate;

    /// <summary>Whole shares only.</summary>
    public bool WholeShares { get; init; }
}

/// <summary>The condor sleeve's settings.</summary>
public sealed record CondorDefinition
{
    /// <summary>Share of capital held as collateral.</summary>
    public double Allocation { get; init; } = 0.10;

    /// <summary>Rules.</summary>
    public CondorParameters Rules { get; init; } = new();
}

/// <summary>The ALVH hedge's settings.</summary>
public sealed record AlvhDefinition
{
    /// <summary>Share of capital held as the hedge reserve (split equally across layers).</summary>
    public double Allocation { get; init; } = 0.03;

    /// <summary>Layer tenors, calendar days (staggered).</summary>
    public IReadOnlyList<int> LayerTenors { get; init; } = [30, 60, 90];

    /// <summary>Rules shared by the layers.</summary>
    public AlvhParameters Rules { get; init; } = new();
}
