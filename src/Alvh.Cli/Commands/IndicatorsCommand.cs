using System.CommandLine;
using System.Globalization;
using Alvh.Data.Catalog;
using Spectre.Console;

namespace Alvh.Cli.Commands;

/// <summary>
/// <c>alvh indicators (--series ID [--data DIR] | --csv FILE) --indicator NAME [--period N] [--fast --slow --signal]
/// [--from --to] [--json] [--all]</c>: one indicator over a whole series, then the rows in the date range.
/// </summary>
internal static class IndicatorsCommand
{
    private const int TableRows = 20;

    public static Command Create(CliContext context)
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var series = new Option<string?>("--series") { Description = "Series id in the data folder (e.g. vix, spx, spy, vix3m).", HelpName = "ID" };
        var csv = new Option<string?>("--csv") { Description = "CSV file with a Date,Close header (optional Open,High,Low) instead of --series.", HelpName = "FILE" }.NotBlank("a CSV file");
        var indicator = new Option<string>("--indicator")
        {
            Description = "Indicator: " + string.Join(", ", IndicatorTable.Names) + ".",
            Required = true,
            HelpName = "NAME",
        };
        var period = new Option<int?>("--period") { Description = "Lookback in bars (defaults: sma/ema/bollinger/zscore 20, rsi/atr 14, roc 10, realvol/parkinson 21, percentrank 252).", HelpName = "N" };
        var fast = new Option<int?>("--fast") { Description = "MACD fast EMA period (default 12).", HelpName = "N" };
        var slow = new Option<int?>("--slow") { Description = "MACD slow EMA period (default 26).", HelpName = "N" };
        var signal = new Option<int?>("--signal") { Description = "MACD signal EMA period (default 9).", HelpName = "N" };
        var from = new Option<string?>("--from") { Description = "First date shown (YYYY-MM-DD); warm-up still uses earlier data.", HelpName = "DATE" };
        var to = new Option<string?>("--to") { Description = "Last date shown (YYYY-MM-DD).", HelpName = "DATE" };
        var all = new Option<bool>("--all") { Description = $"Show every row in the table (default: the last {TableRows})." };
        var command = new Command("indicators", "Compute a technical indicator over a data series or a CSV file. " + AlvhCli.ExitCodeHelp)
        {
            series, csv, indicator, period, fast, slow, signal, from, to, data, json, all,
        };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(indicator)!.Trim().ToLowerInvariant();
            if (!IndicatorTable.Names.Contains(name)) return BadInput(context, $"unknown indicator '{name}'; valid: {string.Join(", ", IndicatorTable.Names)}");
            // An option the indicator does not read was ignored without a word (sma --fast 5 gave SMA(20)).
            string? unread = name == "macd"
                ? (parse.GetValue(period) is not null ? "--period" : null)
                : parse.GetValue(fast) is not null ? "--fast" : parse.GetValue(slow) is not null ? "--slow" : parse.GetValue(signal) is not null ? "--signal" : null;
            if (unread is not null)
            {
                return BadInput(context, name == "macd"
                    ? "--period: macd takes --fast, --slow and --signal"
                    : $"{unread}: only macd takes --fast, --slow and --signal ({name} takes --period)");
            }
            string? seriesId = parse.GetValue(series);
            string? csvPath = parse.GetValue(csv);
            if ((seriesId is null) == (csvPath is null)) return BadInput(context, "give exactly one of --series ID or --csv FILE");
            if (!TryDate(parse.GetValue(from), "--from", context, out var fromDate) || !TryDate(parse.GetValue(to), "--to", context, out var toDate)) return ExitCodes.BadInput;
            if (fromDate > toDate) return BadInput(context, $"--from {fromDate:yyyy-MM-dd} is after --to {toDate:yyyy-MM-dd}");

            IndicatorBars bars;
            if (csvPath is not null)
            {
                bars = IndicatorBars.FromCsv(Path.GetFullPath(csvPath, context.CurrentDirectory), csvPath, checkRange: IndicatorTable.ReadsRange(name));
            }
            else
            {
                var folder = DataFolder.Resolve(parse.GetValue(data), context.Environment(DataFolder.EnvironmentVariable), context.CurrentDirectory);
                var set = MarketDataLoader.Load(folder);
                var found = set.Find(seriesId!.Trim().ToLowerInvariant());
                if (found is null)
                {
                    // A folder with no recognised file listed no valid ids at all ("valid: ").
                    return BadInput(context, set.Daily.Count == 0
                        ? $"unknown series '{seriesId}': {folder} holds no daily series Alvh recognises (see 'alvh data info' and the README's data section)"
                        : $"unknown series '{seriesId}'; valid: {string.Join(", ", set.Daily.Select(s => s.Id).Order(StringComparer.Ordinal))}");
                }
                bars = IndicatorBars.FromSeries(found);
            }

