using Alvh.Cli.Commands;
using Alvh.Cli.Tests.Support;
using Alvh.Data.Catalog;
using Alvh.Study;

namespace Alvh.Cli.Tests.Commands;

/// <summary>The study's console tables on real history (ALVH_DATA).</summary>
public class StudyTablesTests
{
    /// <summary>
    /// Each CAGR comparison of the verdict has its line with its interval, as study.json's <c>comparisons</c>: the console
    /// gave them inside the verdict's paragraph alone. The figures are the comparison's own, formatted as the verdict's.
    /// </summary>
    [SkippableFact]
    public void Each_comparison_has_its_line_with_its_interval()
    {
        var data = MarketDataLoader.Load(SharedData.Require());
        var study = StudyEngine.Run(StudySetup.Prepare(data, asIf: false, new DateOnly(2019, 6, 3), new DateOnly(2021, 6, 30), sensitivity: false).Inputs);
        var output = new StringWriter();
        var context = new CliContext(output, new StringWriter(), _ => null, Path.GetTempPath(), interactive: false, TimeProvider.System);

        StudyTables.Render(context.Console, study, quiet: false);

        study.Comparisons.Should().HaveCount(3);
        string F(double x, string format) => (x * 100).ToString(format, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var c in study.Comparisons)
        {
            var d = c.Difference;
            output.ToString().Should().Contain($"{c.Strategy} - {c.Baseline}: CAGR {F(d.Estimate, "+0.00;-0.00;0.00")} points a year, 95% interval {F(d.Lower, "+0.0;-0.0;0.0")} to {F(d.Upper, "+0.0;-0.0;0.0")}");
        }
    }

    /// <summary>
    /// Quiet, the console holds the verdict alone; under --as-if the note that results before 2006 are hypothetical stays
    /// with it (the verdict does not say so), where it was printed only without --quiet. Without --as-if it is not there.
    /// </summary>
    [SkippableFact]
    public void A_quiet_as_if_study_keeps_its_note_beside_the_verdict()
    {
        var data = MarketDataLoader.Load(SharedData.Require());
        foreach (bool asIf in new[] { true, false })
        {
            var study = StudyEngine.Run(StudySetup.Prepare(data, asIf, new DateOnly(2006, 3, 1), new DateOnly(2006, 6, 30), sensitivity: false).Inputs);
            var output = new StringWriter();
            var context = new CliContext(output, new StringWriter(), _ => null, Path.GetTempPath(), interactive: false, TimeProvider.System);

            StudyTables.Render(context.Console, study, quiet: true);

            output.ToString().Contains(StudySetup.AsIfNote, StringComparison.Ordinal).Should().Be(asIf, $"as-if {asIf}");
            output.ToString().Should().Contain("Verdict");
        }
    }
}
