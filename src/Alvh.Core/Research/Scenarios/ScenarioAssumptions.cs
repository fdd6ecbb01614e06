using System.Globalization;
using Alvh.Strategies;

namespace Alvh.Research.Scenarios;

/// <summary>
/// What a simulated market holds fixed or makes up, beyond the generator's draws (<see cref="ScenarioMarket"/>,
/// <see cref="BlockBootstrap"/>, <see cref="SvjModel"/>): the calendar, the T-bill rate and the dividend yield held at their
/// last values, the VX futures curve from history's fit, the VIX term structure and VVIX, and the macro events a path does
/// not have. A Monte Carlo report prints them (JSON <c>assumptions</c>): they were in the code's remarks only, so a reader
/// of the distributions could not tell that the rates, the dividends and the VX curve are not resampled, or that the
/// strategy's event gates never fire on a path.
/// </summary>
public static class ScenarioAssumptions
{
    /// <summary>The assumptions of the paths <paramref name="generator"/> (<c>bootstrap</c> or <c>svj</c>) draws from <paramref name="anchor"/>, for <paramref name="strategy"/>.</summary>
    public static IReadOnlyList<Assumption> Of(ScenarioAnchor anchor, string generator, StrategyDefinition strategy)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        ArgumentNullException.ThrowIfNull(strategy);
        bool bootstrap = generator switch
        {
            "bootstrap" => true,
            "svj" => false,
            _ => throw new ArgumentOutOfRangeException(nameof(generator), generator, "bootstrap or svj"),
        };
        static string F(double x, string format) => x.ToString(format, CultureInfo.InvariantCulture);
        string vvixLine = $"{F(anchor.VvixIntercept, "0.##")} + {F(anchor.VvixSlope, "0.###")} x VIX";
        int? buffer = strategy.Condor?.Rules.EventBufferDays is >= 0 and var b ? b : null;
        int? tranche = strategy.Alvh?.Rules.TrancheBeforeEventDays is >= 0 and var t ? t : null;
        var gates = new List<string>();
        if (buffer is { } days) gates.Add($"the condor's entry buffer ({days} trading day{(days == 1 ? "" : "s")})");
        if (tranche is { } before) gates.Add($"the ALVH's tranche {before} trading day{(before == 1 ? "" : "s")} before an event");
        string events = gates.Count == 0
            ? $"no FOMC, CPI or PPI date is laid on a simulated path; {strategy.Name} reads none"
            : $"no FOMC, CPI or PPI date is laid on a simulated path, so {strategy.Name}'s event gates never fire there: {string.Join(" and ", gates)}, which the study runs on history's FOMC meetings";
        return
        [
            new("calendar", $"NYSE business days after {anchor.LastHistoricalDay:yyyy-MM-dd}", "",
                "holidays and option expirations by rule" + (bootstrap ? "; a drawn historical day lends its moves, not its date" : "")),
            new("tBillRate", F(anchor.Dtb3Percent, "0.##"), "percent a year (DTB3, discount basis)",
                "held at the last historical value for the whole path, not resampled with the drawn days: every sleeve's cash and the same-volatility DRIP's T-bills earn it"),
            new("dividendYield", F(anchor.DividendYield * 100, "0.###"), "percent a year, continuously compounded",
                "held at the last historical yield, not resampled: SPY pays it quarterly on the third Friday of March, June, September and December, 30 days later"),
            new("vxFuturesCurve", $"theta {F(anchor.VxTheta, "0.00")}, kappa {F(anchor.VxKappa, "0.###")}", "VIX points; per year",
                "VX futures are F = theta + (VIX - theta) exp(-kappa tau) with history's fit, refitted on the path's first 40 days: the VIX futures and the VIX options priced on them move with the path's VIX alone, not with the drawn days' own curves"),
            new("vixTermStructure", bootstrap ? "the drawn day's VIX9D/VIX, VIX3M/VIX and VIX6M/VIX" : "the model's expected variance over 9, 93 and 186 days", "",
                bootstrap ? "times the path's VIX, where the index existed on the drawn day (VIX6M from 2008, VIX3M from 2009, VIX9D from 2011); otherwise the history's term-structure fit" : "the same premium over expected variance as the VIX"),
            new("vvix", bootstrap ? "the drawn day's VVIX/VIX x the path's VIX; " + vvixLine + " before VVIX (2007)" : vvixLine, "points",
                bootstrap ? "VVIX moves with the day drawn" : "history's regression of VVIX on VIX, which the VIX options' volatility reads: the model has no volatility of VIX beyond it"),
            new("macroEvents", "none", "", events),
        ];
    }
}
