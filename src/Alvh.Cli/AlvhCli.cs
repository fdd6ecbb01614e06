using System.CommandLine;
using Alvh.Cli.Commands;
using Alvh.Data.Catalog;
using Alvh.MarketData;

namespace Alvh.Cli;

/// <summary>The command tree of <c>alvh</c> and the mapping of failures to exit codes.</summary>
public static class AlvhCli
{
    /// <summary>Help text on exit codes, shown by <c>--help</c>.</summary>
    public const string ExitCodeHelp = "Exit codes: 0 ok, 1 failure (including an output that cannot be written), 2 bad input (options, data files, no data folder), 130 stopped by Ctrl+C or SIGTERM (sweep, walkforward, data fetch).";

    /// <summary>
    /// True when <paramref name="args"/> name a command that watches its cancellation token and stops early on it
    /// (sweep, walkforward, data fetch): Program.cs turns the first Ctrl+C or SIGTERM into a cancellation for these only.
    /// </summary>
    public static bool StopsEarly(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var words = args.Where(a => !a.StartsWith('-')).Take(2).ToArray();
        return words.Length > 0 && (words[0] is "sweep" or "walkforward" || (words[0] == "data" && words.Length > 1 && words[1] == "fetch"));
    }

    /// <summary>Builds the root command.</summary>
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand(
            "Alvh runs the numbers on DRIP + SPX iron condors + an Adaptive Layered VIX Hedge over real market history. " + ExitCodeHelp);
        var data = new Command("data", "Fetch (data fetch, validated before it replaces a file) and inspect (data info, with every quality check) the market history. " + ExitCodeHelp);
        data.Subcommands.Add(DataInfoCommand.Create(context));
        data.Subcommands.Add(DataFetchCommand.Create(context));
        root.Subcommands.Add(data);
        root.Subcommands.Add(PriceCommand.Create(context));
        root.Subcommands.Add(IndicatorsCommand.Create(context));
        root.Subcommands.Add(RegimesCommand.Create(context));
        root.Subcommands.Add(StudyCommand.Create(context));
        root.Subcommands.Add(BacktestCommand.Create(context));
        root.Subcommands.Add(BenchCommand.Create(context));
        root.Subcommands.Add(StrategyCommands.Init(context));
        root.Subcommands.Add(StrategyCommands.Validate(context));
        root.Subcommands.Add(SweepCommand.Create(context));
        root.Subcommands.Add(WalkForwardCommand.Create(context));
        root.Subcommands.Add(MonteCarloCommand.Create(context));
        return root;
    }

    /// <summary>A parse error in the words of the help, not of .NET's type names ("as expected type 'System.Int32'").</summary>
    private static string Plain(string message) => System.Text.RegularExpressions.Regex.Replace(message,
        @"as expected type 'System\.(?:Nullable`1\[System\.)?(\w+)\]?'", m => m.Groups[1].Value switch
        {
            "Int32" or "Int64" => "as a whole number",
            "Double" => "as a number",
            "DateOnly" => "as a date (YYYY-MM-DD)",
            var other => "as " + other,
        });

    /// <summary>Parses and runs; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var root = Build(context);
        var parse = root.Parse(args);
        var config = new InvocationConfiguration { Output = context.Output, Error = context.Error, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) await context.Error.WriteLineAsync($"alvh: {Plain(e.Message)}");
            await context.Error.WriteLineAsync("Run 'alvh --help' for usage.");
            return ExitCodes.BadInput;
        }
        try
        {
            return await parse.InvokeAsync(config, cancellationToken);
        }
        catch (DataFormatException e)
        {
            await context.Error.WriteLineAsync($"alvh: bad input: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (DataFolderException e)
        {
            await context.Error.WriteLineAsync($"alvh: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            await context.Error.WriteLineAsync("alvh: cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (Unwrap(e) is Alvh.Data.Research.SweepPartException)
        {
            // A damaged file in a sweep's folder is bad input, as a data file that cannot be read is (it exited 1).
            await context.Error.WriteLineAsync($"alvh: bad input: {Unwrap(e).Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (Unwrap(e) is IOException or UnauthorizedAccessException)
        {
            // An output folder that cannot be made or written (a file in the way, no permission, a full disk): the
            // message names the path; files already written stay whole (they are written through a temporary file).
            await context.Error.WriteLineAsync($"alvh: cannot write or read a file: {Unwrap(e).Message}");
            return ExitCodes.Failure;
        }
        catch (Exception e) when (Unwrap(e) is Alvh.Data.Research.GridFileException or Alvh.Data.Strategies.StrategyFileException or DataFormatException or DataFolderException)
        {
            // The project's own refusals, also when a parallel loop wrapped them (a grid combination a walk-forward run refused).
            await context.Error.WriteLineAsync($"alvh: bad input: {Unwrap(e).Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (Unwrap(e) is ArgumentException or FormatException or OverflowException or KeyNotFoundException or InvalidCastException
            && context.Environment("ALVH_DEBUG") is null)
        {
            // What the commands did not check themselves but the library refused (a period with no trading days, a series
            // the data folder lacks, a value out of range): the library's message, one line, as bad input. These types can
            // also come from a defect: ALVH_DEBUG=1 lets them through with their stack trace.
            var inner = Unwrap(e);
            string message = inner is ArgumentException { ParamName: { } name } ? inner.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : inner.Message;
            await context.Error.WriteLineAsync($"alvh: bad input: {message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (context.Environment("ALVH_DEBUG") is null)
        {
            // Anything else is a defect: one line saying so (ALVH_DEBUG=1 shows the stack trace).
            var inner = Unwrap(e);
            await context.Error.WriteLineAsync($"alvh: internal error ({inner.GetType().Name}): {inner.Message} (set ALVH_DEBUG=1 for the stack trace, and please report it)");
            return ExitCodes.Failure;
        }
    }

    /// <summary>The first inner exception of a parallel loop's aggregate (a loop fails with its first error).</summary>
    private static Exception Unwrap(Exception e) => e is AggregateException { InnerExceptions.Count: > 0 } a ? Unwrap(a.InnerExceptions[0]) : e;
}
