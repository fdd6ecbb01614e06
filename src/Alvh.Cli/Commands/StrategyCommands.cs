using System.CommandLine;
using Alvh.Data.Output;
using Alvh.Data.Strategies;
using Alvh.Strategies;

namespace Alvh.Cli.Commands;

/// <summary><c>alvh init [FILE] [--preset NAME]</c> and <c>alvh validate FILE</c>.</summary>
internal static class StrategyCommands
{
    public static Command Init(CliContext context)
    {
        var file = new Argument<string?>("FILE") { Description = "Where to write (default: standard output).", Arity = ArgumentArity.ZeroOrOne }.NotBlankArgument("a file name, such as strategy.yaml");
        var preset = new Option<string>("--preset") { Description = "Preset to start from: " + string.Join(", ", Presets.All.Keys) + ".", DefaultValueFactory = _ => "drip-condor-alvh" };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing file." };
        var command = new Command("init", "Write an annotated strategy file (YAML) with every parameter, its default, unit and meaning.") { file, preset, force };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(preset)!;
            if (Presets.Find(name) is not { } strategy)
            {
                context.Error.WriteLine($"alvh: bad input: unknown preset '{name}' (allowed: {string.Join(", ", Presets.All.Keys)})");
                return ExitCodes.BadInput;
            }
            var yaml = StrategyWriter.Write(strategy);
            var target = parse.GetValue(file);
            if (target is null)
            {
                context.Output.Write(yaml);
                return ExitCodes.Ok;
            }
            var path = Path.GetFullPath(target, context.CurrentDirectory);
            // A folder (alvh init strategies/) failed with "cannot write or read a file: Is a directory", exit 1, even with --force.
            if (Directory.Exists(path))
            {
                context.Error.WriteLine($"alvh: bad input: {target} is a folder; give a file name, such as {Path.Combine(target, "strategy.yaml")}");
                return ExitCodes.BadInput;
            }
            // A file in the way of its folder (init notes.txt/s.yaml) failed as an output that cannot be written, exit 1,
            // with "The file 'notes.txt' already exists.": the path is bad input, as such an --out is (RunOptions.NotAFolder).
            if (Path.GetDirectoryName(path) is { } parent && RunOptions.FileInTheWay(parent) is { } blocker)
            {
                context.Error.WriteLine($"alvh: bad input: {target}: {blocker} is a file, not a folder");
                return ExitCodes.BadInput;
            }
            if (File.Exists(path) && !parse.GetValue(force))
            {
                context.Error.WriteLine($"alvh: {target} exists; pass --force to overwrite it");
                return ExitCodes.BadInput;
            }
            AtomicWriter.WriteText(path, yaml);
            context.Output.WriteLine($"wrote {target}; check it with: alvh validate {target}");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Validate(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "Strategy file (YAML)." }.NotBlankArgument("a strategy file");
        var command = new Command("validate", "Check a strategy file: every error with its key path, line and allowed range.") { file };
        command.SetAction(parse =>
        {
            var path = Path.GetFullPath(parse.GetValue(file)!, context.CurrentDirectory);
            try
            {
                var s = StrategyFile.Load(path);
                context.Output.WriteLine($"{Path.GetFileName(path)}: ok ({s.Name}: {string.Join(", ", Sleeves(s))})");
                foreach (var note in StrategyChecks.Notes(s)) context.Output.WriteLine($"  note: {note}");
                return ExitCodes.Ok;
            }
            catch (StrategyFileException e)
            {
                context.Error.WriteLine(e.Message);
                return ExitCodes.BadInput;
            }
        });
        return command;
    }

    private static IEnumerable<string> Sleeves(StrategyDefinition s)
    {
        if (s.Drip is not null) yield return $"drip {Share(s.Drip.Allocation)}";
        if (s.Condor is not null) yield return $"condor {Share(s.Condor.Allocation)}";
        if (s.Alvh is not null) yield return $"alvh {Share(s.Alvh.Allocation)} over {string.Join("/", s.Alvh.LayerTenors)} days";
        if (s.Overlay is not null) yield return $"option overlay {Share(s.Overlay.Allocation)}";
        if (s.CashAllocation > 0) yield return $"cash {Share(s.CashAllocation)}";
    }

    /// <summary>An allocation as a percentage with up to two decimals: whole percents rounded 0.3% to "0 %".</summary>
    internal static string Share(double fraction) => (fraction * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
