using Alvh.Runs;
using Alvh.Strategies;
using Alvh.Study;

namespace Alvh.Core.Tests.Study;

/// <summary>The rule scenarios of the study: each moves one choice of the full system and nothing else.</summary>
public class SensitivityScenarioTests
{
    [Fact]
    public void The_hedge_rebuild_scenario_moves_the_rebuild_the_other_way_and_only_it()
    {
        var preset = Presets.DripCondorAlvh;
        preset.Alvh!.Rules.RebuildBelowVix.Should().Be(0, "the preset buys a layer sold in a spike again the next day");
        var wait = SensitivityScenario.HedgeRebuild(ModelSettings.Default, preset).Should().ContainSingle().Subject;
        wait.Name.Should().Be("hedge-rebuild-below-30");
        wait.Kind.Should().Be(SensitivityScenario.RuleKind);
        var moved = wait.Rule!(preset);
        moved.Alvh!.Rules.Should().Be(preset.Alvh.Rules with { RebuildBelowVix = 30 }, "its monetise level");
        moved.Should().Be(preset with { Alvh = moved.Alvh }, "nothing else moves");

        var waiting = preset with { Alvh = preset.Alvh with { Rules = preset.Alvh.Rules with { RebuildBelowVix = 25 } } };
        var nextDay = SensitivityScenario.HedgeRebuild(ModelSettings.Default, waiting).Should().ContainSingle().Subject;
        nextDay.Name.Should().Be("hedge-rebuild-next-day");
        nextDay.Rule!(waiting).Alvh!.Rules.RebuildBelowVix.Should().Be(0);

        SensitivityScenario.HedgeRebuild(ModelSettings.Default, Presets.DripCondor).Should().BeEmpty("no hedge, no scenario");
    }
}
