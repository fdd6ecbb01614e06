using Alvh.Data.Strategies;
using Alvh.Strategies;

namespace Alvh.Cli.Commands;

/// <summary>Resolves <c>--preset NAME</c> or <c>--config FILE</c> to a strategy, or an error message.</summary>
internal static class StrategySource
{
    public static (StrategyDefinition? Strategy, string? Error) Resolve(string? preset, string? config, CliContext context)
    {
        if ((preset is null) == (config is null)) return (null, "alvh: bad input: give exactly one of --preset NAME or --config FILE");
        if (config is not null)
        {
            try
            {
                return (StrategyFile.Load(Path.GetFullPath(config, context.CurrentDirectory)), null);
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
