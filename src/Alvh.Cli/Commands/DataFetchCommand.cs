using System.CommandLine;
using System.Globalization;
using Alvh.Data.Catalog;
using Alvh.Data.Fetch;
using Spectre.Console;

namespace Alvh.Cli.Commands;

/// <summary>
/// <c>alvh data fetch [--data DIR] [--only a,b] [--mirror URL] [--timeout S] [--attempts N] [--json] [--quiet]</c>:
/// downloads the public series into the data folder, each file validated with the reader that will
/// later load it and written atomically.
/// </summary>
internal static class DataFetchCommand
{
    /// <summary>Environment variable with a mirror base URL (same as <c>--mirror</c>).</summary>
    public const string MirrorVariable = "ALVH_FETCH_MIRROR";

    public static Command Create(CliContext context)
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var quiet = CommonOptions.Quiet();
        var only = new Option<string[]>("--only")
        {
            Description = "Sources to fetch, comma-separated (default all): " + string.Join(", ", SourceCatalog.All.Select(s => s.Name)) + ".",
            AllowMultipleArgumentsPerToken = true,
        };
        var mirror = new Option<string?>("--mirror") { Description = $"Base URL of a mirror: https://host/path becomes MIRROR/host/path (or {MirrorVariable}).", HelpName = "URL" };
        var timeout = new Option<double>("--timeout") { Description = "Timeout of one request, seconds.", DefaultValueFactory = _ => 60 }.Number();
        var attempts = new Option<int>("--attempts") { Description = "Requests per file at most, retries included.", DefaultValueFactory = _ => 4 };
        var command = new Command("fetch", "Download the public series (Cboe indices, FRED rates and S&P 500, Shiller/S&P monthly, SPY prices and dividends, VX futures) into the data folder.")
        {
            data, only, mirror, timeout, attempts, json, quiet,
        };
        command.SetAction(async (parse, ct) =>
        {
            string? dataOption = parse.GetValue(data);
            // A blank --data resolved to the working directory (Path.GetFullPath("", cwd)), so the series were written
            // there; a file's path failed once the first download was in hand with exit 1 and no option named.
            if (dataOption is not null && string.IsNullOrWhiteSpace(dataOption))
            {
                await context.Error.WriteLineAsync("alvh: bad input: " + DataFolder.EmptyOption);
                return ExitCodes.BadInput;
            }
            string dataFrom = dataOption is null ? DataFolder.EnvironmentVariable : "--data";
            var folder = Path.GetFullPath(dataOption ?? context.Environment(DataFolder.EnvironmentVariable) ?? "data", context.CurrentDirectory);
            if (RunOptions.FileInTheWay(folder) is { } file)
            {
                await context.Error.WriteLineAsync(file == folder
                    ? $"alvh: bad input: {dataFrom} points at a file, not a folder: {folder}"
                    : $"alvh: bad input: {dataFrom} {folder}: {file} is a file, not a folder");
                return ExitCodes.BadInput;
            }
            var seconds = parse.GetValue(timeout);
            var maxAttempts = parse.GetValue(attempts);
            // Upper bound: a request timer cannot run longer than about 24.8 days (the runtime's timer limit).
            // A timeout under a millisecond rounds to none (1e-9 failed deep inside with "options.Timeout ('00:00:00')").
            // Each names its option and the value given: one message named both for either (--attempts 0 spoke of the timeout).
            if (!(seconds >= 0.001 && seconds <= 86_400))
            {
                await context.Error.WriteLineAsync($"alvh: bad input: --timeout must be between 0.001 and 86400 seconds (got {seconds.ToString("R", System.Globalization.CultureInfo.InvariantCulture)})");
                return ExitCodes.BadInput;
            }
            if (maxAttempts < 1)
            {
                await context.Error.WriteLineAsync($"alvh: bad input: --attempts must be at least 1 (got {maxAttempts})");
                return ExitCodes.BadInput;
            }
            string? mirrorUrl = parse.GetValue(mirror) ?? context.Environment(MirrorVariable);
            // Checked before any request: 'notaurl' or 'host:port' was an internal error at the first download.
            if (!string.IsNullOrEmpty(mirrorUrl) && !(Uri.TryCreate(mirrorUrl, UriKind.Absolute, out var mirrorUri) && mirrorUri.Scheme is "http" or "https"))
            {
                string from = parse.GetValue(mirror) is null ? MirrorVariable : "--mirror";
                await context.Error.WriteLineAsync($"alvh: bad input: {from} '{mirrorUrl}' is not an http or https URL (e.g. http://localhost:8000)");
                return ExitCodes.BadInput;
            }
            // Without --only, GetValue gives an empty array (not null): only a given --only is checked.
            var onlyNames = parse.GetResult(only) is null ? null : parse.GetValue(only)?.SelectMany(o => o.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
            if (onlyNames is { Length: 0 })
            {
                // --only '' fetched every source.
                await context.Error.WriteLineAsync("alvh: bad input: --only names no source (give ids such as vix,dtb3, or leave --only out to fetch every one)");
                return ExitCodes.BadInput;
            }
            var options = new FetchOptions(folder)
            {
                Only = onlyNames,
                Mirror = mirrorUrl,
                Timeout = TimeSpan.FromSeconds(seconds),
                MaxAttempts = maxAttempts,
                TimeProvider = context.Time,
                Validate = FileValidator.Validate,
            };
            bool asJson = parse.GetValue(json);
            bool silent = asJson || parse.GetValue(quiet);
            FetchReport report;
            bool created = !Directory.Exists(folder);
            // A first fetch that got nothing (refused, failed, or cancelled with Ctrl+C) leaves no empty data folder
            // behind: a later run would take it for a data set.
            void RemoveIfEmpty()
            {
                try
                {
                    if (created && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Best effort (another process may have written into it meanwhile): the fetch's own outcome is what is reported.
                }
            }
            try
            {
                Directory.CreateDirectory(folder);
                report = context.Interactive && !silent
                    ? await WithProgressBars(context, options, ct)
                    : await new DataFetcher().FetchAsync(options, silent ? null : new LineProgress(context.Output), ct);
            }
            catch (ArgumentException e)
            {
                RemoveIfEmpty();
                string message = e.ParamName is { } name ? e.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : e.Message;
                await context.Error.WriteLineAsync($"alvh: bad input: {message}");
                return ExitCodes.BadInput;
            }
            catch (Exception)
            {
                // Cancelled, or a failure the command reports further up: the folder goes if nothing came into it.
                RemoveIfEmpty();
                throw;
            }
            RemoveIfEmpty();
            if (asJson) await context.Output.WriteAsync(FetchJson.Write(report));
            else Render(context.Console, report, parse.GetValue(quiet));
            foreach (var f in report.Failures) await context.Error.WriteLineAsync($"alvh: {f.Name}: {f.Error}");
            if (!report.Succeeded)
            {
                // Offline, the lines above named only the failures: say what a user can do next.
                int failed = report.Failures.Count();
                await context.Error.WriteLineAsync(FormattableString.Invariant(
                    $"alvh: {failed} of {report.Files.Count} files could not be downloaded and were not written (a file already in {folder} is left as it was). Check the network and run it again, use --mirror URL (or {MirrorVariable}), or use a copy of the data: --data DIR or ALVH_DATA (e.g. the shared copy, export ALVH_DATA=../shared/data; README, Getting data)."));
            }
            return report.Succeeded ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }

    private static async Task<FetchReport> WithProgressBars(CliContext context, FetchOptions options, CancellationToken ct)
    {
        FetchReport? report = null;
        await context.Console.Progress().AutoClear(false).Columns(
                new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                var sink = new Progress<FetchProgress>(p =>
                {
                    if (!tasks.TryGetValue(p.Source, out var task)) tasks[p.Source] = task = progress.AddTask(p.File, maxValue: 1);
                    if (p.TotalBytes is > 0) { task.MaxValue = p.TotalBytes.Value; task.Value = p.BytesReceived; }
                    task.Description = p.Part is null ? $"{p.File} [grey]{p.State}[/]" : $"{p.File} [grey]{Markup.Escape(p.Part)} {p.State}[/]";
                    if (p.State is FetchState.Written or FetchState.Unchanged or FetchState.NotListed or FetchState.Failed && p.Part is null)
                    {
                        task.Value = task.MaxValue;
                        task.StopTask();
                    }
                });
                report = await new DataFetcher().FetchAsync(options, sink, ct);
            });
        return report!;
    }

    private static void Render(IAnsiConsole console, FetchReport report, bool quiet)
    {
        if (quiet)
        {
            // "fetched N files" was said of files found unchanged too.
            int written = report.Files.Count(f => f.Status == FetchStatus.Written), unchanged = report.Files.Count(f => f.Status == FetchStatus.Unchanged);
            console.WriteLine(report.Succeeded
                ? $"{written} file{(written == 1 ? "" : "s")} written, {unchanged} unchanged, in {report.DataFolder}"
                : $"{report.Failures.Count()} of {report.Files.Count} files failed");
            return;
        }
        var table = new Table().Title($"alvh data fetch → {Markup.Escape(report.DataFolder)}")
            .AddColumn("source").AddColumn("file").AddColumn("status").AddColumn(new TableColumn("rows").RightAligned())
            .AddColumn(new TableColumn("bytes").RightAligned()).AddColumn(new TableColumn("attempts").RightAligned()).AddColumn("error");
        foreach (var f in report.Files)
        {
            table.AddRow(f.Source, Markup.Escape(f.Name), f.Status.ToString(), f.Rows.ToString("N0", CultureInfo.InvariantCulture),
                f.Bytes.ToString("N0", CultureInfo.InvariantCulture), f.Attempts.ToString(CultureInfo.InvariantCulture), Markup.Escape(f.Error ?? ""));
        }
        console.Write(table);
        // Rows the conversion left out (Yahoo bars with a null price) were mentioned nowhere.
        foreach (var f in report.Files.Where(f => f.DroppedRows > 0))
        {
            console.WriteLine($"{f.Name}: {f.DroppedRows} source row{(f.DroppedRows == 1 ? "" : "s")} left out (a bar without a price, or a second bar on one date)");
        }
    }

    /// <summary>Non-interactive progress: one line per finished file.</summary>
    private sealed class LineProgress(TextWriter output) : IProgress<FetchProgress>
    {
        private readonly Lock _lock = new();

        public void Report(FetchProgress value)
        {
            if (value.Part is not null || value.State is not (FetchState.Written or FetchState.Unchanged or FetchState.Failed or FetchState.Retrying)) return;
            lock (_lock) output.WriteLine($"{value.File}: {value.State.ToString().ToLowerInvariant()}{(value.State == FetchState.Retrying ? $" (attempt {value.Attempt} failed)" : "")}");
        }
    }
}
