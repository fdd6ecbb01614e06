namespace Alvh.Strategies;

/// <summary>
/// The named portfolios of the study. <c>drip</c> is the unhedged baseline; the others add the condor
/// income sleeve, the ALVH hedge, or both, funded by the DRIP.
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
        Description = "97% DRIP, 3% hedge reserve buying layered 30/60/90-day VIX calls (1% of equity a year, regime-adapted)",
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

    /// <summary>All presets by name.</summary>
    public static IReadOnlyDictionary<string, StrategyDefinition> All { get; } = new[] { Drip, DripCondor, DripAlvh, DripCondorAlvh }
        .ToDictionary(p => p.Name, StringComparer.Ordinal);

    /// <summary>The preset with this name, or null.</summary>
    public static StrategyDefinition? Find(string name) => All.GetValueOrDefault(name);
}
