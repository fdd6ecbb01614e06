using System.CommandLine;
using System.Globalization;
using Alvh.Data.Catalog;
using Alvh.Data.Output;
using Alvh.Model;
using Alvh.Runs;
using Spectre.Console;

namespace Alvh.Cli.Commands;

/// <summary>
/// <c>alvh price condor --date YYYY-MM-DD --dte N --short-delta D --wing W [--data DIR] [--as-if] [--json]</c>:
/// an SPX iron condor priced on a historical close from the model surface.
/// </summary>
internal static class PriceCondorCommand
{
    public static Command Create(CliContext context)
    {
        var date = new Option<string>("--date") { Description = "Historical close (YYYY-MM-DD).", Required = true, HelpName = "DATE" };
        var dte = new Option<int>("--dte") { Description = "Target calendar days to expiry (the nearest listed SPX expiration is used).", Required = true, HelpName = "N" };
        var delta = new Option<double>("--short-delta") { Description = "Absolute delta of each short strike (e.g. 0.16).", Required = true, HelpName = "D" }.Number();
        var wing = new Option<double>("--wing") { Description = "Wing width, index points (a multiple of 5).", Required = true, HelpName = "W" }.Number();
        var data = CommonOptions.Data();
        var asIf = new Option<bool>("--as-if") { Description = "Allow an expiration that was not listed that day." };
        var json = CommonOptions.Json();
        var command = new Command("condor", "Price an SPX iron condor on a historical close from the model surface: legs, credit, max loss, break-evens, margin, probability of profit, and the surface inputs.")
        {
            date, dte, delta, wing, data, asIf, json,
        };
        command.SetAction(parse =>
        {
            if (!DateOnly.TryParseExact(parse.GetValue(date), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                context.Error.WriteLine($"alvh: bad input: --date must be YYYY-MM-DD (got '{parse.GetValue(date)}')");
                return ExitCodes.BadInput;
            }
            double d = parse.GetValue(delta), w = parse.GetValue(wing);
            int n = parse.GetValue(dte);
            // One message per option, naming it (one combined message before; the wing's grid was checked later, unnamed).
            // The ranges are a strategy file's (condor.rules.shortDelta 0.01–0.5, the wings 5–1000 points), so a condor a
            // strategy can trade can be priced here (0.5 was refused here and accepted there).
            string? problem = !(d >= 0.01 && d <= 0.5) ? $"--short-delta {d.ToString(CultureInfo.InvariantCulture)}: must be between 0.01 and 0.5 (as condor.rules.shortDelta)"
                : !(w >= 5 && w <= 1000 && w % 5 == 0) ? $"--wing {w.ToString(CultureInfo.InvariantCulture)}: must be a multiple of 5 index points (the SPX strike grid) from 5 to 1000 (as condor.rules.putWing and callWing)"
                : n < 1 || n > 366 ? $"--dte {n}: must be between 1 and 366 days"
                : null;
            if (problem is not null)
            {
                context.Error.WriteLine($"alvh: bad input: {problem}");
                return ExitCodes.BadInput;
            }
            var folder = DataFolder.Resolve(parse.GetValue(data), context.Environment(DataFolder.EnvironmentVariable), context.CurrentDirectory);
            var set = MarketDataLoader.Load(folder);
            CondorQuote quote;
            try
            {
                quote = CondorQuote.On(set, new SpxSurfaceModel(set), day, n, d, w, parse.GetValue(asIf));
            }
            catch (ArgumentException e)
            {
                // The short strikes and the wing are checked against the day's smile: the message names the option.
                string option = e.ParamName switch
                {
                    "shortDelta" => $"--short-delta {d.ToString(CultureInfo.InvariantCulture)}: ",
                    "wing" => $"--wing {w.ToString(CultureInfo.InvariantCulture)}: ",
                    _ => "",
                };
                context.Error.WriteLine($"alvh: bad input: {option}{e.Message.Split(" (Parameter")[0]}");
                return ExitCodes.BadInput;
            }
            if (parse.GetValue(json)) context.Output.Write(Json(quote));
            else Render(context.Console, quote);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Json(CondorQuote q) => JsonOut.Build(w =>
    {
        var c = q.Condor;
        var profile = c.Profile;
        w.WriteStartObject();
        JsonOut.Date(w, "date", q.Date);
        JsonOut.Date(w, "expiry", q.Expiry);
        w.WriteStartArray("legs");
        foreach (var leg in c.Legs)
        {
            w.WriteStartObject();
            w.WriteString("right", leg.Right.ToString().ToLowerInvariant());
            w.WriteNumber("strike", leg.Strike);
            JsonOut.Date(w, "expiry", leg.Expiry);
            w.WriteNumber("quantity", leg.Quantity);
            JsonOut.Number(w, "price", leg.Price ?? double.NaN);
            JsonOut.Number(w, "iv", leg.ImpliedVol ?? double.NaN);
            JsonOut.Number(w, "delta", leg.Delta ?? double.NaN);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        JsonOut.Number(w, "credit", c.NetCredit);
        JsonOut.Number(w, "maxLoss", profile.MaxLoss);
        JsonOut.Number(w, "maxProfit", profile.MaxProfit);
        w.WriteStartArray("breakevens");
        foreach (var b in profile.BreakEvens) w.WriteNumberValue(b);
        w.WriteEndArray();
        JsonOut.Number(w, "margin", c.DefinedRiskMargin);
        JsonOut.Number(w, "pop", q.ProbabilityOfProfit);
        w.WriteStartObject("surface");
        JsonOut.Number(w, "spot", q.Spot);
        JsonOut.Number(w, "forward", q.Forward);
        JsonOut.Number(w, "rate", q.Rate);
        JsonOut.Number(w, "dividendYield", q.DividendYield);
        JsonOut.Number(w, "yearsToExpiry", q.YearsToExpiry);
        JsonOut.Number(w, "atmVol", q.AtmVol);
        JsonOut.Number(w, "vix", q.Vix);
        w.WriteStartObject("vols");
        foreach (var leg in c.Legs) JsonOut.Number(w, leg.Strike.ToString(CultureInfo.InvariantCulture), leg.ImpliedVol ?? double.NaN);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteString("units", "prices, credit, max loss and margin in index points per condor (x100 dollars per contract); vols and rates annual fractions");
        w.WriteEndObject();
    });

    private static void Render(IAnsiConsole console, CondorQuote q)
    {
        var c = q.Condor;
        var t = new Table().Title($"SPX iron condor on {q.Date:yyyy-MM-dd}, expiring {q.Expiry:yyyy-MM-dd} (spot {q.Spot:0.00}, VIX {q.Vix:0.00}, ATM vol {q.AtmVol:P1})")
            .AddColumn("leg").AddColumn(new TableColumn("strike").RightAligned()).AddColumn(new TableColumn("qty").RightAligned())
            .AddColumn(new TableColumn("price").RightAligned()).AddColumn(new TableColumn("iv").RightAligned()).AddColumn(new TableColumn("delta").RightAligned());
        foreach (var leg in c.Legs)
        {
            t.AddRow(leg.Right.ToString(), leg.Strike.ToString("0", CultureInfo.InvariantCulture), leg.Quantity.ToString(CultureInfo.InvariantCulture),
                (leg.Price ?? double.NaN).ToString("0.00", CultureInfo.InvariantCulture), (leg.ImpliedVol ?? double.NaN).ToString("P1", CultureInfo.InvariantCulture),
                (leg.Delta ?? double.NaN).ToString("0.000", CultureInfo.InvariantCulture));
        }
        console.Write(t);
        var p = c.Profile;
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"credit {c.NetCredit:0.00}, max loss {p.MaxLoss:0.00}, break-evens {string.Join(" / ", p.BreakEvens.Select(b => b.ToString("0.00", CultureInfo.InvariantCulture)))}, margin {c.DefinedRiskMargin:0.00} points (x100 $/contract), PoP {q.ProbabilityOfProfit:P1}"));
    }
}