            // A CSV row repeating the one before it was dropped without a word, where data info reports each one.
            if (bars.Dropped is { Count: > 0 } dropped)
            {
                int more = dropped.Count - 1;
                context.Error.WriteLine($"alvh: note: {bars.Source}:{dropped[0].Line}: {dropped[0].Message}{(more == 0 ? "" : $" (and {more} more such row{(more == 1 ? "" : "s")})")}");
            }
            (bars, int skipped) = bars.WithoutMissingCloses();
            if (skipped > 0) context.Error.WriteLine($"alvh: note: {skipped} row{(skipped == 1 ? "" : "s")} of {bars.Source} without a close left out (each indicator steps over them)");
            if (IndicatorTable.ReadsRange(name) && bars.WithoutRange() is { Count: > 0 } noRange)
            {
                // The S&P 500's FRED closes (2025-05-12 on in the shared data) have no high or low: atr --from 2025-06-01
                // printed "no rows: the date range is empty or inside the warm-up", and the default table ended in 2025
                // with no word why.
                int n = noRange.Count;
                context.Error.WriteLine($"alvh: note: {n} row{(n == 1 ? "" : "s")} of {bars.Source} with a close but no high or low ({noRange[0]:yyyy-MM-dd}{(n == 1 ? "" : $" to {noRange[^1]:yyyy-MM-dd}")}) give no {name} value");
            }
            var request = new IndicatorRequest(name, parse.GetValue(period), parse.GetValue(fast), parse.GetValue(slow), parse.GetValue(signal), fromDate, toDate);
            IndicatorTable table;
            try
            {
                table = IndicatorTable.Compute(bars, request);
            }
            catch (ArgumentException e)
            {
                return BadInput(context, Describe(e));
            }
            var rows = table.Rows(fromDate, toDate);
            if (parse.GetValue(json)) context.Output.Write(IndicatorsJson.Write(table, rows));
            else Render(context.Console, table, rows, parse.GetValue(all));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Render(IAnsiConsole console, IndicatorTable table, IReadOnlyList<int> rows, bool all)
    {
        var shown = all || rows.Count <= TableRows ? rows : rows.Skip(rows.Count - TableRows).ToList();
        var output = new Table().Title($"{Markup.Escape(table.Label)} of {Markup.Escape(table.Source)}").AddColumn("date");
        foreach (var c in table.Columns) output.AddColumn(new TableColumn(c).RightAligned());
        foreach (int i in shown)
        {
            var cells = new List<string> { table.Dates[i].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
            foreach (var column in table.Values) cells.Add(column[i].ToString("0.0000", CultureInfo.InvariantCulture));
            output.AddRow(cells.ToArray());
        }
        console.Write(output);
        console.MarkupLine($"[grey]values: {Markup.Escape(table.Unit)}[/]");
        if (shown.Count < rows.Count) console.MarkupLine($"[grey]{shown.Count} of {rows.Count} rows (--all for every row, --json for full precision)[/]");
        if (rows.Count == 0) console.MarkupLine("[grey]no rows: the date range is empty or inside the warm-up[/]");
    }

    private static bool TryDate(string? text, string option, CliContext context, out DateOnly? date)
    {
        date = null;
        if (text is null) return true;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            date = d;
            return true;
        }
        BadInput(context, $"{option}: '{text}' is not a date (expected YYYY-MM-DD)");
        return false;
    }

    private static string Describe(ArgumentException e) => e switch
    {
        ArgumentOutOfRangeException r => $"{Option(r.ParamName)}: {r.ActualValue} {FirstLine(r.Message)}",
        _ => FirstLine(e.Message),
    };

    // Core parameter names → the options that set them.
    private static string Option(string? parameter) => parameter switch
    {
        "fastPeriod" => "--fast",
        "slowPeriod" => "--slow",
        "signalPeriod" => "--signal",
        _ => "--period",
    };

    private static string FirstLine(string message)
    {
        int cut = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        message = cut >= 0 ? message[..cut] : message;
        int newline = message.IndexOf('\n');
        return (newline >= 0 ? message[..newline] : message).Trim();
    }

    internal static int BadInput(CliContext context, string message)
    {
        context.Error.WriteLine($"alvh: bad input: {message}");
        return ExitCodes.BadInput;
    }
}
