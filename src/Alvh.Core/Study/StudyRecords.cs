using Alvh.Analytics;
using Alvh.Engine;

namespace Alvh.Study;

/// <summary>A portfolio's result over one window.</summary>
/// <param name="Id">Window id (e.g. <c>2020</c>, <c>vix-episode-2011-08-04</c>).</param>
/// <param name="Name">Window name.</param>
/// <param name="Start">First day of the window.</param>
/// <param name="End">Last day of the window.</param>
/// <param name="Return">Return over the window (fraction).</param>
/// <param name="MaxDrawdown">Peak-to-trough drawdown inside the window (negative fraction), measured from the close before its first day, as its return is: the first day's fall counts.</param>
public sealed record WindowResult(string Id, string Name, DateOnly Start, DateOnly End, double Return, double MaxDrawdown);

/// <summary>One portfolio of the study: a backtest run or a de-levered baseline computed from the DRIP's returns.</summary>
/// <param name="Name">Preset or baseline name.</param>
/// <param name="Description">What it is, in a sentence.</param>
/// <param name="Dates">Trading days.</param>
/// <param name="Equity">Equity at each close, dollars.</param>
/// <param name="Metrics">Whole-period metrics.</param>
/// <param name="Windows">Results in each named window and high-VIX episode.</param>
/// <param name="HighVixReturn">Compounded return over the days whose previous close had VIX above the threshold; NaN when the period has none.</param>
/// <param name="Years">Calendar-year returns.</param>
/// <param name="Backtest">The engine's result (null for computed baselines).</param>
public sealed record StudyRun(string Name, string Description, DateOnly[] Dates, double[] Equity, MetricSet Metrics,
    IReadOnlyList<WindowResult> Windows, double HighVixReturn, IReadOnlyList<YearReturn> Years, BacktestResult? Backtest)
{
    /// <summary>What each sleeve did (condor hit rate and credit, hedge carry and spike payoff, DRIP shares); null for computed baselines.</summary>
    public Runs.SleeveReport? Sleeves { get; init; }
}

/// <summary>The seed's claim tested in one window: the DRIP's drawdown against a hedged portfolio's.</summary>
/// <param name="Window">Window id.</param>
/// <param name="Name">Window name.</param>
/// <param name="Hedged">Hedged preset compared.</param>
/// <param name="BaselineMaxDrawdown">DRIP max drawdown in the window (negative fraction).</param>
/// <param name="HedgedMaxDrawdown">Hedged max drawdown in the window (negative fraction).</param>
/// <param name="ReductionPercent">(hedged − baseline) / |baseline|: the share of the DRIP's drawdown removed (0.15 = 15% less).</param>
/// <param name="ReductionPoints">hedged − baseline, in fraction points (0.05 = five percentage points).</param>
public sealed record ClaimRow(string Window, string Name, string Hedged, double BaselineMaxDrawdown, double HedgedMaxDrawdown, double ReductionPercent, double ReductionPoints)
{
    /// <summary>True when the reduction lies in the claimed 12–18% of the baseline drawdown.</summary>
    public bool WithinClaim => Within(ReductionPercent);

    /// <summary>True when a cut (a share of the baseline's drawdown removed) lies in the claimed 12–18%.</summary>
    public static bool Within(double cut) => cut >= 0.12 && cut <= 0.18;
}

/// <summary>What the hedge costs in calm years: full calendar years whose average VIX close is below the calm level (20 by default).</summary>
/// <param name="Hedged">Hedged preset.</param>
/// <param name="Years">The calm years.</param>
/// <param name="CostPerYear">Mean of (DRIP − hedged) annual return over those years (positive = the hedge cost this much a year).</param>
/// <param name="QuietYears">The calm years that hold no day of a named crisis window (2015 and 2018 average a VIX below 20 yet
/// hold crisis windows, where the hedge pays: counted as calm, they lower its calm-year cost).</param>
/// <param name="QuietCostPerYear">The same mean over <paramref name="QuietYears"/>; NaN when there is none.</param>
public sealed record CalmYearCost(string Hedged, IReadOnlyList<int> Years, double CostPerYear, IReadOnlyList<int> QuietYears, double QuietCostPerYear)
{
    /// <summary>
    /// The mean over <see cref="Years"/> of the ALVH layers' own option P&amp;L in each (sales, settlements and fees less
    /// premium, plus the change in the value held; the reserve's interest and the cash moved in or out left aside), as a
    /// fraction of the portfolio's equity at the previous year's last close; NaN without layers. An audit found the
    /// calm-year cost mostly the cash the layers keep in T-bills instead of SPY: the options themselves gained in those
    /// years, which the cost alone did not say.
    /// </summary>
    public double OptionPnlPerYear { get; init; } = double.NaN;

    /// <summary>The same mean over <see cref="QuietYears"/>.</summary>
    public double QuietOptionPnlPerYear { get; init; } = double.NaN;

