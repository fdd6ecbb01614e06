using System.CommandLine;
using Alvh.Data.Catalog;
using Alvh.MarketData;
using Spectre.Console;

namespace Alvh.Cli.Commands;

/// <summary><c>alvh data info [--data DIR] [--json] [--issues]</c>: every series with its range and the issues found.</summary>
internal static class DataInfoCommand
{
    private const int IssuesShownPerFile = 5;

    public static Command Create(CliContext context)
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var all = new Option<bool>("--issues") { Description = "List every issue (default: the first few per file)." };
        var command = new Command("info", "List every series in the data folder: file, first and last date, rows, and the issues found.")
        {
            data, json, all,
        };
        command.SetAction(parse =>
        {
            var folder = DataFolder.Resolve(parse.GetValue(data), context.Environment(DataFolder.EnvironmentVariable), context.CurrentDirectory);
            var set = MarketDataLoader.Load(folder);
            if (parse.GetValue(json)) context.Output.Write(DataInfoJson.Write(set));
            else Render(context.Console, set, parse.GetValue(all));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Render(IAnsiConsole console, MarketDataSet set, bool allIssues)
    {
        var table = new Table().Title($"Market data in {Markup.Escape(set.Folder)}")
            .AddColumn("id").AddColumn("file").AddColumn("format").AddColumn("first").AddColumn("last")
            .AddColumn(new TableColumn("rows").RightAligned()).AddColumn("issues");
        foreach (var s in set.Series)
        {
            table.AddRow(Markup.Escape(s.Id), Markup.Escape(s.File), s.Format, Iso(s.First), Iso(s.Last),
                s.Rows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(Summary(s.Issues)));
        }
        console.Write(table);
        console.MarkupLine($"Trading calendar: [bold]{set.Calendar.Count:N0}[/] days, {Iso(set.Calendar.Count > 0 ? set.Calendar.First : null)} .. {Iso(set.Calendar.Count > 0 ? set.Calendar.Last : null)}");
        console.WriteLine();
        console.MarkupLine("[bold]Rules applied[/]");
        foreach (var r in set.RulesApplied) console.MarkupLine($"  - {Markup.Escape(r)}");
        console.WriteLine();
        console.MarkupLine("[bold]Issues[/]");
        foreach (var s in set.Series.Where(s => s.Issues.Count > 0))
        {
            var shown = allIssues ? s.Issues : s.Issues.Take(IssuesShownPerFile).ToList();
            foreach (var i in shown)
            {
                var where = i.Line > 0 ? $"{s.File}:{i.Line}" : s.File;
                console.MarkupLine($"  {Markup.Escape(where)}: [grey]{i.Kind}[/] {Markup.Escape(i.Message)}");
            }
            if (shown.Count < s.Issues.Count) console.MarkupLine($"  [grey]... {s.Issues.Count - shown.Count} more in {Markup.Escape(s.File)} (alvh data info --issues)[/]");
        }
    }

    private static string Summary(IReadOnlyList<DataIssue> issues) =>
        issues.Count == 0 ? "none" : string.Join(", ", issues.GroupBy(i => i.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));

    private static string Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "-";
}
