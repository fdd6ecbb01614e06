using System.Text.Json;
using Alvh.Cli.Tests.Support;

namespace Alvh.Cli.Tests.Commands;

/// <summary><c>alvh walkforward</c> end to end on real history (ALVH_DATA).</summary>
public class WalkForwardCommandTests
{
    [SkippableFact]
    public async Task The_out_of_sample_curve_is_compared_with_the_strategy_as_configured_and_drip_on_the_same_days()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        d.Write("grid.yaml", "alvh.rules.budgetPerYear: [0.005, 0.02]\n");
        string[] args = ["walkforward", "--preset", "drip-alvh", "--grid", "grid.yaml", "--from", "2010-01-04", "--to", "2018-12-31", "--train-years", "3", "--blocks", "4", "--data", data, "--quiet"];

        var text = await CliRun.RunAsync(d.Path, null, [.. args, "--out", "wf"]);
        var json = await CliRun.RunAsync(d.Path, null, [.. args, "--json"]);

        text.ExitCode.Should().Be(0, text.Error);
        text.Output.Should().Contain("same days, drip-alvh as configured: CAGR ").And.Contain("same days, drip: CAGR ");
        File.ReadAllText(Path.Combine(d.Path, "wf", "walkforward.json")).Should().Be(json.Output.Replace("\r\n", "\n"), "--out keeps the JSON");
        // And the tear sheet: the three curves over the same days, the folds and the PBO.
        var page = File.ReadAllText(Path.Combine(d.Path, "wf", Alvh.Reports.WalkForwardReport.FileName));
        page.Should().Contain("drip-alvh as configured, same days: CAGR").And.Contain("<section id=\"folds\">");
        Alvh.Reports.WalkForwardReport.ChartFileNames.Should().OnlyContain(chart => File.Exists(Path.Combine(d.Path, "wf", chart)));
        using var doc = JsonDocument.Parse(json.Output);
        var same = doc.RootElement.GetProperty("sameDays").EnumerateArray().ToArray();
        same.Select(s => s.GetProperty("name").GetString()).Should().Equal("drip-alvh as configured", "drip");
        same.Should().OnlyContain(s => s.GetProperty("maxDrawdown").GetDouble() < 0 && s.GetProperty("volatility").GetDouble() > 0);
        // The base preset takes budgetPerYear 0.01, which is not in the grid: it is a third, fixed configuration.
        same[0].GetProperty("cagr").GetDouble().Should().NotBe(same[1].GetProperty("cagr").GetDouble());
    }
}
