using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Alvh.Cli.Commands;

/// <summary>Options shared by several commands, created fresh per command.</summary>
internal static class CommonOptions
{
    /// <summary>Refuses values below <paramref name="minimum"/> at parse time (bad input, exit 2): 0 threads or parts used to pass silently.</summary>
    public static Option<int> AtLeast(this Option<int> option, int minimum)
    {
        option.Validators.Add(result =>
        {
            if (ParsedCount(result) is { } v && v < minimum) result.AddError($"{option.Name} must be at least {minimum}");
        });
        return option;
    }

    /// <summary>
    /// Reads the option's value as a number the invariant way: digits, one point for decimals, an exponent; no
    /// thousands separators. The default parse accepted them, so "--years 0,5" (a comma decimal) ran 5 years.
    /// </summary>
    public static Option<double> Number(this Option<double> option)
    {
        option.CustomParser = result => ParseNumber(result, option.Name) ?? 0;
        return option;
    }

    /// <summary>As <see cref="Number(Option{double})"/>, for an optional value.</summary>
    public static Option<double?> Number(this Option<double?> option)
    {
        option.CustomParser = result => ParseNumber(result, option.Name);
        return option;
    }

    private static double? ParseNumber(ArgumentResult result, string name)
    {
        string token = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(" ", result.Tokens.Select(t => t.Value));
        if (result.Tokens.Count == 1 && double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)) return value;
        result.AddError($"{name} expects a number such as 0.5 (a point for decimals, no thousands separators), got '{token}'");
        return null;
    }

    /// <summary>As <see cref="AtLeast(Option{int}, int)"/>, for an optional value.</summary>
    public static Option<int?> AtLeast(this Option<int?> option, int minimum)
    {
        option.Validators.Add(result =>
        {
            if (ParsedCount(result) is { } v && v < minimum) result.AddError($"{option.Name} must be at least {minimum}");
        });
        return option;
    }

    /// <summary>
    /// The option's integer, or null when it has none (no token and no default) or its token is not an integer: the
    /// parser reports that one itself ("Cannot parse argument ... for option ..."). Asking GetValueOrDefault for it
    /// threw from inside the validator, so "--threads 1,5" or "--threads 2147483648" crashed with a stack trace.
    /// </summary>
    private static int? ParsedCount(OptionResult result)
    {
        if (result.Tokens.Count == 0) return result.GetValueOrDefault<int?>();
        return result.Tokens.Count == 1 && int.TryParse(result.Tokens[0].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : null;
    }

    /// <summary>
    /// Refuses a blank value at parse time (bad input, exit 2), naming the option: a blank path resolved to the working
    /// directory, so "--config ''" said "w2: 1 error: is a directory" and "--grid ''" "w2: file not found", naming the
    /// folder the command ran in and not the option.
    /// </summary>
    public static TOption NotBlank<TOption>(this TOption option, string what) where TOption : Option
    {
        option.Validators.Add(result => RefuseBlank(result, option.Name, what));
        return option;
    }

    /// <summary>As <see cref="NotBlank{TOption}(TOption, string)"/>, for a file given as an argument.</summary>
    public static TArgument NotBlankArgument<TArgument>(this TArgument argument, string what) where TArgument : Argument
    {
        argument.Validators.Add(result => RefuseBlank(result, argument.Name, what));
        return argument;
    }

    private static void RefuseBlank(System.CommandLine.Parsing.SymbolResult result, string name, string what)
    {
        if (result.Tokens.Any(t => string.IsNullOrWhiteSpace(t.Value))) result.AddError($"{name} is empty: give {what}");
    }

    public static Option<string?> Data() => new("--data")
    {
        Description = "Data folder (default: ALVH_DATA, else ./data).",
        HelpName = "DIR",
    };

    public static Option<bool> Json() => new("--json") { Description = "Write JSON to standard output instead of tables." };

    public static Option<bool> Quiet() => new("--quiet", "-q") { Description = "Print only errors and the final result." };
}
