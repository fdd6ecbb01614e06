using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Alvh.Pricing;
using Spectre.Console;

namespace Alvh.Cli.Commands;

/// <summary>
/// <c>alvh price bs|black76|condor ...</c>: a call and a put with their greeks from the pricing kernels,
/// and an SPX iron condor on a historical close from the model surface.
/// </summary>
internal static class PriceCommand
{
    private const string Units =
        "Rates, yields and vols are annualised fractions (0.2 = 20%), T in years. Greeks per unit of underlying: vega per 1.00 of vol (divide by 100 for per vol point), theta per year (divide by 365 for per calendar day), rho per 1.00 of rate.";

    public static Command Create(CliContext context)
    {
        var command = new Command("price", "Price options with the model kernels. " + AlvhCli.ExitCodeHelp);
        command.Subcommands.Add(BlackScholesCommand(context));
        command.Subcommands.Add(Black76Command(context));
        command.Subcommands.Add(PriceCondorCommand.Create(context));
        return command;
    }

    private static Command BlackScholesCommand(CliContext context)
    {
        var spot = Number("--spot", "Spot price of the underlying (> 0).", "S");
        var strike = Number("--strike", "Strike (> 0).", "K");
        var rate = Number("--rate", "Risk-free rate, continuously compounded.", "r");
        var div = Number("--div", "Dividend yield, continuously compounded (default 0).", "q", required: false);
        var vol = Number("--vol", "Volatility (>= 0).", "v");
        var t = Number("--t", "Time to expiry in years (>= 0).", "T");
        var json = CommonOptions.Json();
        var command = new Command("bs", "Black-Scholes-Merton call and put with greeks (delta wrt spot). " + Units) { spot, strike, rate, div, vol, t, json };
        command.SetAction(parse =>
        {
            var input = new BlackScholesInput(parse.GetValue(spot), parse.GetValue(strike), parse.GetValue(rate), parse.GetValue(div), parse.GetValue(vol), parse.GetValue(t));
            if (Validate(context, ("--spot", input.Spot, Positive), ("--strike", input.Strike, Positive), ("--rate", input.Rate, Finite),
                    ("--div", input.DividendYield, Finite), ("--vol", input.Vol, NonNegative), ("--t", input.Years, NonNegative)) is { } bad)
            {
                return bad;
            }
            NotePercentLike(context, ("--rate", input.Rate, 0.5), ("--div", input.DividendYield, 0.5), ("--vol", input.Vol, 3));

            var call = BlackScholes.Greeks(OptionRight.Call, input.Spot, input.Strike, input.Rate, input.DividendYield, input.Vol, input.Years);
            var put = BlackScholes.Greeks(OptionRight.Put, input.Spot, input.Strike, input.Rate, input.DividendYield, input.Vol, input.Years);
            if (NotFinite(context, call, put) is { } overflow) return overflow;
            Write(context, parse.GetValue(json), "Black-Scholes-Merton", call, put);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Black76Command(CliContext context)
    {
        var forward = Number("--forward", "Forward or futures price (> 0).", "F");
        var strike = Number("--strike", "Strike (> 0).", "K");
        var rate = Number("--rate", "Discount rate, continuously compounded.", "r");
        var vol = Number("--vol", "Black volatility of the forward (>= 0).", "v");
        var t = Number("--t", "Time to expiry in years (>= 0).", "T");
        var json = CommonOptions.Json();
        var command = new Command("black76", "Black-76 call and put on a forward with greeks (delta and gamma wrt the forward, forward held fixed). " + Units)
        {
            forward, strike, rate, vol, t, json,
        };
        command.SetAction(parse =>
        {
            var input = new Black76Input(parse.GetValue(forward), parse.GetValue(strike), parse.GetValue(rate), parse.GetValue(vol), parse.GetValue(t));
            if (Validate(context, ("--forward", input.Forward, Positive), ("--strike", input.Strike, Positive), ("--rate", input.Rate, Finite),
                    ("--vol", input.Vol, NonNegative), ("--t", input.Years, NonNegative)) is { } bad)
            {
                return bad;
            }
            NotePercentLike(context, ("--rate", input.Rate, 0.5), ("--vol", input.Vol, 3));

            var call = Black76.Greeks(OptionRight.Call, input.Forward, input.Strike, input.Rate, input.Vol, input.Years);
            var put = Black76.Greeks(OptionRight.Put, input.Forward, input.Strike, input.Rate, input.Vol, input.Years);
            if (NotFinite(context, call, put) is { } overflow) return overflow;
            Write(context, parse.GetValue(json), "Black-76", call, put);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// An input read the invariant way (<see cref="CommonOptions.Number(Option{double})"/>): the default parse took
    /// thousands separators, so "--strike 1,5" (a comma decimal) priced a strike of 15 with exit 0.
    /// </summary>
    private static Option<double> Number(string name, string description, string helpName, bool required = true) =>
        new Option<double>(name) { Description = description, HelpName = helpName, Required = required }.Number();

    private const string Positive = "must be a finite number > 0";
    private const string NonNegative = "must be a finite number >= 0";
    private const string Finite = "must be a finite number";

    private static int? Validate(CliContext context, params (string Name, double Value, string Rule)[] checks)
    {
        foreach (var (name, value, rule) in checks)
        {
            bool ok = double.IsFinite(value) && rule switch
            {
                Positive => value > 0.0,
                NonNegative => value >= 0.0,
                _ => true,
            };
            if (!ok)
            {
                context.Error.WriteLine($"alvh: bad input: {name} {rule} (got {value.ToString("R", CultureInfo.InvariantCulture)}).");
                return ExitCodes.BadInput;
            }
        }

        return null;
    }

    /// <summary>
    /// Refuses a result beyond a double's range: --rate -800 --t 1 (a discount factor e^800) printed NaN and Infinity in
    /// the table with exit 0, and --json ended with the JSON writer's exception about infinities.
    /// </summary>
    private static int? NotFinite(CliContext context, Greeks call, Greeks put)
    {
        foreach (var (side, greeks) in new[] { ("call", call), ("put", put) })
        {
            foreach (var (name, value, _) in Rows(greeks, greeks))
            {
                if (double.IsFinite(value)) continue;
                context.Error.WriteLine($"alvh: bad input: the {side}'s {name} is not a finite number for these inputs (a factor such as e^(-rT), or a price times one, is beyond the range of a double): give smaller values.");
                return ExitCodes.BadInput;
            }
        }

        return null;
    }

    /// <summary>
    /// Notes a value that reads like a percentage where a fraction is meant (`--vol 20` for 20% priced at 2000%, a call
    /// worth about the spot, without a word): above 3 (300%) for a volatility, 0.5 (50%) in size for a rate or yield. Priced
    /// as given: such values are legal, only unlikely. The percentage is rounded to ten decimals: --rate 0.55 read
    /// "55.00000000000001%" (0.55 × 100 in binary) in round-trip form.
    /// </summary>
    private static void NotePercentLike(CliContext context, params (string Name, double Value, double Above)[] checks)
    {
        foreach (var (name, value, above) in checks)
        {
            if (Math.Abs(value) <= above) continue;
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"alvh: note: {name} {value:R} is {value * 100:0.##########}% a year: rates, yields and vols are fractions (0.2 = 20%); priced as given"));
        }
    }

    private static void Write(CliContext context, bool json, string model, Greeks call, Greeks put)
    {
        if (json)
        {
            context.Output.Write(Json(call, put));
            return;
        }

        var table = new Table().Title($"{model}: price and greeks per unit of underlying")
            .AddColumn("").AddColumn(new TableColumn("call").RightAligned()).AddColumn(new TableColumn("put").RightAligned());
        foreach (var (name, c, p) in Rows(call, put)) table.AddRow(name, Format(c), Format(p));
        context.Console.Write(table);
        context.Console.MarkupLine("[grey]vega per 1.00 of vol, theta per year, rho per 1.00 of rate[/]");
    }

    /// <summary><c>{"call":{"price","delta","gamma","vega","theta","rho"},"put":{...}}</c>, doubles in shortest round-trip form.</summary>
    internal static string Json(Greeks call, Greeks put)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Alvh.Data.Output.JsonOut.WriterOptions))
        {
            w.WriteStartObject();
            WriteGreeks(w, "call", call);
            WriteGreeks(w, "put", put);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteGreeks(Utf8JsonWriter w, string name, Greeks g)
    {
        w.WriteStartObject(name);
        // + 0.0 turns a negative zero (the rho of an option worth nothing) into 0: it printed "-0".
        w.WriteNumber("price", g.Price + 0.0);
        w.WriteNumber("delta", g.Delta + 0.0);
        w.WriteNumber("gamma", g.Gamma + 0.0);
        w.WriteNumber("vega", g.Vega + 0.0);
        w.WriteNumber("theta", g.Theta + 0.0);
        w.WriteNumber("rho", g.Rho + 0.0);
        w.WriteEndObject();
    }

    private static IEnumerable<(string, double, double)> Rows(Greeks c, Greeks p) =>
    [
        ("price", c.Price, p.Price), ("delta", c.Delta, p.Delta), ("gamma", c.Gamma, p.Gamma),
        ("vega", c.Vega, p.Vega), ("theta", c.Theta, p.Theta), ("rho", c.Rho, p.Rho),
    ];

    private static string Format(double x) => Alvh.Study.Verdict.NoNegativeZero(x.ToString("0.000000", CultureInfo.InvariantCulture));

    private sealed record BlackScholesInput(double Spot, double Strike, double Rate, double DividendYield, double Vol, double Years);

    private sealed record Black76Input(double Forward, double Strike, double Rate, double Vol, double Years);
}
