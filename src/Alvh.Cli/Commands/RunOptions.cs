using System.CommandLine;
using System.Globalization;
using Alvh.Data.Catalog;
using Alvh.Engine.Options;
using Alvh.MarketData;
using Alvh.Runs;

namespace Alvh.Cli.Commands;

/// <summary>Options shared by the commands that run the market model (backtest, study).</summary>
internal sealed class RunOptions
{
    public Option<string?> Data { get; } = CommonOptions.Data();

    public Option<string?> Out { get; } = new("--out") { Description = "Output folder.", HelpName = "DIR" };

    public Option<string?> From { get; } = new("--from") { Description = "First day (YYYY-MM-DD).", HelpName = "DATE" };

    public Option<string?> To { get; } = new("--to") { Description = "Last day (YYYY-MM-DD).", HelpName = "DATE" };

    public Option<bool> AsIf { get; } = new("--as-if") { Description = "Trade expirations that were not listed yet (SPX weeklies before their launch, VIX options before 2006-02-24); printed in every output." };

    public Option<bool> Json { get; } = CommonOptions.Json();

    public Option<bool> Quiet { get; } = CommonOptions.Quiet();

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { Data, Out, From, To, AsIf, Json, Quiet }) command.Options.Add(o);
    }

    public MarketDataSet Load(ParseResult parse, CliContext context) => Load(parse.GetValue(Data), context);

    public MarketDataSet Load(string? data, CliContext context)
    {
        var folder = DataFolder.Resolve(data, context.Environment(DataFolder.EnvironmentVariable), context.CurrentDirectory);
        return MarketDataLoader.Load(folder);
    }

    public ModelSettings Settings(ParseResult parse) =>
        parse.GetValue(AsIf) ? ModelSettings.Default with { Listing = new ListingRules { SpxAsIf = true, VixAsIf = true } } : ModelSettings.Default;

    public static DateOnly? Date(ParseResult parse, Option<string?> option)
    {
        var text = parse.GetValue(option);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        throw new DataFormatException(option.Name, 0, null, $"not a date: '{text}' (expected YYYY-MM-DD)");
    }

    /// <summary>
    /// Why --out cannot be an output folder, or null; checked before the work. <paramref name="given"/> is the option's text
    /// (null when not given), <paramref name="folder"/> the folder it names. An empty one (an unset variable in
    /// <c>--out "$DIR"</c>) wrote the run's files into the current folder, and a run's commit removes the charts there that
    /// it did not draw; a folder that is a file, or under one, failed a Monte Carlo only once every path had run.
    /// </summary>
    public static string? NotAFolder(string? given, string folder)
    {
        if (given is not null && string.IsNullOrWhiteSpace(given)) return "--out is empty: give a folder (. for the current one)";
        return FileInTheWay(Path.GetFullPath(folder)) is { } file ? $"--out {folder}: {file} is a file, not a folder" : null;
    }

    /// <summary>
    /// The file at <paramref name="fullPath"/> or at one of its parent folders, where a folder must go, or null: the one
    /// walk behind every "is a file, not a folder" refusal (--out, data fetch's --data, init's file).
    /// </summary>
    public static string? FileInTheWay(string fullPath)
    {
        for (string? p = fullPath; !string.IsNullOrEmpty(p); p = Path.GetDirectoryName(p))
        {
            if (File.Exists(p)) return p;
        }
        return null;
    }

    /// <summary>
    /// Why <paramref name="folder"/> cannot be made and written (the error's message), or null; tried before the data are
    /// loaded and the run made, by staging a folder that goes at once (and the folder, when it made it), so a run stopped
    /// on the way leaves nothing behind: an --out under /proc failed only once the run (or every Monte Carlo path) was done,
    /// with "cannot write or read a file: Could not find file '/proc/x'", not naming --out.
    /// </summary>
    public static string? CannotMake(string folder)
    {
        try
        {
            Alvh.Data.Output.StagedFolder.Begin(folder).Dispose();
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }

    public string OutFolder(ParseResult parse, CliContext context, string fallback) =>
        Path.GetFullPath(parse.GetValue(Out) ?? fallback, context.CurrentDirectory);
}