    /// <summary>"the 13 calm years", or "the 1 calm year" (a two-year study read "in the 1 calm years").</summary>
    public string CalmYears => Years.Count == 1 ? "the 1 calm year" : FormattableString.Invariant($"the {Years.Count} calm years");

    /// <summary>
    /// The cost without the calm years that hold a named crisis window, as a clause to follow the calm-year cost
    /// ("; 0.5%/yr in the 11 without a named crisis window (2015 and 2018 hold one)"); empty when no calm year holds one.
    /// </summary>
    public string WithoutCrisisYears(Func<double, string> percent)
    {
        ArgumentNullException.ThrowIfNull(percent);
        var held = Years.Where(y => !QuietYears.Contains(y)).ToList();
        if (held.Count == 0) return "";
        string which = held.Count == 1 ? FormattableString.Invariant($"{held[0]} holds one") : FormattableString.Invariant($"{string.Join(", ", held.Take(held.Count - 1))} and {held[^1]} hold one");
        return QuietYears.Count == 0
            ? "; every one of them holds a named crisis window"
            : FormattableString.Invariant($"; {percent(QuietCostPerYear)}/yr in the {QuietYears.Count} without a named crisis window ({which})");
    }
}

/// <summary>A de-levered DRIP baseline: equity weight w in SPY, 1 − w in T-bills, rebalanced daily.</summary>
/// <param name="Name">Baseline name.</param>
/// <param name="Target">What it matches: <c>volatility</c> or <c>cagr</c> of the full system.</param>
/// <param name="TargetValue">The full system's figure.</param>
/// <param name="Weight">Equity weight found (NaN when unreachable).</param>
/// <param name="Achieved">The baseline's figure at that weight.</param>
/// <param name="Reason">Why no weight exists, or null.</param>
public sealed record BaselineFit(string Name, string Target, double TargetValue, double Weight, double Achieved, string? Reason);

/// <summary>The whole study.</summary>
/// <param name="From">First day.</param>
/// <param name="To">Last day.</param>
/// <param name="HighVixThreshold">VIX level defining high-VIX days and episodes.</param>
/// <param name="CalmYearAverageVix">Average VIX below which a year counts as calm.</param>
/// <param name="Runs">Every portfolio, presets first, then baselines.</param>
/// <param name="Claims">The claim table: each window × hedged preset.</param>
/// <param name="CalmCosts">Calm-year cost per hedged preset.</param>
/// <param name="Baselines">The de-levered baselines' fits.</param>
/// <param name="Verdict">Plain-words verdict carrying the numbers.</param>
/// <param name="Assumptions">Every model, engine and sleeve assumption used.</param>
/// <param name="Notes">Caveats printed with the results (e.g. when VIX options were first listed).</param>
public sealed record StudyResult(DateOnly From, DateOnly To, double HighVixThreshold, double CalmYearAverageVix, IReadOnlyList<StudyRun> Runs, IReadOnlyList<ClaimRow> Claims,
    IReadOnlyList<CalmYearCost> CalmCosts, IReadOnlyList<BaselineFit> Baselines, string Verdict, IReadOnlyList<Assumption> Assumptions, IReadOnlyList<string> Notes)
{
    /// <summary>The full system under each moved assumption (empty when skipped).</summary>
    public IReadOnlyList<SensitivityRow> Sensitivity { get; init; } = [];

    /// <summary>The hedge alone (drip-alvh) under each of <see cref="StudyInputs.HedgeSensitivity"/>'s rules, against the DRIP at its volatility.</summary>
    public IReadOnlyList<SensitivityRow> HedgeSensitivity { get; init; } = [];

    /// <summary>
    /// The verdict's comparisons of CAGR with their bootstrap intervals (<see cref="Analytics.PairedBootstrap"/>): each
    /// system against its same-volatility DRIP, and the hedge against the DRIP. Empty when a baseline could not be fitted.
    /// </summary>
    public IReadOnlyList<PairedComparison> Comparisons { get; init; } = [];

    /// <summary>The comparison of <paramref name="strategy"/> with <paramref name="baseline"/>, or null.</summary>
    public PairedComparison? Comparison(string strategy, string baseline) => Comparisons.FirstOrDefault(c => c.Strategy == strategy && c.Baseline == baseline);

    /// <summary>The run with this name.</summary>
    public StudyRun Run(string name) => Runs.First(r => r.Name == name);
}

/// <summary>A run's CAGR against a baseline's over the same days, with the difference's bootstrap interval.</summary>
/// <param name="Strategy">The run.</param>
/// <param name="Baseline">The run it is compared with.</param>
/// <param name="Difference">The run's CAGR minus the baseline's, and its interval.</param>
public sealed record PairedComparison(string Strategy, string Baseline, Analytics.CagrDifference Difference);
