using Alvh.Cli.Tests.Support;

namespace Alvh.Cli.Tests.Commands;

public class StrategyCommandsTests
{
    [Fact]
    public async Task Init_writes_a_file_that_validates()
    {
        using var d = new TempFolder();
        var init = await CliRun.RunAsync(d.Path, null, "init", "mine.yaml");
        init.ExitCode.Should().Be(0, init.Error);
        File.ReadAllText(Path.Combine(d.Path, "mine.yaml")).Should().Contain("# maximum loss of one condor");
        var validate = await CliRun.RunAsync(d.Path, null, "validate", "mine.yaml");
        validate.ExitCode.Should().Be(0, validate.Error);
        validate.Output.Should().Contain("ok (drip-condor-alvh");
        (await CliRun.RunAsync(d.Path, null, "init", "mine.yaml")).ExitCode.Should().Be(ExitCodes.BadInput, "never overwrite without --force");
    }

    /// <summary>
    /// Setups that validate but are rarely meant are said beside the ok (exit 0), and no preset draws one: a roll window
    /// at or past a hedge layer's tenor (no expiry inside the window is bought: the 30- and 60-day layers under rollDays
    /// 60), the index held under short puts (CoveredIndex with ShortPut, twice the index's downside below the strike) and
    /// calls sold over T-bills (CashCollateral with ShortCall: naked). They ran without a word (review h105's fuzz).
    /// </summary>
    [Fact]
    public async Task Validate_notes_setups_that_are_rarely_meant()
    {
        using var d = new TempFolder();
        foreach (var preset in Alvh.Strategies.Presets.All.Keys)
        {
            (await CliRun.RunAsync(d.Path, null, "init", preset + ".yaml", "--preset", preset)).ExitCode.Should().Be(0, preset);
            var ok = await CliRun.RunAsync(d.Path, null, "validate", preset + ".yaml");
            ok.ExitCode.Should().Be(0, ok.Error);
            ok.Output.Should().NotContain("note:", preset);
        }
        d.Write("roll.yaml", "name: roll\ndrip:\n  allocation: 0.97\nalvh:\n  allocation: 0.03\n  layerTenors: [30, 60, 90]\n  rules:\n    rollDays: 60\n");
        var roll = await CliRun.RunAsync(d.Path, null, "validate", "roll.yaml");
        roll.ExitCode.Should().Be(0, roll.Error);
        roll.Output.Should().Contain("  note: alvh.rules.rollDays: 60 is not below the 30-day and 60-day layers' tenor: no expiry inside the roll window is bought");

        string bxm = File.ReadAllText(Path.Combine(d.Path, "cboe-bxm.yaml"));
        d.Write("puts.yaml", bxm.Replace("structure: ShortCall", "structure: ShortPut", StringComparison.Ordinal));
        d.Write("naked.yaml", bxm.Replace("sizing: CoveredIndex", "sizing: CashCollateral", StringComparison.Ordinal));
        var puts = await CliRun.RunAsync(d.Path, null, "validate", "puts.yaml");
        var naked = await CliRun.RunAsync(d.Path, null, "validate", "naked.yaml");
        puts.ExitCode.Should().Be(0, puts.Error);
        puts.Output.Should().Contain("  note: overlay.rules.sizing: CoveredIndex holds the index under the short puts");
        naked.ExitCode.Should().Be(0, naked.Error);
        naked.Output.Should().Contain("  note: overlay.rules.sizing: CashCollateral holds T-bills under the short calls: nothing covers them");
    }

    /// <summary>A folder given as init's file is bad input naming it: it failed with "cannot write or read a file: Is a directory", exit 1.</summary>
    [Fact]
    public async Task Init_into_a_folder_is_bad_input()
    {
        using var d = new TempFolder();
        Directory.CreateDirectory(Path.Combine(d.Path, "strategies"));
        var init = await CliRun.RunAsync(d.Path, null, "init", "strategies", "--force");
        init.ExitCode.Should().Be(ExitCodes.BadInput, init.Error);
        init.Error.Should().Be($"alvh: bad input: strategies is a folder; give a file name, such as {Path.Combine("strategies", "strategy.yaml")}" + Environment.NewLine);
        Directory.EnumerateFileSystemEntries(Path.Combine(d.Path, "strategies")).Should().BeEmpty();
    }

    /// <summary>
    /// A file where init's file needs a folder is bad input naming both: it failed as an output that cannot be written,
    /// exit 1, "The file '.../notes.txt' already exists."; an --out under a file is bad input too (RunOptions.NotAFolder).
    /// </summary>
    [Fact]
    public async Task Init_under_a_file_is_bad_input()
    {
        using var d = new TempFolder();
        d.Write("notes.txt", "mine\n");
        var init = await CliRun.RunAsync(d.Path, null, "init", Path.Combine("notes.txt", "s.yaml"), "--force");
        init.ExitCode.Should().Be(ExitCodes.BadInput, init.Error);
        init.Error.Should().Be($"alvh: bad input: {Path.Combine("notes.txt", "s.yaml")}: {Path.Combine(d.Path, "notes.txt")} is a file, not a folder" + Environment.NewLine);
        File.ReadAllText(Path.Combine(d.Path, "notes.txt")).Should().Be("mine\n");
    }

    /// <summary>A small allocation is shown as given: whole percents printed a 0.3% ALVH sleeve as "alvh 0 %".</summary>
    [Fact]
    public async Task Validate_shows_small_allocations_as_given()
    {
        Alvh.Cli.Commands.StrategyCommands.Share(0.003).Should().Be("0.3%");
        Alvh.Cli.Commands.StrategyCommands.Share(0.9).Should().Be("90%");
        Alvh.Cli.Commands.StrategyCommands.Share(0.025).Should().Be("2.5%");
        using var d = new TempFolder();
        d.Write("small.yaml", "name: small\ndrip:\n  allocation: 0.997\nalvh:\n  allocation: 0.003\n");
        var validate = await CliRun.RunAsync(d.Path, null, "validate", "small.yaml");
        validate.ExitCode.Should().Be(0, validate.Error);
        validate.Output.Should().Contain("drip 99.7%, alvh 0.3% over");
    }

    [Fact]
    public async Task Validate_reports_every_error_and_exits_2()
    {
        using var d = new TempFolder();
        d.Write("bad.yaml", "drip:\n  allocation: 2\n  colour: red\n");
        var r = await CliRun.RunAsync(d.Path, null, "validate", "bad.yaml");
        r.ExitCode.Should().Be(ExitCodes.BadInput);
        r.Error.Should().Contain("line 2: drip.allocation: 2 is out of range (allowed 0..1 fraction)");
        r.Error.Should().Contain("line 3: drip.colour: unknown key");
    }
}
