using System.CommandLine;

namespace Alvh.Cli.Commands;

/// <summary>Options shared by several commands, created fresh per command.</summary>
internal static class CommonOptions
{
    /// <summary>Refuses values below <paramref name="minimum"/> at parse time (bad input, exit 2): 0 threads or parts used to pass silently.</summary>
    public static Option<int> AtLeast(this Option<int> option, int minimum)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < minimum) result.AddError($"{option.Name} must be at least {minimum}");
        });
        return option;
    }

    /// <summary>As <see cref="AtLeast(Option{int}, int)"/>, for an optional value.</summary>
    public static Option<int?> AtLeast(this Option<int?> option, int minimum)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } v && v < minimum) result.AddError($"{option.Name} must be at least {minimum}");
        });
        return option;
    }

    public static Option<string?> Data() => new("--data")
    {
        Description = "Data folder (default: ALVH_DATA, else ./data).",
        HelpName = "DIR",
    };

    public static Option<bool> Json() => new("--json") { Description = "Write JSON to standard output instead of tables." };

    public static Option<bool> Quiet() => new("--quiet", "-q") { Description = "Print only errors and the final result." };
}
