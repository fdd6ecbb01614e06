using System.CommandLine;
using System.Globalization;
using Alvh.Data.Catalog;
using Alvh.Regimes;
using Spectre.Console;

namespace Alvh.Cli.Commands;

/// <summary>
/// <c>alvh regimes [--data DIR] [--json] [--entry 25 --exit 20 --exit-days 10]</c>: the high-VIX episodes found in
/// the data's VIX closes and the named study windows with their max VIX and VIX regime counts.
/// </summary>
internal static class RegimesCommand
{
    public static Command Create(CliContext context)
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var entry = new Option<double>("--entry") { Description = "Episode starts on the first VIX close above this level.", DefaultValueFactory = _ => HighVixEpisodeRule.Default.EntryAbove, HelpName = "VIX" }.Number();
        var exit = new Option<double>("--exit") { Description = "Episode ends after --exit-days consecutive closes below this level.", DefaultValueFactory = _ => HighVixEpisodeRule.Default.ExitBelow, HelpName = "VIX" }.Number();
        var exitDays = new Option<int>("--exit-days") { Description = "Consecutive trading days below --exit that end an episode.", DefaultValueFactory = _ => HighVixEpisodeRule.Default.ExitDays, HelpName = "N" };
        var command = new Command("regimes", "List the high-VIX episodes in the data and the named study windows with their VIX statistics. " + AlvhCli.ExitCodeHelp)
        {
            data, json, entry, exit, exitDays,
        };
        command.SetAction(parse =>
        {
            // Checked by option name (the rule's own check named its properties, ExitBelow and EntryAbove), each naming
            // the option and the value given: one message named all three for any of them (--exit-days 0 spoke of VIX levels).
            double entryLevel = parse.GetValue(entry), exitLevel = parse.GetValue(exit);
            string Level(double x) => x.ToString("R", CultureInfo.InvariantCulture);
            if (!(entryLevel > 0 && double.IsFinite(entryLevel)))
            {
                return IndicatorsCommand.BadInput(context, $"--entry {Level(entryLevel)}: must be a VIX level above 0");
            }
            if (!(exitLevel > 0 && exitLevel <= entryLevel))
            {
                return IndicatorsCommand.BadInput(context, $"--exit {Level(exitLevel)}: must be a VIX level above 0 and at most --entry ({Level(entryLevel)})");
            }
            if (parse.GetValue(exitDays) < 1)
            {
                return IndicatorsCommand.BadInput(context, $"--exit-days {parse.GetValue(exitDays)}: must be at least 1");
            }
            var rule = new HighVixEpisodeRule(entryLevel, exitLevel, parse.GetValue(exitDays));
            var folder = DataFolder.Resolve(parse.GetValue(data), context.Environment(DataFolder.EnvironmentVariable), context.CurrentDirectory);
            var set = MarketDataLoader.Load(folder);
            var vix = set.Find("vix");
            if (vix is null) return IndicatorsCommand.BadInput(context, $"no 'vix' series in {folder} (expected vix-daily.csv)");
            IReadOnlyList<HighVixEpisode> episodes;
            try
            {
                episodes = HighVixEpisodes.Find(vix.Dates, vix.Close, rule);
            }
            catch (ArgumentOutOfRangeException e)
            {
                return IndicatorsCommand.BadInput(context, $"--entry/--exit/--exit-days: {e.Message.Split(" (Parameter", 2)[0]}");
            }
            var windows = StudyWindows.All.Select(w => StudyWindowVix.Of(w, vix.Dates, vix.Close)).ToList();
            if (parse.GetValue(json)) context.Output.Write(RegimesJson.Write(episodes, windows, vix.Count));
            else Render(context.Console, episodes, windows, vix.Count, rule);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Trading days (rows of the VIX series) from the start to the end, or to the last row when open.</summary>
    internal static int TradingDays(HighVixEpisode e, int rows) => (e.EndIndex ?? rows - 1) - e.StartIndex + 1;

    private static void Render(IAnsiConsole console, IReadOnlyList<HighVixEpisode> episodes, IReadOnlyList<StudyWindowVix> windows, int rows, HighVixEpisodeRule rule)
    {
        var e = new Table().Title($"High-VIX episodes (enter above {Num(rule.EntryAbove)}, leave after {rule.ExitDays} days below {Num(rule.ExitBelow)})")
            .AddColumn("start").AddColumn("peak date").AddColumn(new TableColumn("peak").RightAligned()).AddColumn("end")
            .AddColumn(new TableColumn("trading days").RightAligned());
        foreach (var x in episodes)
        {
            e.AddRow(Iso(x.Start), Iso(x.PeakDate), Num(x.Peak), x.End is { } end ? Iso(end) : "open", TradingDays(x, rows).ToString(CultureInfo.InvariantCulture));
        }
        console.Write(e);
        var w = new Table().Title("Study windows (VIX closes; bands calm < 15 ≤ normal < 20 ≤ elevated < 25 ≤ high < 35 ≤ extreme)")
            .AddColumn("id").AddColumn("name").AddColumn("start").AddColumn("end").AddColumn(new TableColumn("max VIX").RightAligned())
            .AddColumn(new TableColumn("calm").RightAligned()).AddColumn(new TableColumn("normal").RightAligned())
            .AddColumn(new TableColumn("elevated").RightAligned()).AddColumn(new TableColumn("high").RightAligned())
            .AddColumn(new TableColumn("extreme").RightAligned());
        foreach (var s in windows)
        {
            w.AddRow(Markup.Escape(s.Window.Id), Markup.Escape(s.Window.Name), Iso(s.Window.Start), Iso(s.Window.End),
                s.MaxVix is { } m ? Num(m) : "-", Count(s, VixRegime.Calm), Count(s, VixRegime.Normal), Count(s, VixRegime.Elevated),
                Count(s, VixRegime.High), Count(s, VixRegime.Extreme));
        }
        console.Write(w);
        console.WriteLine();
        foreach (var s in windows) console.MarkupLine($"[bold]{Markup.Escape(s.Window.Id)}[/]: {Markup.Escape(s.Window.Reason)}");
    }

    private static string Count(StudyWindowVix s, VixRegime r) => s.DaysIn(r).ToString(CultureInfo.InvariantCulture);

    private static string Num(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
