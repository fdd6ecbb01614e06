using Alvh.Engine.Options;
using Alvh.MarketData;
using Alvh.Runs;

namespace Alvh.Study;

/// <summary>
/// Builds the study's inputs from the data: the calibrated market, the period (from the VIX options
/// launch unless as-if listings are allowed, to the last day with S&amp;P 500 and VIX closes) and the
/// notes every output prints.
/// </summary>
public static class StudySetup
{
    /// <summary>
    /// The note of a study under <c>--as-if</c> (the first of its notes): also printed by <c>alvh study --quiet</c>, whose
    /// console holds the verdict alone, and the verdict does not say that its results before 2006 are hypothetical.
    /// </summary>
    public const string AsIfNote = "AS-IF LISTINGS: VIX options and SPX weeklies are traded before they were listed; results before 2006 are hypothetical.";

    /// <summary>The market context and the study inputs (with the standard sensitivity scenarios unless <paramref name="sensitivity"/> is false).</summary>
    public static (MarketContext Market, StudyInputs Inputs) Prepare(MarketDataSet data, bool asIf, DateOnly? from = null, DateOnly? to = null, ModelSettings? settings = null, bool sensitivity = true)
    {
        settings ??= asIf ? ModelSettings.Default with { Listing = new ListingRules { SpxAsIf = true, VixAsIf = true } } : ModelSettings.Default;
        var market = MarketContext.Build(data, settings);
        var period = market.DefaultPeriod();
        var listed = asIf ? period.From : Later(period.From, ListingRules.VixOptionsLaunch);
        // The dates asked for are held to the period (as a backtest's) and to the trading days within it; without as-if
        // listings the start is held to the VIX options' launch: a study from 2000 ran a hedge that could not trade (its
        // sleeves held their cash) and the verdict credited that cash to the hedge.
        // A start after the data or an end before the study's first day is said as such, as a backtest says it
        // (MarketContext.Run): "no trading days between 2030-01-01 and 2026-02-11" read as a reversed pair of dates.
        if (from > period.To) throw new ArgumentException(FormattableString.Invariant($"no trading days from {from:yyyy-MM-dd}: the data with both an S&P 500 and a VIX close end on {period.To:yyyy-MM-dd}"));
        if (to < listed)
        {
            throw new ArgumentException(asIf || to < period.From
                ? FormattableString.Invariant($"no trading days to {to:yyyy-MM-dd}: the data with both an S&P 500 and a VIX close start on {period.From:yyyy-MM-dd}")
                : FormattableString.Invariant($"no trading days to {to:yyyy-MM-dd}: the study starts on {ListingRules.VixOptionsLaunch:yyyy-MM-dd}, when VIX options were first listed (use --as-if for hypothetical listings before it)"));
        }
        var calendar = market.Data.Calendar;
        var first = Later(from ?? listed, listed);
        var last = Earlier(to ?? period.To, period.To);
        int startIndex = calendar.IndexOnOrAfter(first), endIndex = calendar.IndexOnOrBefore(last);
        // Past either end of the calendar the index falls outside it (--from 2030 threw an internal error).
        var start = startIndex < calendar.Count ? calendar[startIndex] : first;
        var end = endIndex >= 0 ? calendar[endIndex] : last;
        if (end < start || startIndex >= calendar.Count || endIndex < 0)
        {
            // Why, as a backtest says it (BacktestEngine.Run): a reversed pair of dates was not called reversed.
            string why = from > to ? ": the start is after the end"
                : asIf || to is not { } t || t >= ListingRules.VixOptionsLaunch ? ""
                : FormattableString.Invariant($": the study starts on {ListingRules.VixOptionsLaunch:yyyy-MM-dd}, when VIX options were first listed (use --as-if for hypothetical listings before it)");
            throw new ArgumentException(FormattableString.Invariant($"no trading days between {start:yyyy-MM-dd} and {to ?? period.To:yyyy-MM-dd}") + why);
        }
        int days = calendar.IndexOf(end) - calendar.IndexOf(start) + 1;
        if (days < 3)
        {
            // One day failed later with "needs at least 2 values, got 1"; two days (one daily return, no volatility) with
            // "must be non-negative / Actual value was NaN" from the same-volatility baseline.
            throw new ArgumentException(FormattableString.Invariant($"the study needs at least three trading days (two daily returns, for a volatility); {start:yyyy-MM-dd} to {end:yyyy-MM-dd} holds {days}"));
        }
        string listing = FormattableString.Invariant($"VIX options were first listed on {ListingRules.VixOptionsLaunch:yyyy-MM-dd}, so a layered VIX hedge could not be held earlier (use --as-if for a hypothetical 1990 start)");
        var notes = new List<string>
        {
            asIf ? AsIfNote
                : from is { } f && f < ListingRules.VixOptionsLaunch ? FormattableString.Invariant($"The comparison starts {start:yyyy-MM-dd}, not {f:yyyy-MM-dd} as asked: {listing}.")
                : from is null ? FormattableString.Invariant($"The comparison starts {start:yyyy-MM-dd}: {listing}.")
                : FormattableString.Invariant($"The comparison starts {start:yyyy-MM-dd}, the first trading day from --from."),
            to is null || end == period.To
                ? FormattableString.Invariant($"It ends {end:yyyy-MM-dd}, the last day with both an S&P 500 and a VIX close in the data.")
                : FormattableString.Invariant($"It ends {end:yyyy-MM-dd}, the last trading day to --to (the data run to {period.To:yyyy-MM-dd})."),
            // The settles the data held, not the window asked for (a folder from data fetch starts in 2013).
            FormattableString.Invariant($"In-sample calibration: the VIX futures model is fitted on the {market.Futures.FitReport.FitCount:#,0} VX settles of {market.Futures.FitReport.FirstFitted:yyyy-MM-dd} to {market.Futures.FitReport.LastFitted:yyyy-MM-dd} and the VIX term-structure extrapolation on every day with all four pillars; both are applied over the whole period."),
            "Option prices come from the market model (no historical quotes): see the assumptions.",
        };
        if (Engine.Signals.MissingMacroNote(data) is { } macro) notes.Add(macro);
        notes.AddRange(market.Carry.DividendNotes(calendar.IndexOf(start), calendar.IndexOf(end)));
        if (!data.Has("breadth"))
        {
            // The preset's breadth trigger is listed among its parameters; without data it never fires, which was said nowhere.
            notes.Add("No breadth series in the data (a CSV with advances and declines columns): the ALVH's breadth-divergence tranche trigger never fires.");
        }
        var inputs = new StudyInputs(data, s => market.Run(s, start, end), market.Rates, start, end, [.. market.Options.Assumptions], notes) { Benchmark = market.SpxTotalReturn };
        if (sensitivity)
        {
            inputs = inputs with
            {
                Sensitivity = [.. SensitivityScenario.Standard(settings), .. SensitivityScenario.EntryDays(settings, Strategies.Presets.DripCondorAlvh),
                    .. SensitivityScenario.HedgeRebuild(settings, Strategies.Presets.DripCondorAlvh), .. SensitivityScenario.HedgeHeld(settings, Strategies.Presets.DripCondorAlvh)],
                HedgeSensitivity = SensitivityScenario.HedgeHeld(settings, Strategies.Presets.DripAlvh),
                RunScenario = (scenario, strategy) => market.With(scenario.Settings).Run(strategy, start, end),
            };
        }
        return (market, inputs);
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;
}
