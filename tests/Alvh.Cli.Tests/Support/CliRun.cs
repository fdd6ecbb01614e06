namespace Alvh.Cli.Tests.Support;

/// <summary>Runs the CLI in memory: captured output and error, injected environment and directory.</summary>
public static class CliRun
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(string currentDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, name => environment is not null && environment.TryGetValue(name, out var v) ? v : null,
            currentDirectory, interactive: false, TimeProvider.System);
        int code = await AlvhCli.RunAsync(args, context);
        return new Result(code, output.ToString(), error.ToString());
    }
}
