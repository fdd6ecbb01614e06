using Alvh.Research.Scenarios;
using Alvh.Strategies;

namespace Alvh.Core.Tests.Research;

/// <summary>
/// What a simulated market holds fixed or lacks (<see cref="ScenarioAssumptions"/>): before it, no Monte Carlo output said
/// that the T-bill rate and the dividend yield are held at their last values, that the VX curve follows history's fit, or
/// that no macro event is on a path, so the condor's entry buffer and the ALVH's event tranche never fire (review, h87).
/// </summary>
public class ScenarioAssumptionsTests
{
    // The values are the shared data's anchor of 2026-02-11 (montecarlo.json, anchor): DTB3 3.63%, dividend yield
    // 0.010467, VX theta 25.75 and kappa 1.559, VVIX 78.61 + 0.773 VIX.
    private static readonly ScenarioAnchor Anchor = new(new DateOnly(2026, 2, 11), 6941.47, 17.65, 3.63, 0.010467492212807595, 25.750534236563258, 1.5593547948110598, 78.60698961790646, 0.7731435013085353);

    [Fact]
    public void The_rates_dividends_and_vx_curve_held_fixed_are_named_with_their_values()
    {
        var byName = ScenarioAssumptions.Of(Anchor, "bootstrap", Presets.Drip).ToDictionary(a => a.Name);

        byName["tBillRate"].Value.Should().Be("3.63");
        byName["tBillRate"].Reason.Should().Contain("not resampled");
        byName["dividendYield"].Value.Should().Be("1.047", "0.010467 a year is 1.047 percent to three decimals");
        byName["vxFuturesCurve"].Value.Should().Be("theta 25.75, kappa 1.559");
        byName["vvix"].Value.Should().Contain("78.61 + 0.773 x VIX");
        byName["calendar"].Value.Should().Be("NYSE business days after 2026-02-11");
        byName["macroEvents"].Reason.Should().Contain("drip, which reads none, is unaffected");
    }

    [Fact]
    public void A_strategy_whose_gates_read_events_is_told_they_never_fire_when_history_schedules_none()
    {
        // The presets' gates: the condor's entry buffer of 1 trading day (CondorParameters.EventBufferDays) and the ALVH's
        // tranche 2 trading days before an event (AlvhParameters.TrancheBeforeEventDays).
        var events = ScenarioAssumptions.Of(Anchor, "svj", Presets.DripCondorAlvh).Single(a => a.Name == "macroEvents");

        events.Value.Should().Be("none");
        events.Reason.Should().Contain("drip-condor-alvh's event gates never fire")
            .And.Contain("the condor's entry buffer (1 trading day)")
            .And.Contain("the ALVH's tranche 2 trading days before an event");
        ScenarioAssumptions.Of(Anchor, "svj", Presets.DripCondorAlvh).Single(a => a.Name == "vvix").Value.Should().Be("78.61 + 0.773 x VIX");
        var bad = () => ScenarioAssumptions.Of(Anchor, "garch", Presets.Drip);
        bad.Should().Throw<ArgumentOutOfRangeException>();
    }

    /// <summary>
    /// With scheduled meetings in the history (made up here: two in 2029 after one in 2028), the line names what a path gets
    /// (the published dates, then the last twelve months' by rule, ScenarioEvents) and that the gates run on them. The
    /// schedule ends in June, so the twelve months are 2028-07 to 2029-06 and hold all three: it said "2029's 2 a year".
    /// </summary>
    [Fact]
    public void The_events_laid_on_a_path_are_named_with_the_gates_they_drive()
    {
        var anchor = Anchor with
        {
            ScheduledEvents =
            [
                new(new DateOnly(2028, 12, 13), "fomc", "made up", 3, new DateOnly(2028, 12, 12), true),
                new(new DateOnly(2029, 3, 21), "fomc", "made up", 3, new DateOnly(2029, 3, 20), true),
                new(new DateOnly(2029, 6, 20), "fomc", "made up", 3, new DateOnly(2029, 6, 19), true),
            ],
        };

        var events = ScenarioAssumptions.Of(anchor, "bootstrap", Presets.DripCondorAlvh).Single(a => a.Name == "macroEvents");

        events.Value.Should().Be("fomc: the published dates through 2029-06-20, then those of the twelve months 2028-07 to 2029-06, 3 a year, by rule");
        events.Reason.Should().Contain("the last twelve months' events come back each year on the same ordinal weekday of the same month")
            .And.Contain("drip-condor-alvh's event gates run on them as on history: the condor's entry buffer (1 trading day) and the ALVH's tranche 2 trading days before an event");
    }
}
