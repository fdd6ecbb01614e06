using System.Globalization;
using System.Text.Json;
using Alvh.Cli.Tests.Support;

namespace Alvh.Cli.Tests.Commands;

public class PriceCommandTests
{
    private static Task<CliRun.Result> Run(params string[] args) => CliRun.RunAsync(Path.GetTempPath(), null, args);

    [Fact]
    public async Task Bs_json_matches_Hull_example_15_6()
    {
        // Hull, Options, Futures and Other Derivatives, Example 15.6: S = 42, K = 40, r = 0.1, σ = 0.2, T = 0.5 → c = 4.76, p = 0.81.
        var r = await Run("price", "bs", "--spot", "42", "--strike", "40", "--rate", "0.1", "--vol", "0.2", "--t", "0.5", "--json");

        r.ExitCode.Should().Be(0, r.Error);
        using var doc = JsonDocument.Parse(r.Output);
        var call = doc.RootElement.GetProperty("call");
        var put = doc.RootElement.GetProperty("put");
        call.GetProperty("price").GetDouble().Should().BeApproximately(4.76, 0.005);
        put.GetProperty("price").GetDouble().Should().BeApproximately(0.81, 0.005);
        foreach (var name in new[] { "price", "delta", "gamma", "vega", "theta", "rho" })
        {
            call.TryGetProperty(name, out _).Should().BeTrue(name);
            put.TryGetProperty(name, out _).Should().BeTrue(name);
        }

        // Put–call parity c − p = S − K e^{−rT} (no dividend), and delta_c − delta_p = 1.
        (call.GetProperty("price").GetDouble() - put.GetProperty("price").GetDouble()).Should().BeApproximately(42 - 40 * Math.Exp(-0.05), 1e-12);
        (call.GetProperty("delta").GetDouble() - put.GetProperty("delta").GetDouble()).Should().BeApproximately(1, 1e-12);
    }

    /// <summary>
    /// At expiry an option's rho and theta are 0: the put's printed "-0". And a volatility given as a percentage (20 for
    /// 20%) was priced at 2000% without a word (a call worth about the spot): it is priced as given, with a note.
    /// </summary>
    [Fact]
    public async Task No_negative_zero_and_a_note_on_percentage_like_inputs()
    {
        var expiry = await Run("price", "bs", "--spot", "100", "--strike", "120", "--rate", "0.05", "--vol", "0.2", "--t", "0", "--json");
        expiry.ExitCode.Should().Be(0, expiry.Error);
        expiry.Output.Should().NotContain("-0");
        expiry.Error.Should().BeEmpty();
        using (var doc = JsonDocument.Parse(expiry.Output)) doc.RootElement.GetProperty("put").GetProperty("price").GetDouble().Should().Be(20, "intrinsic value at expiry");

        var percent = await Run("price", "bs", "--spot", "100", "--strike", "100", "--rate", "5", "--vol", "20", "--t", "0.5");
        percent.ExitCode.Should().Be(0, percent.Error);
        percent.Error.Should().Contain("alvh: note: --vol 20 is 2000% a year: rates, yields and vols are fractions (0.2 = 20%); priced as given")
            .And.Contain("alvh: note: --rate 5 is 500% a year");
        var black = await Run("price", "black76", "--forward", "20", "--strike", "20", "--rate", "0.09", "--vol", "0.25", "--t", "0.3333333333");
        black.Error.Should().BeEmpty("Hull's Black-76 example is in fractions");
        // The percentage without the binary noise of value x 100 (0.55 x 100 = 55.00000000000001).
        var noise = await Run("price", "bs", "--spot", "100", "--strike", "100", "--rate", "0.55", "--div", "-0.58", "--vol", "0.2", "--t", "0.5");
        noise.Error.Should().Contain("alvh: note: --rate 0.55 is 55% a year").And.Contain("alvh: note: --div -0.58 is -58% a year");
    }

    [Fact]
    public async Task Bs_json_numbers_round_trip()
    {
        var r = await Run("price", "bs", "--spot", "42", "--strike", "40", "--rate", "0.1", "--vol", "0.2", "--t", "0.5", "--json");

        using var doc = JsonDocument.Parse(r.Output);
        var text = doc.RootElement.GetProperty("call").GetProperty("price").GetRawText();
        double value = double.Parse(text, CultureInfo.InvariantCulture);
        value.ToString("R", CultureInfo.InvariantCulture).Should().Be(text);
        value.Should().Be(Alvh.Pricing.BlackScholes.Greeks(Alvh.Pricing.OptionRight.Call, 42, 40, 0.1, 0, 0.2, 0.5).Price, "the printed text parses back to the exact double");
    }

