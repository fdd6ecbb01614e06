using System.Globalization;
using Alvh.Engine;
using Alvh.Sleeves;

namespace Alvh.Cli.Commands;

/// <summary>The backtest's notes on a run's result (written to stderr as <c>alvh: note: …</c> lines).</summary>
internal static class BacktestNotes
{
    /// <summary>
    /// One note per sleeve (the cash sleeve aside) that made no trade, saying why: it had nothing to buy before its options
    /// were listed, the fills dropped every order it placed, or its gates stayed shut.
    /// </summary>
    /// <param name="result">The run.</param>
    /// <param name="overlayRoll">The strategy's overlay roll, if it has an overlay (a VIX or weekly overlay waits for its listing).</param>
    /// <param name="asIf">The run lists options hypothetically before their launch (<c>--as-if</c>).</param>
    public static IEnumerable<string> IdleSleeves(BacktestResult result, OverlayRoll? overlayRoll, bool asIf)
    {
        // A sleeve that never traded is said (its gates shut all along, or its rules build no position on this market:
        // a condor with one day to expiry or a strike grid wider than its wings validated and never opened, without a word).
        // An ALVH layer (or a VIX-call overlay) before VIX options were listed, or a weekly overlay before SPX Weeklys, had
        // nothing to buy: its gates were not the reason.
        var lastDay = result.Daily[^1].Date;
        foreach (var idle in result.Sleeves.Where(s => s != "cash" && !result.Trades.Any(t => t.Sleeve == s)))
        {
            bool vix = idle.StartsWith("alvh", StringComparison.Ordinal) || idle == "overlay" && overlayRoll == OverlayRoll.VixMonthly;
            bool weekly = idle == "overlay" && overlayRoll == OverlayRoll.SpxWeekly;
            string why = !asIf && vix && lastDay < Alvh.Engine.Options.ListingRules.VixOptionsLaunch
                ? string.Create(CultureInfo.InvariantCulture, $"VIX options were first listed on {Alvh.Engine.Options.ListingRules.VixOptionsLaunch:yyyy-MM-dd}; --as-if lists them hypothetically from 1990")
                : !asIf && weekly && lastDay < Alvh.Calendars.SpxExpirations.FridayWeeklyListingStart
                ? string.Create(CultureInfo.InvariantCulture, $"Friday SPX Weeklys were first listed on {Alvh.Calendars.SpxExpirations.FridayWeeklyListingStart:yyyy-MM-dd}; --as-if lists them hypothetically from 1990")
                : "its gates stayed shut, or its rules build no position on this market: check its parameters";
            // Its gates opened if it placed orders that the fills refused (a helper's condor 50% away from spot placed 368).
            // Counted by the record's sleeve: the second word of each line broke on a sleeve name with a space.
            int refused = result.Dropped.Count(d => d.Sleeve == idle);
            if (refused > 0) why = string.Create(CultureInfo.InvariantCulture, $"{refused} of its orders were placed and dropped at the fill: see summary.json's 'dropped'");
            yield return string.Create(CultureInfo.InvariantCulture,
                $"alvh: note: the {idle} sleeve made no trade from {result.Daily[0].Date:yyyy-MM-dd} to {lastDay:yyyy-MM-dd} ({why})");
        }
    }

    /// <summary>
    /// How many orders the fills dropped or filled in part, and the first of them (they were listed only in summary.json
    /// and the report); null when none.
    /// </summary>
    /// <param name="result">The run.</param>
    public static string? Dropped(BacktestResult result) =>
        result.Dropped.Count == 0 ? null : string.Create(CultureInfo.InvariantCulture,
            $"alvh: note: {result.Dropped.Count} order{(result.Dropped.Count == 1 ? "" : "s")} not filled, or filled in part (listed in summary.json, 'dropped'); the first: {result.Dropped[0]}");
}
