using Alvh.Cli.Tests.Support;
using System.Text.Json;

namespace Alvh.Cli.Tests.Commands;

public class BacktestCommandTests
{
    /// <summary>
    /// Beta and alpha are measured against the S&amp;P 500 with its dividends reinvested, as in the study, the sweep and the
    /// walk-forward (README). `alvh backtest` measured them against the price index: a DRIP of SPY, which is the index
    /// with its dividends reinvested less a 0.09% expense ratio, showed an alpha of about its dividend yield (2% a year)
    /// and a sweep row's beta differed from the same run's backtest (0.95081 against 0.95226). Against the total-return
    /// index the DRIP's alpha is within a few tenths of a point of zero and its beta within 0.03 of one.
    /// </summary>
    [SkippableFact]
    public async Task Beta_and_alpha_are_against_the_total_return_index()
    {
        string data = SharedData.Require();
        using var d = new TempFolder();
        var run = await CliRun.RunAsync(d.Path, null, "backtest", "--preset", "drip", "--from", "2010-01-04", "--to", "2019-12-31", "--out", "out", "--data", data, "--quiet");
        run.ExitCode.Should().Be(0, run.Error);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(d.Path, "out", "summary.json")));
        var metrics = summary.RootElement.GetProperty("metrics");
        metrics.GetProperty("alpha").GetDouble().Should().BeInRange(-0.004, 0.004, "the DRIP is the total-return index less SPY's fees and its cash drag");
        metrics.GetProperty("beta").GetDouble().Should().BeApproximately(1.0, 0.03);
    }
}
