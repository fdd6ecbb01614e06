using Alvh.Data.Strategies;
using Alvh.Strategies;

namespace Alvh.Cli.Commands;

/// <summary>Resolves <c>--preset NAME</c> or <c>--config FILE</c> to a strategy, or an error message.</summary>
internal static class StrategySource
{
    /// <param name="preset">The preset's name, or null.</param>
    /// <param name="config">The strategy file, or null.</param>
    /// <param name="context">The command's context.</param>
    /// <param name="swept">Key paths a grid sets on the strategy: a file's checks across keys that read one of them are
    /// left to each run (<see cref="StrategyFile.Load(string, IReadOnlyCollection{string}?)"/>).</param>
    public static (StrategyDefinition? Strategy, string? Error) Resolve(string? preset, string? config, CliContext context, IReadOnlyCollection<string>? swept = null)
    {
        if ((preset is null) == (config is null)) return (null, "alvh: bad input: give exactly one of --preset NAME or --config FILE");
        if (config is not null)
        {
            try
            {
                return (StrategyFile.Load(Path.GetFullPath(config, context.CurrentDirectory), swept), null);
            }
            catch (StrategyFileException e)
            {
                return (null, e.Message);
            }
        }
        return Presets.Find(preset!) is { } p
            ? (p, null)
            : (null, $"alvh: bad input: unknown preset '{preset}' (allowed: {string.Join(", ", Presets.All.Keys)})");
    }
}
