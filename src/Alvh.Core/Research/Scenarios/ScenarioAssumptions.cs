using System.Globalization;
using Alvh.MarketData;
using Alvh.Strategies;

namespace Alvh.Research.Scenarios;

/// <summary>
/// What a simulated market holds fixed or makes up, beyond the generator's draws (<see cref="ScenarioMarket"/>,
/// <see cref="BlockBootstrap"/>, <see cref="SvjModel"/>): the calendar, the T-bill rate and the dividend yield held at their
/// last values, the VX futures curve from history's fit, the VIX term structure and VVIX, and the macro events laid on a
/// path by rule (<see cref="ScenarioEvents"/>). A Monte Carlo report prints them (JSON <c>assumptions</c>): they were in the
/// code's remarks only, so a reader of the distributions could not tell that the rates, the dividends and the VX curve are
/// not resampled (or, before 2026-11-28, that the strategy's event gates never fired on a path, which had no events).
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
        // The kinds the history schedules are laid on a path (ScenarioEvents): the published dates, then the last twelve
        // months' by rule (a calendar year's when the schedule ends in December). Until 2026-11-28 a path had none, and
        // the gates above never fired there.
        var kinds = anchor.ScheduledEvents.Where(e => e.Scheduled).GroupBy(e => e.Kind, StringComparer.Ordinal)
            .Select(g => (Kind: g.Key, Pattern: ScenarioEvents.Pattern([.. g.OrderBy(e => e.Date)]))).ToList();
        static string Repeated(MarketEvent[] pattern)
        {
            var end = pattern[^1].Date;
            return end.Month == 12
                ? $"{end.Year}'s {pattern.Length} a year"
                : $"those of the twelve months {end.AddMonths(-11):yyyy-MM} to {end:yyyy-MM}, {pattern.Length} a year,";
        }
        string laid = string.Join("; ", kinds.Select(k => $"{k.Kind}: the published dates through {k.Pattern[^1].Date:yyyy-MM-dd}, then {Repeated(k.Pattern)} by rule"));
        string gatesText = gates.Count == 0 ? $"{strategy.Name} reads none" : $"{strategy.Name}'s event gates run on them as on history: {string.Join(" and ", gates)}";
        string events = kinds.Count == 0
            ? $"no macro event is laid on a simulated path (the history schedules none), so {(gates.Count == 0 ? $"{strategy.Name}, which reads none, is unaffected" : $"{strategy.Name}'s event gates never fire there: {string.Join(" and ", gates)}")}"
            : $"after the last published date the last twelve months' events come back each year on the same ordinal weekday of the same month (the business day before an NYSE holiday); kinds the history does not schedule (CPI and PPI, unless the data hold their release dates) are not laid; {gatesText}";
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
            new("macroEvents", kinds.Count == 0 ? "none" : laid, "", events),
        ];
    }
}
