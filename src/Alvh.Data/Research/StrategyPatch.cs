using Alvh.Data.Strategies;
using Alvh.Research;
using Alvh.Strategies;
using YamlDotNet.RepresentationModel;

namespace Alvh.Data.Research;

/// <summary>
/// Sets key paths of a strategy: the strategy is written as YAML (<see cref="StrategyWriter"/>) and parsed
/// once; each patch copies the mappings along its key paths, replaces the nodes there and binds the tree
/// with <see cref="StrategyFile"/>'s binder, so a swept value gets exactly the checks of a strategy file
/// (types, ranges, allocations summing to 1) and an error names the key path.
/// </summary>
/// <remarks>
/// The parsed base is shared and never changed (a patch copies what it replaces), so parallel runs of a sweep
/// patch it at once. Why not the text round trip (parse the base, replace, write, parse again): it cost about
/// 1 ms per drip-condor-alvh patch, and a sweep patches once per run and once per value of each axis to check it.
/// </remarks>
public sealed class StrategyPatch
{
    private readonly YamlMappingNode _base;

    /// <summary>Creates a patcher over <paramref name="strategy"/>.</summary>
    public StrategyPatch(StrategyDefinition strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        Base = strategy;
        var yaml = new YamlStream();
        yaml.Load(new StringReader(StrategyWriter.Write(strategy)));
        _base = (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    /// <summary>The strategy the paths are set on.</summary>
    public StrategyDefinition Base { get; }

    /// <summary>A copy of the strategy with each key path set to its value (YAML text).</summary>
    /// <exception cref="GridFileException">A path that does not exist or a value its key does not accept.</exception>
    public StrategyDefinition Apply(IReadOnlyList<string> paths, IReadOnlyList<GridValue> values) => Apply(paths, values, acrossKeys: true);

    /// <summary><see cref="Apply(IReadOnlyList{string}, IReadOnlyList{GridValue})"/>, with or without the checks across keys (<see cref="StrategyChecks"/>).</summary>
    private StrategyDefinition Apply(IReadOnlyList<string> paths, IReadOnlyList<GridValue> values, bool acrossKeys)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(values);
        var root = _base;
        for (int i = 0; i < paths.Count; i++) root = Set(root, paths[i], values[i].Text);
        try
        {
            return StrategyFile.FromNode(root, "grid", acrossKeys, fileLines: false) with { Name = Base.Name };
        }
        catch (StrategyFileException e)
        {
            // The line numbers refer to the strategy as the patcher wrote it (or to the value alone), not to a file
            // the user has: drop them.
            var errors = e.Errors.Select(x => System.Text.RegularExpressions.Regex.Replace(x, @"^line \d+: ", ""));
            throw new GridFileException(string.Join("; ", errors) + $" (values: {string.Join(", ", paths.Select((p, k) => $"{p}={values[k].Text}"))})");
        }
    }

    /// <summary>
    /// Checks that every value of every axis can be applied on its own (its key exists and accepts it); throws the first
    /// error. The checks across keys (allocations summing to 1, minVix not above maxVix, basket weights) depend on the
    /// other axes' values, so they are made per run, a failing combination recorded as that run's error: checked with
    /// the base strategy's other keys, a grid of drip and condor allocations that sum to 1 together was refused.
    /// </summary>
    public void Validate(ParameterGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        // Once per grid (the command checks before it loads the data, the sweep again before it runs): an axis
        // of 100,000 DRIP values took 17 s when each patch wrote and re-parsed the text, 0.8 s binding the tree.
        if (ReferenceEquals(grid, _validated)) return;
        long collectedAt = SweepMemory.Start();
        foreach (var axis in grid.Axes)
        {
            // The name and description label a strategy, and a patch keeps the base's: every point of such an axis ran the
            // same strategy again.
            if (axis.Path.Equals("name", StringComparison.OrdinalIgnoreCase) || axis.Path.Equals("description", StringComparison.OrdinalIgnoreCase))
            {
                string message = $"{axis.Path}: labels the strategy and changes no run (every point would run the same strategy); sweep its rules or allocations";
                throw new GridFileException(axis.Source is null ? message : $"{axis.Source}: {message}");
            }
            foreach (var value in axis.Values)
            {
                try
                {
                    Apply([axis.Path], [value], acrossKeys: false);
                }
                catch (GridFileException e) when (axis.Source is not null)
                {
                    // The grid file and the line of the key (an unknown key or a value out of range named neither).
                    throw new GridFileException($"{axis.Source}: {e.Message}");
                }
                SweepMemory.Collect(ref collectedAt);
            }
        }
        _validated = grid;
    }

    private ParameterGrid? _validated;

    /// <summary>
    /// A copy of <paramref name="root"/> with the node at <paramref name="path"/> replaced by <paramref name="valueText"/>
    /// parsed as YAML: the mappings along the path are copied (in their key order), every other node is shared.
    /// </summary>
    private static YamlMappingNode Set(YamlMappingNode root, string path, string valueText)
    {
        var segments = path.Split('.');
        var copies = new YamlMappingNode[segments.Length];
        var keys = new YamlNode[segments.Length];
        var node = root;
        for (int s = 0; s < segments.Length; s++)
        {
            var prefix = string.Join('.', segments[..(s + 1)]);
            var entry = node.Children.FirstOrDefault(e => string.Equals((e.Key as YamlScalarNode)?.Value, segments[s], StringComparison.OrdinalIgnoreCase));
            if (entry.Key is null)
            {
                var allowed = string.Join(", ", node.Children.Keys.Select(k => (k as YamlScalarNode)?.Value));
                throw new GridFileException($"{prefix}: unknown key (allowed: {allowed})");
            }
            copies[s] = new YamlMappingNode(node.Children);
            keys[s] = entry.Key;
            if (s == segments.Length - 1) break;
            if (entry.Value is not YamlMappingNode child)
            {
                throw new GridFileException($"{prefix}: the strategy has no {segments[s]} section (add it to the strategy file to sweep its keys)");
            }
            node = child;
        }
        var parsed = new YamlStream();
        try
        {
            parsed.Load(new StringReader("v: " + valueText));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new GridFileException($"{path}: '{valueText}' is not a YAML value ({e.Message})");
        }
        YamlNode value = ((YamlMappingNode)parsed.Documents[0].RootNode).Children.Values.Single();
        for (int s = segments.Length - 1; s >= 0; s--)
        {
            copies[s].Children[keys[s]] = value;
            value = copies[s];
        }
        return copies[0];
    }
}
