using System.Text.Json;
using Alvh.Cli.Tests.Support;

namespace Alvh.Cli.Tests.Commands;

public class PriceCondorCommandTests
{
    [SkippableFact]
    public async Task Prices_a_condor_on_a_historical_close_with_its_surface_inputs()
    {
        var folder = SharedData.Require();
        var r = await CliRun.RunAsync(folder, null, "price", "condor", "--date", "2020-03-16", "--dte", "30", "--short-delta", "0.16", "--wing", "50", "--data", folder, "--json");
        r.ExitCode.Should().Be(0, r.Error);
        using var doc = JsonDocument.Parse(r.Output);
        var root = doc.RootElement;
        var legs = root.GetProperty("legs").EnumerateArray().ToList();
        legs.Should().HaveCount(4);
        var strikes = legs.Select(l => l.GetProperty("strike").GetDouble()).ToList();
        strikes.Should().BeInAscendingOrder();
        (strikes[1] - strikes[0]).Should().Be(50);
        (strikes[3] - strikes[2]).Should().Be(50);
        legs.Should().OnlyContain(l => l.GetProperty("strike").GetDouble() % 5 == 0);
        // PROVENANCE: SPX close 2020-03-16 = 2386.13; the short strikes straddle it.
        root.GetProperty("surface").GetProperty("spot").GetDouble().Should().BeApproximately(2386.13, 1e-9);
        strikes[1].Should().BeLessThan(2386.13);
        strikes[2].Should().BeGreaterThan(2386.13);
        double credit = root.GetProperty("credit").GetDouble();
        credit.Should().BeGreaterThan(0);
        // Defined risk of an equal-wing condor: wing − credit, which is also the margin (one side only).
        root.GetProperty("maxLoss").GetDouble().Should().BeApproximately(50 - credit, 1e-9);
        root.GetProperty("margin").GetDouble().Should().BeApproximately(50 - credit, 1e-9);
        var be = root.GetProperty("breakevens").EnumerateArray().Select(x => x.GetDouble()).ToList();
        be.Should().HaveCount(2);
        be[0].Should().BeApproximately(strikes[1] - credit, 1e-9);
        be[1].Should().BeApproximately(strikes[2] + credit, 1e-9);
        root.GetProperty("pop").GetDouble().Should().BeInRange(0, 1);
        // Skew: the short put's implied vol is above the short call's (SPX put skew).
        legs[1].GetProperty("iv").GetDouble().Should().BeGreaterThan(legs[2].GetProperty("iv").GetDouble());
    }

    [SkippableFact]
    public async Task A_non_trading_day_is_bad_input()
    {
        var folder = SharedData.Require();
        var r = await CliRun.RunAsync(folder, null, "price", "condor", "--date", "2020-03-15", "--dte", "30", "--short-delta", "0.16", "--wing", "50", "--data", folder);
        r.ExitCode.Should().Be(ExitCodes.BadInput);
        r.Error.Should().Contain("2020-03-15 is not a trading day");
    }
    /// <summary>
    /// 2024-06-14 is a Friday with a P.M. weekly expiring that day, the nearest to 1 day (Saturday) ahead of Monday's: --dte 1
    /// found it and the pricer failed on t = 0, then it was refused ("ask for more days"). Same-day options are not priced,
    /// so the first expiration listed after the day is taken: Monday 2024-06-17 (SPX has listed every weekday since
    /// 2022-05-11, Cboe), three days out.
    /// </summary>
    [SkippableFact]
    public async Task A_same_day_expiration_is_passed_over_for_the_next_listed()
    {
        var folder = SharedData.Require();
        var r = await CliRun.RunAsync(folder, null, "price", "condor", "--date", "2024-06-14", "--dte", "1", "--short-delta", "0.16", "--wing", "50", "--data", folder, "--json");
        r.ExitCode.Should().Be(ExitCodes.Ok, r.Error);
        using var json = System.Text.Json.JsonDocument.Parse(r.Output);
        json.RootElement.GetProperty("expiry").GetString().Should().Be("2024-06-17");
    }

    [SkippableTheory]
    // 1990-01-02 (SPX 359.69): the 0.16-delta put is a little below 360, so a 1,000-point wing reaches below 0.
    [InlineData("1990-01-02", "45", "0.16", "1000", "alvh: bad input: --wing 1000: a wing of 1000 points below the short put at ")]
    // Over a year at 7.8% rates the 0.5-delta put strike lies above the 0.5-delta call strike.
    [InlineData("1990-01-02", "366", "0.5", "5", "alvh: bad input: --short-delta 0.5: at a short delta of 0.5 the put's strike (")]
    public async Task Crossing_short_strikes_or_a_wing_below_zero_name_the_option(string date, string dte, string delta, string wing, string message)
    {
        // They were refused with the condor's own words: "Strikes must be positive and finite." or four strikes out of order.
        var folder = SharedData.Require();
        var r = await CliRun.RunAsync(folder, null, "price", "condor", "--date", date, "--dte", dte, "--short-delta", delta, "--wing", wing, "--data", folder);
        r.ExitCode.Should().Be(ExitCodes.BadInput);
        r.Error.Should().StartWith(message).And.NotContain("Strikes must be positive").And.NotContain("must satisfy long put");
    }

    [Theory]
    [InlineData("--short-delta 0.6: must be between 0.01 and 0.5 (as condor.rules.shortDelta)", "0.6", "50", "7")]
    [InlineData("--short-delta 0.005: must be between 0.01 and 0.5", "0.005", "50", "7")]
    [InlineData("--wing 7: must be a multiple of 5", "0.16", "7", "7")]
    [InlineData("--wing 1005: must be a multiple of 5 index points (the SPX strike grid) from 5 to 1000", "0.16", "1005", "7")]
    [InlineData("--wing 1000000000: must be a multiple of 5", "0.16", "1e9", "7")]
    [InlineData("--dte 100000: must be between 1 and 366 days", "0.16", "50", "100000")]
    public async Task Each_bad_option_is_named(string message, string delta, string wing, string dte)
    {
        // One combined message before; the wing's grid and size surfaced later without the option's name.
        var r = await CliRun.RunAsync(Path.GetTempPath(), null, "price", "condor", "--date", "2024-03-01", "--short-delta", delta, "--wing", wing, "--dte", dte, "--data", "/nonexistent");
        r.ExitCode.Should().Be(ExitCodes.BadInput);
        r.Error.Should().StartWith("alvh: bad input: " + message);
    }
}
