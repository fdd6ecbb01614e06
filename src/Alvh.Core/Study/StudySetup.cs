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
    /// <summary>The market context and the study inputs (with the standard sensitivity scenarios unless <paramref name="sensitivity"/> is false).</summary>
    public static (MarketContext Market, StudyInputs Inputs) Prepare(MarketDataSet data, bool asIf, DateOnly? from = null, DateOnly? to = null, ModelSettings? settings = null, bool sensitivity = true)
    {
        settings ??= asIf ? ModelSettings.Default with { Listing = new ListingRules { SpxAsIf = true, VixAsIf = true } } : ModelSettings.Default;
        var market = MarketContext.Build(data, settings);
        var period = market.DefaultPeriod();
        var start = from ?? (asIf ? period.From : Later(period.From, ListingRules.VixOptionsLaunch));
        var end = to ?? period.To;
        var notes = new List<string>
        {
            asIf
                ? "AS-IF LISTINGS: VIX options and SPX weeklies are traded before they were listed; results before 2006 are hypothetical."
                : $"The comparison starts {start:yyyy-MM-dd}: VIX options were first listed on {ListingRules.VixOptionsLaunch:yyyy-MM-dd}, so a layered VIX hedge could not be held earlier (use --as-if for a hypothetical 1990 start).",
            $"It ends {end:yyyy-MM-dd}, the last day with both an S&P 500 and a VIX close in the data.",
            "In-sample calibration: the VIX futures model is fitted on 2007-2015 settles and the VIX term-structure extrapolation on every day with all four pillars; both are applied over the whole period.",
            "Option prices come from the market model (no historical quotes): see the assumptions.",
        };
        var inputs = new StudyInputs(data, s => market.Run(s, start, end), market.Rates, start, end, [.. market.Options.Assumptions], notes);
        if (sensitivity)
        {
            inputs = inputs with
            {
                Sensitivity = [.. SensitivityScenario.Standard(settings), .. SensitivityScenario.EntryDays(settings, Strategies.Presets.DripCondorAlvh)],
                RunScenario = (scenario, strategy) => market.With(scenario.Settings).Run(strategy, start, end),
            };
        }
        return (market, inputs);
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
