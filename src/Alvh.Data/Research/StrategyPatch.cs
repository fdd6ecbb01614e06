using Alvh.Data.Strategies;
using Alvh.Research;
using Alvh.Strategies;
using YamlDotNet.RepresentationModel;

namespace Alvh.Data.Research;

/// <summary>
/// Sets key paths of a strategy: the strategy is written as YAML (<see cref="StrategyWriter"/>), the
/// nodes at the key paths are replaced and the text is read back by <see cref="StrategyFile.Parse"/>, so
/// a swept value gets exactly the checks of a strategy file (types, ranges, allocations summing to 1)
/// and an error names the key path.
/// </summary>
public sealed class StrategyPatch
{
    private readonly string _baseText;

    /// <summary>Creates a patcher over <paramref name="strategy"/>.</summary>
    public StrategyPatch(StrategyDefinition strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        Base = strategy;
        _baseText = StrategyWriter.Write(strategy);
    }

    /// <summary>The strategy the paths are set on.</summary>
    public StrategyDefinition Base { get; }

    /// <summary>A copy of the strategy with each key path set to its value (YAML text).</summary>
    /// <exception cref="GridFileException">A path that does not exist or a value its key does not accept.</exception>
    public StrategyDefinition Apply(IReadOnlyList<string> paths, IReadOnlyList<GridValue> values)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(values);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(_baseText));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        for (int i = 0; i < paths.Count; i++) Set(root, paths[i], values[i].Text);
        var writer = new StringWriter();
        yaml.Save(writer, assignAnchors: false);
        try
        {
            return StrategyFile.Parse(writer.ToString(), "grid") with { Name = Base.Name };
        }
        catch (StrategyFileException e)
        {
            // The line numbers refer to the generated text, not to a file the user has: drop them.
            var errors = e.Errors.Select(x => System.Text.RegularExpressions.Regex.Replace(x, @"^line \d+: ", ""));
            throw new GridFileException(string.Join("; ", errors) + $" (values: {string.Join(", ", paths.Select((p, k) => $"{p}={values[k].Text}"))})");
        }
    }

    /// <summary>Checks that every value of every axis can be applied on its own; throws the first error.</summary>
    public void Validate(ParameterGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        // Once per grid (the command checks before it loads the data, the sweep again before it runs): an
        // axis of 100,000 values costs seconds.
        if (ReferenceEquals(grid, _validated)) return;
        foreach (var axis in grid.Axes)
        {
            foreach (var value in axis.Values) Apply([axis.Path], [value]);
        }
        _validated = grid;
    }

    private ParameterGrid? _validated;

    private static void Set(YamlMappingNode root, string path, string valueText)
    {
        var segments = path.Split('.');
        var node = root;
        for (int s = 0; s < segments.Length; s++)
        {
            var prefix = string.Join('.', segments[..(s + 1)]);
            var entry = node.Children.FirstOrDefault(e => string.Equals(((YamlScalarNode)e.Key).Value, segments[s], StringComparison.OrdinalIgnoreCase));
            if (entry.Key is null)
            {
                var allowed = string.Join(", ", node.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
                throw new GridFileException($"{prefix}: unknown key (allowed: {allowed})");
            }
            if (s == segments.Length - 1)
            {
                var parsed = new YamlStream();
                parsed.Load(new StringReader("v: " + valueText));
                node.Children[entry.Key] = ((YamlMappingNode)parsed.Documents[0].RootNode).Children.Values.Single();
                return;
            }
            if (entry.Value is not YamlMappingNode child)
            {
                throw new GridFileException($"{prefix}: the strategy has no {segments[s]} section (add it to the strategy file to sweep its keys)");
            }
            node = child;
        }
    }
}