    [Fact]
    public async Task Black76_on_the_forward_of_Hull_15_6_gives_the_same_prices()
    {
        // F = 42 e^{0.1 × 0.5}: Black-76 on F equals Black–Scholes on S (Hull, Example 15.6).
        string forward = (42 * Math.Exp(0.05)).ToString("R", CultureInfo.InvariantCulture);
        var r = await Run("price", "black76", "--forward", forward, "--strike", "40", "--rate", "0.1", "--vol", "0.2", "--t", "0.5", "--json");

        r.ExitCode.Should().Be(0, r.Error);
        using var doc = JsonDocument.Parse(r.Output);
        doc.RootElement.GetProperty("call").GetProperty("price").GetDouble().Should().BeApproximately(4.7594, 1e-4);
        doc.RootElement.GetProperty("put").GetProperty("price").GetDouble().Should().BeApproximately(0.8086, 1e-4);
    }

    [Fact]
    public async Task Table_shows_call_and_put()
    {
        var r = await Run("price", "bs", "--spot", "42", "--strike", "40", "--rate", "0.1", "--div", "0", "--vol", "0.2", "--t", "0.5");

        r.ExitCode.Should().Be(0, r.Error);
        r.Output.Should().Contain("call").And.Contain("put").And.Contain("4.759422").And.Contain("0.808599").And.Contain("vega per 1.00 of vol");
    }

    [Theory]
    [InlineData("--vol", "-0.2", "--vol must be a finite number >= 0")]
    [InlineData("--t", "-1", "--t must be a finite number >= 0")]
    [InlineData("--spot", "0", "--spot must be a finite number > 0")]
    [InlineData("--strike", "-40", "--strike must be a finite number > 0")]
    [InlineData("--rate", "NaN", "--rate expects a number such as 0.5")]
    // A comma decimal or thousands separator was read as digits ("1,5" priced a strike of 15), as other commands' numbers
    // stopped doing (CommonOptions.Number); its meaning is ambiguous, so it is refused.
    [InlineData("--strike", "1,5", "--strike expects a number such as 0.5")]
    [InlineData("--spot", "4,200", "--spot expects a number such as 0.5")]
    public async Task Invalid_values_exit_2_with_a_clear_message(string option, string value, string message)
    {
        var args = new Dictionary<string, string> { ["--spot"] = "42", ["--strike"] = "40", ["--rate"] = "0.1", ["--vol"] = "0.2", ["--t"] = "0.5" };
        args[option] = value;

        var r = await Run(["price", "bs", .. args.SelectMany(a => new[] { a.Key, a.Value })]);

        r.ExitCode.Should().Be(2);
        r.Error.Should().Contain(message);
    }

    /// <summary>
    /// A discount factor beyond a double's range (e^(-rT) = e^800) printed NaN and Infinity with exit 0, and --json
    /// ended with the JSON writer's exception about infinities: it is bad input, said in one line, with no output.
    /// </summary>
    [Theory]
    [InlineData("bs", "--spot", "--json")]
    [InlineData("bs", "--spot", null)]
    [InlineData("black76", "--forward", "--json")]
    public async Task Results_beyond_a_double_are_bad_input(string model, string underlying, string? json)
    {
        string[] args = ["price", model, underlying, "42", "--strike", "40", "--rate", "-800", "--vol", "0.2", "--t", "1"];
        var r = await Run(json is null ? args : [.. args, json]);

        r.ExitCode.Should().Be(2, r.Output);
        r.Output.Should().BeEmpty();
        r.Error.Should().Contain("alvh: bad input: the call's price is not a finite number for these inputs")
            .And.NotContain("JsonNumberHandling");
    }

    [Fact]
    public async Task Missing_option_exits_2()
    {
        var r = await Run("price", "black76", "--forward", "100", "--strike", "100", "--rate", "0.05", "--vol", "0.2");

        r.ExitCode.Should().Be(2);
        r.Error.Should().Contain("--t");
    }

    [Fact]
    public async Task Help_states_the_units()
    {
        var r = await Run("price", "bs", "--help");

        r.Output.Should().Contain("vega per 1.00 of vol").And.Contain("theta per year");
    }
}
