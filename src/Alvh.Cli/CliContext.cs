using Spectre.Console;

namespace Alvh.Cli;

/// <summary>
/// What a command may touch of the outside world: its output streams, environment variables, the
/// working directory, the clock and whether a human is watching (progress bars). Tests build one
/// over in-memory writers.
/// </summary>
public sealed class CliContext
{
    /// <summary>Creates a context.</summary>
    public CliContext(TextWriter output, TextWriter error, Func<string, string?> environment, string currentDirectory, bool interactive, TimeProvider time)
    {
        Output = output;
        Error = error;
        Environment = environment;
        CurrentDirectory = currentDirectory;
        Interactive = interactive;
        Time = time;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive) Console.Profile.Width = 200;
    }

    /// <summary>Standard output.</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>Reads an environment variable.</summary>
    public Func<string, string?> Environment { get; }

    /// <summary>Working directory for relative paths.</summary>
    public string CurrentDirectory { get; }

    /// <summary>True when a terminal is attached: progress bars are shown.</summary>
    public bool Interactive { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>Spectre console over <see cref="Output"/>.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>The context of this process.</summary>
    public static CliContext FromProcess() => new(
        System.Console.Out,
        System.Console.Error,
        System.Environment.GetEnvironmentVariable,
        Directory.GetCurrentDirectory(),
        !System.Console.IsOutputRedirected,
        TimeProvider.System);
}
