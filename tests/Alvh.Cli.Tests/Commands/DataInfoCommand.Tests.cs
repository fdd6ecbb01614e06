using System.Text.Json;
using Alvh.Cli.Tests.Support;

namespace Alvh.Cli.Tests.Commands;

public class DataInfoCommandTests
{
    private static TempFolder SmallFolder()
    {
        var d = new TempFolder();
        // Made-up values in the public layouts; 2020-01-06 is missing from VIX (a gap), and VIX has
        // a row on Saturday 2020-01-04 (a "holiday row" by the equity calendar).
        d.Write("spy-daily.csv", "Date,Open,High,Low,Close,Volume\n2020-01-02,10,11,9,10.5,100\n2020-01-03,10.5,11,10,10.75,100\n2020-01-06,10.75,11,10.5,11,100\n2020-01-07,11,11.5,10.5,11.25,100\n");
        d.Write("vix-daily.csv", "DATE,OPEN,HIGH,LOW,CLOSE\n01/02/2020,12,13,11,12.5\n01/03/2020,12.5,14,12,13.5\n01/04/2020,13,13,13,13\n01/07/2020,13,14,12,13.25\n");
        d.Write("notes.csv", "whatever,this,is\n1,2,3\n");
        return d;
    }

    [Fact]
    public async Task Json_lists_every_series_with_range_rows_and_issues()
    {
        using var d = SmallFolder();
        var r = await CliRun.RunAsync(d.Path, null, "data", "info", "--data", d.Path, "--json");
        r.ExitCode.Should().Be(0, r.Error);
        using var doc = JsonDocument.Parse(r.Output);
        var series = doc.RootElement.GetProperty("series").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        series.Keys.Should().BeEquivalentTo(["spy", "vix"]);
        var vix = series["vix"];
        vix.GetProperty("file").GetString().Should().Be("vix-daily.csv");
        vix.GetProperty("first").GetString().Should().Be("2020-01-02");
        vix.GetProperty("last").GetString().Should().Be("2020-01-07");
        vix.GetProperty("rows").GetInt32().Should().Be(4);
        var issues = vix.GetProperty("issues").EnumerateArray().ToList();
        issues.Should().Contain(i => i.GetProperty("kind").GetString() == "holiday-row" && i.GetProperty("line").GetInt32() == 4);
        issues.Should().Contain(i => i.GetProperty("kind").GetString() == "gap" && i.GetProperty("message").GetString()!.Contains("2020-01-06"));
        issues.Should().OnlyContain(i => i.GetProperty("file").GetString() == "vix-daily.csv");
        doc.RootElement.GetProperty("rules").EnumerateArray().Select(x => x.GetString()).Should()
            .Contain(x => x!.Contains("notes.csv") && x.Contains("not a recognised format"));
    }

    [Fact]
    public async Task Json_is_byte_identical_across_runs()
    {
        using var d = SmallFolder();
        var a = await CliRun.RunAsync(d.Path, null, "data", "info", "--data", d.Path, "--json");
        var b = await CliRun.RunAsync(d.Path, null, "data", "info", "--data", d.Path, "--json");
        a.Output.Should().Be(b.Output);
    }

    [Fact]
    public async Task Table_names_every_series_and_the_rules()
    {
        using var d = SmallFolder();
        var r = await CliRun.RunAsync(d.Path, null, "data", "info", "--data", d.Path);
        r.ExitCode.Should().Be(0, r.Error);
        r.Output.Should().Contain("spy-daily.csv").And.Contain("vix-daily.csv").And.Contain("Rules applied").And.Contain("holiday-row");
    }

    [Fact]
    public async Task Data_folder_resolution_prefers_option_then_environment_then_local_data()
    {
        using var d = SmallFolder();
        using var cwd = new TempFolder();
        var env = new Dictionary<string, string> { ["ALVH_DATA"] = d.Path };
        (await CliRun.RunAsync(cwd.Path, env, "data", "info", "--json")).ExitCode.Should().Be(0, "ALVH_DATA is used when --data is absent");

        Directory.CreateDirectory(Path.Combine(cwd.Path, "data"));
        File.Copy(Path.Combine(d.Path, "spy-daily.csv"), Path.Combine(cwd.Path, "data", "spy-daily.csv"));
        var local = await CliRun.RunAsync(cwd.Path, null, "data", "info", "--json");
        local.ExitCode.Should().Be(0, local.Error);
        local.Output.Should().Contain(Path.Combine(cwd.Path, "data"));
    }

    [Fact]
    public async Task Without_data_it_says_how_to_get_some()
    {
        using var cwd = new TempFolder();
        var r = await CliRun.RunAsync(cwd.Path, null, "data", "info");
        r.ExitCode.Should().Be(ExitCodes.BadInput);
        r.Error.Should().Contain("alvh data fetch").And.Contain("--data").And.Contain("ALVH_DATA");
    }

    [Fact]
    public async Task A_missing_data_folder_is_bad_input()
    {
        using var cwd = new TempFolder();
        var r = await CliRun.RunAsync(cwd.Path, null, "data", "info", "--data", "nowhere");
        r.ExitCode.Should().Be(ExitCodes.BadInput);
        r.Error.Should().Contain("does not exist").And.Contain("alvh data fetch");
    }

    [Theory]
    [InlineData("data", "info")]
    [InlineData("regimes")]
    [InlineData("indicators", "--series", "vix", "--indicator", "sma")]
    public async Task A_blank_data_folder_is_bad_input_not_the_environment_s(params string[] args)
    {
        // --data "" (e.g. --data "$DIR" with DIR unset) was taken as absent and read ALVH_DATA's folder without a word;
        // a blank --out is refused ("--out is empty"), and data fetch with a blank --data wrote into the working directory.
        using var d = SmallFolder();
        using var cwd = new TempFolder();
        var env = new Dictionary<string, string> { ["ALVH_DATA"] = d.Path };
        var r = await CliRun.RunAsync(cwd.Path, env, [.. args, "--data", " "]);
        r.ExitCode.Should().Be(ExitCodes.BadInput, r.Output);
        r.Error.Should().StartWith("alvh: --data is empty");
    }

    [SkippableFact]
    public async Task Lists_every_series_of_the_shared_data()
    {
        var folder = SharedData.Require();
        var r = await CliRun.RunAsync(folder, null, "data", "info", "--data", folder, "--json");
        r.ExitCode.Should().Be(0, r.Error);
        using var doc = JsonDocument.Parse(r.Output);
        var ids = doc.RootElement.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        ids.Should().BeEquivalentTo(["dff", "dtb3", "fomc", "shiller", "skew", "spx", "spx-fred", "spy", "spy-dividends", "vix",
            "vx-cboe", "vx-cfe", "vx-continuous", "vix3m", "vix6m", "vix9d", "vvix"]);
    }
}
