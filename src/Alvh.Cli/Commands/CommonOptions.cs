using System.CommandLine;

namespace Alvh.Cli.Commands;

/// <summary>Options shared by several commands, created fresh per command.</summary>
internal static class CommonOptions
{
    public static Option<string?> Data() => new("--data")
    {
        Description = "Data folder (default: ALVH_DATA, else ./data).",
        HelpName = "DIR",
    };

    public static Option<bool> Json() => new("--json") { Description = "Write JSON to standard output instead of tables." };

    public static Option<bool> Quiet() => new("--quiet", "-q") { Description = "Print only errors and the final result." };
}
