using Alvh.MarketData;
using Alvh.Costs;
using Alvh.Engine.Options;
using Alvh.Model;
using Alvh.Runs;
using Alvh.Strategies;

namespace Alvh.Study;

/// <summary>One moved model assumption, or one moved rule of the full system, of the sensitivity analysis.</summary>
/// <param name="Name">Short name, e.g. <c>spread-x2</c>.</param>
/// <param name="Description">What is moved and how.</param>
/// <param name="Settings">The model settings of the scenario.</param>
public sealed record SensitivityScenario(string Name, string Description, ModelSettings Settings)
{
    /// <summary>The full system's rules as the scenario moves them (null: a model scenario, the preset as it is).</summary>
    public Func<StrategyDefinition, StrategyDefinition>? Rule { get; init; }

    /// <summary>Kind of a scenario that moves a market-model assumption.</summary>
    public const string ModelKind = "model";

    /// <summary>Kind of a scenario that moves a rule of the strategy.</summary>
    public const string RuleKind = "rule";

    /// <summary><see cref="ModelKind"/> or <see cref="RuleKind"/>.</summary>
    public string Kind => Rule is null ? ModelKind : RuleKind;

    /// <summary>
    /// The full system with its condor entered on each other weekday (decided at that day's close, filled at the next
    /// open): an arbitrary choice of the preset, which history rewards very unevenly (over 2006-2026 the full system
    /// compounded at 7.8-8.1% entered Monday to Wednesday, 9.8% on the preset's Thursday and 4.0% on Friday).
    /// </summary>
    public static IReadOnlyList<SensitivityScenario> EntryDays(ModelSettings baseline, StrategyDefinition system)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (system.Condor is not { } condor) return [];
        var preset = condor.Rules.EntryWeekday;
        return
        [
            .. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
                .Where(d => d != preset)
                .Select(d => new SensitivityScenario($"condor-{d.ToString().ToLowerInvariant()}",
                    $"condor entered on {d} (decided at its close, filled at the next open) instead of {preset}", baseline)
                {
                    Rule = s => s.Condor is { } c ? s with { Condor = c with { Rules = c.Rules with { EntryWeekday = d } } } : s,
                }),
        ];
    }

    /// <summary>
    /// The full system with its hedge rebuilt the other way after a sale in a VIX spike: once the VIX closes below the
    /// monetise level instead of the next day (the preset), or the next day when the system waits. Bought back the next
    /// day, a layer sold in a spike is often sold again at the next rise (over 2006-2026 drip-alvh's 2,049 trades are
    /// 1,882 when it waits); the study shows what that choice is worth.
    /// </summary>
    public static IReadOnlyList<SensitivityScenario> HedgeRebuild(ModelSettings baseline, StrategyDefinition system)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (system.Alvh is not { } alvh) return [];
        var rules = alvh.Rules;
        string level = rules.MonetiseVix.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        return rules.RebuildBelowVix > 0
            ? [new("hedge-rebuild-next-day", "the ALVH's layers bought again the day after a sale in a VIX spike, not once the VIX is calm", baseline)
                { Rule = s => s.Alvh is { } a ? s with { Alvh = a with { Rules = a.Rules with { RebuildBelowVix = 0 } } } : s }]
            : [new($"hedge-rebuild-below-{level}", $"the ALVH's layers, sold in a VIX spike, bought again once the VIX closes below {level} (its monetise level), not the next day", baseline)
                { Rule = s => s.Alvh is { } a ? s with { Alvh = a with { Rules = a.Rules with { RebuildBelowVix = a.Rules.MonetiseVix } } } : s }];
    }

    /// <summary>The name of the <see cref="HedgeHeld"/> scenario, which the verdict reads.</summary>
    public const string HeldToRoll = "hedge-held-to-roll";

    /// <summary>
    /// A strategy (the full system, and the hedge alone: <see cref="StudyInputs.HedgeSensitivity"/>) with its hedge held to
    /// each layer's roll: no sale in a VIX spike nor at a multiple of its cost. The preset sells every layer at the first VIX close at or above its monetise level with a gain and buys it back at the
    /// regime's budget, a quarter of it in the Extreme regime, often less than one contract: drip-alvh held no VIX call on
    /// 188 of the 447 days the VIX closed above 30 over 2006-2026, none from 2008-10-07 to 2009-03-24 (a review). The study
    /// shows what that rule is worth.
    /// </summary>
    public static IReadOnlyList<SensitivityScenario> HedgeHeld(ModelSettings baseline, StrategyDefinition system)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (system.Alvh is null) return [];
        return [new(HeldToRoll, "the ALVH's layers held to their roll: not sold in a VIX spike nor at a multiple of their cost", baseline)
            { Rule = s => s.Alvh is { } a ? s with { Alvh = a with { Rules = a.Rules with { MonetiseVix = double.PositiveInfinity, MonetiseMultiple = double.PositiveInfinity } } } : s }];
    }

    /// <summary>
    /// The study's scenarios: skew steeper and flatter (SSVI ρ and η moved within the no-arbitrage
    /// bound η(1+|ρ|) ≤ 2), VIX-option vol ±25%, bid–ask ×2, fills at mid and at the touch, the S&amp;P 500's open
    /// from the other source, and SPX weeklies as-if listed.
    /// </summary>
    public static IReadOnlyList<SensitivityScenario> Standard(ModelSettings baseline)
    {
        var s = baseline.Surface;
        return
        [
            new("skew-steeper", "SPX skew steeper: SSVI rho -0.90/-0.70, eta 1.05/0.90 (calm/stressed)", baseline with { Surface = s with { RhoCalm = -0.90, EtaCalm = 1.05, RhoStressed = -0.70, EtaStressed = 0.90 } }),
            new("skew-flatter", "SPX skew flatter: SSVI rho -0.65/-0.40, eta 0.90/0.60", baseline with { Surface = s with { RhoCalm = -0.65, EtaCalm = 0.90, RhoStressed = -0.40, EtaStressed = 0.60 } }),
            new("vix-vol-up", "VIX option vols x1.25", baseline with { VixVolMultiplier = baseline.VixVolMultiplier * 1.25 }),
            new("vix-vol-down", "VIX option vols x0.75", baseline with { VixVolMultiplier = baseline.VixVolMultiplier * 0.75 }),
            // At the default fill (halfway to the touch) doubled spreads cost what fills at the touch cost: the two rows were
            // identical to the last digit. Doubled spreads filled at the touch are the stress beyond both.
            new("spread-x2", "every bid-ask spread x2, filled at the touch (4x the default cost; at the default fill, halfway to the touch, x2 equals fills-touch)", baseline with { SpreadMultiplier = baseline.SpreadMultiplier * 2, Fills = FillConvention.Touch }),
            new("fills-mid", "option fills at mid", baseline with { Fills = FillConvention.Mid }),
            new("fills-touch", "option fills at the touch (bid or ask)", baseline with { Fills = FillConvention.Touch }),
            baseline.SpxOpen == SpxOpenSource.Spy
                ? new("open-first-print", "the S&P 500's level at the open read from the index's first print, not SPY's overnight move (model.spxOpen)", baseline with { SpxOpen = SpxOpenSource.Index })
                : new("open-spy", "the S&P 500's level at the open read from SPY's overnight move, not the index's first print (model.spxOpen)", baseline with { SpxOpen = SpxOpenSource.Spy }),
            .. (baseline.Listing.SpxAsIf
                ? Array.Empty<SensitivityScenario>() // a study --as-if already lists them: the scenario would be the preset
                : [new("weeklies-as-if", "SPX weeklies as-if listed every day", baseline with { Listing = baseline.Listing with { SpxAsIf = true } })]),
        ];
    }
}

