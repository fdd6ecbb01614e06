using System.Text.Json;
using Alvh.Cli.Tests.Support;

namespace Alvh.Cli.Tests.Commands;

/// <summary><c>alvh regimes</c>: JSON shape on a made-up VIX fixture, rule options, and the real history.</summary>
public class RegimesCommandTests
{
    private static TempFolder Folder()
    {
        // Made-up VIX closes on weekdays: calm, a spike to 40, then back below 20 for good.
        var d = new TempFolder();
        var vix = new List<string> { "DATE,OPEN,HIGH,LOW,CLOSE" };
        var spy = new List<string> { "Date,Open,High,Low,Close,Volume" };
        double[] closes = [14, 15, 16, 26, 33, 40, 31, 24, 19, 18, 17, 16, 15, 15, 14, 14, 13, 13, 12, 12];
        var day = new DateOnly(2021, 3, 1);
        foreach (var c in closes)
        {
            var iso = day.ToString("yyyy-MM-dd");
            vix.Add($"{iso},{c},{c},{c},{c}");
            spy.Add($"{iso},100,101,99,100,1000");
            day = day.AddDays(day.DayOfWeek == DayOfWeek.Friday ? 3 : 1);
        }
        d.Write("vix-daily.csv", string.Join("\n", vix) + "\n");
        d.Write("spy-daily.csv", string.Join("\n", spy) + "\n");
        return d;
    }

    [Fact]
    public async Task Json_lists_episodes_and_windows()
    {
        using var d = Folder();
        var r = await CliRun.RunAsync(d.Path, null, "regimes", "--data", d.Path, "--json", "--exit-days", "3");
        r.ExitCode.Should().Be(ExitCodes.Ok, r.Error);
        using var doc = JsonDocument.Parse(r.Output);
        var episode = doc.RootElement.GetProperty("episodes").EnumerateArray().Single();
        episode.GetProperty("start").GetString().Should().Be("2021-03-04");
        episode.GetProperty("peakDate").GetString().Should().Be("2021-03-08");
        episode.GetProperty("peak").GetDouble().Should().Be(40);
        episode.GetProperty("end").GetString().Should().Be("2021-03-15", "third consecutive close below 20");
        episode.GetProperty("tradingDays").GetInt32().Should().Be(8);
        var windows = doc.RootElement.GetProperty("windows").EnumerateArray().ToList();
        windows.Select(w => w.GetProperty("id").GetString()).Should().Equal("2008", "2011", "2015", "2018-02", "2018-q4", "2020", "2022");
        windows[0].EnumerateObject().Select(p => p.Name).Should().StartWith(["id", "name", "start", "end", "reason", "maxVix"]);
        windows.Should().OnlyContain(w => w.GetProperty("maxVix").ValueKind == JsonValueKind.Null, "the fixture has no data in any window");
    }

    [Fact]
    public async Task Default_rule_keeps_the_episode_open_and_the_table_says_so()
    {
        using var d = Folder();
        var r = await CliRun.RunAsync(d.Path, null, "regimes", "--data", d.Path);
        r.ExitCode.Should().Be(ExitCodes.Ok, r.Error);
        r.Output.Should().Contain("High-VIX episodes").And.Contain("open").And.Contain("2018-q4").And.Contain("Volmageddon");
    }

    [Theory]
    [InlineData("20", "25", "alvh: bad input: --exit 25: must be a VIX level above 0 and at most --entry (20)")]
    [InlineData("25", "NaN", "--exit expects a number such as 0.5")]
    [InlineData("-1", "-2", "alvh: bad input: --entry -1: must be a VIX level above 0")]
    [InlineData("25", "0", "alvh: bad input: --exit 0: must be a VIX level above 0 and at most --entry (25)")]
    [InlineData("2,5", "20", "--entry expects a number such as 0.5")]
    public async Task Inverted_or_meaningless_thresholds_are_exit_2_naming_the_options(string entry, string exit, string message)
    {
        using var d = Folder();
        var r = await CliRun.RunAsync(d.Path, null, "regimes", "--data", d.Path, "--entry", entry, "--exit", exit);
        r.ExitCode.Should().Be(ExitCodes.BadInput);
        r.Error.Should().Contain(message);
    }

    [Fact]
    public async Task Exit_days_below_1_is_exit_2_naming_only_that_option()
    {
        // One message named --entry, --exit and --exit-days for any of them.
        using var d = Folder();
        var r = await CliRun.RunAsync(d.Path, null, "regimes", "--data", d.Path, "--exit-days", "0");
        r.ExitCode.Should().Be(ExitCodes.BadInput);
        r.Error.Should().Be("alvh: bad input: --exit-days 0: must be at least 1" + Environment.NewLine);
    }

    [SkippableFact]
    public async Task Real_data_has_episodes_covering_October_2008_and_March_2020_above_80()
    {
        var folder = SharedData.Require();
        var r = await CliRun.RunAsync(folder, null, "regimes", "--data", folder, "--json");
        r.ExitCode.Should().Be(ExitCodes.Ok, r.Error);
        using var doc = JsonDocument.Parse(r.Output);
        var episodes = doc.RootElement.GetProperty("episodes").EnumerateArray()
            .Select(e => (Start: DateOnly.Parse(e.GetProperty("start").GetString()!), Peak: e.GetProperty("peak").GetDouble(),
                End: e.GetProperty("end").ValueKind == JsonValueKind.Null ? DateOnly.MaxValue : DateOnly.Parse(e.GetProperty("end").GetString()!)))
            .ToList();
        foreach (var month in new[] { new DateOnly(2008, 10, 15), new DateOnly(2020, 3, 16) })
        {
            episodes.Should().ContainSingle(e => e.Start <= month && month <= e.End && e.Peak > 80, $"an episode covers {month:yyyy-MM}");
        }
        var windows = doc.RootElement.GetProperty("windows").EnumerateArray().ToDictionary(w => w.GetProperty("id").GetString()!);
        windows["2020"].GetProperty("maxVix").GetDouble().Should().Be(82.69, "Cboe record close 2020-03-16");
        windows["2008"].GetProperty("maxVix").GetDouble().Should().Be(80.86, "Cboe close 2008-11-20");
        windows["2022"].GetProperty("regimes").GetProperty("extreme").GetInt32().Should().BeGreaterThan(0);
    }
}