/// <summary>The full system under one scenario.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Description">What was moved.</param>
/// <param name="Cagr">Full-system CAGR.</param>
/// <param name="Volatility">Full-system volatility.</param>
/// <param name="MaxDrawdown">Full-system max drawdown.</param>
/// <param name="AverageReductionPercent">Mean over the named windows of the share of the DRIP's drawdown removed.</param>
/// <param name="SameVolatilityCagr">CAGR of the DRIP de-levered to this scenario's volatility.</param>
/// <param name="SameVolatilityMaxDrawdown">Its max drawdown.</param>
/// <param name="BeatsSameVolatility">True when the full system has both the higher CAGR and the shallower drawdown.</param>
public sealed record SensitivityRow(string Scenario, string Description, double Cagr, double Volatility, double MaxDrawdown,
    double AverageReductionPercent, double SameVolatilityCagr, double SameVolatilityMaxDrawdown, bool BeatsSameVolatility)
{
    /// <summary>The median of the named windows' drawdown cuts (NaN below three, <see cref="StudyEngine.MedianCut"/>).</summary>
    public double MedianReductionPercent { get; init; } = double.NaN;

    /// <summary>How many named windows' cuts lie inside the claimed 12–18%.</summary>
    public int WindowsWithinClaim { get; init; }

    /// <summary>The scenario's <see cref="SensitivityScenario.Kind"/>.</summary>
    public string Kind { get; init; } = SensitivityScenario.ModelKind;

    /// <summary>
    /// <see cref="AverageReductionPercent"/> of the DRIP de-levered to this scenario's volatility: what holding less equity
    /// alone removed at that volatility (NaN when no weight matches it).
    /// </summary>
    public double SameVolatilityAverageReductionPercent { get; init; } = double.NaN;

    /// <summary>
    /// Whether the scenario's equity curve is the preset's, day for day (what it moves makes no difference in the period:
    /// SPX weeklies as-if listed, from 2006 on): it is the preset's run again, not a second piece of evidence.
    /// </summary>
    public bool IdenticalToPreset { get; init; }
}
