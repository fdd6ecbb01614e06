using System.Globalization;
using Alvh.Research;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Alvh.Data.Research;

/// <summary>
/// Grid files in YAML: each key is a key path of the strategy (as in the strategy file, camelCase,
/// dot-separated) and its value is either a list of values or a range <c>{from, to, step}</c> (inclusive
/// of <c>to</c> within a millionth of a step):
/// <code>
/// condor.rules.shortDelta: [0.10, 0.16, 0.20]
/// alvh.rules.budgetPerYear: {from: 0.005, to: 0.02, step: 0.005}
/// alvh.layerTenors: [[30, 60], [30, 60, 90]]
/// </code>
/// Whether a value fits its key is checked when it is applied (<see cref="StrategyPatch"/>).
/// </summary>
public static class GridFile
{
    /// <summary>Reads a grid file.</summary>
    /// <exception cref="GridFileException">Missing file, bad YAML or a bad axis; the message names the key path.</exception>
    public static ParameterGrid Load(string path)
    {
        if (!File.Exists(path)) throw new GridFileException($"{Path.GetFileName(path)}: file not found");
        return Parse(File.ReadAllText(path), Path.GetFileName(path));
    }

    /// <summary>Parses grid YAML.</summary>
    public static ParameterGrid Parse(string text, string file)
    {
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var (line, message) = YamlErrors.Describe(e, text);
            throw new GridFileException($"{file}: line {line}: {message}");
        }
        catch (InvalidOperationException)
        {
            var (line, message) = YamlErrors.DescribeParserFault(text);
            throw new GridFileException($"{file}: line {line}: {message}");
        }
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root || root.Children.Count == 0)
        {
            throw new GridFileException($"{file}: expected a mapping of key paths to values, e.g. 'condor.rules.shortDelta: [0.10, 0.16]'");
        }
        if (yaml.Documents.Count > 1 && yaml.Documents.Skip(1).Any(d => d.RootNode is not YamlScalarNode { Value: null or "" }))
        {
            throw new GridFileException($"{file}: line {yaml.Documents[1].RootNode.Start.Line}: a second YAML document (after '---'); a grid file has one");
        }
        var axes = new List<GridAxis>();
        var keyLines = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        foreach (var (keyNode, valueNode) in root)
        {
            if (keyNode is not YamlScalarNode { Value: { } key }) throw new GridFileException($"{file}: line {keyNode.Start.Line}: a key must be a key path such as condor.rules.shortDelta");
            // Key paths ignore case (as in a strategy file), so YAML's own duplicate check misses budgetPerYear after
            // BudgetPerYear: the grid refused it as "given twice" without a line.
            if (!keyLines.TryAdd(key, keyNode.Start.Line))
            {
                throw new GridFileException($"{file}: line {keyNode.Start.Line}: {key}: the key path is given twice (first at line {keyLines[key]}; key paths ignore case)");
            }
            var values = Values(valueNode, key, file);
            // The same value written twice (0.1 and 0.10, Friday and friday) is one grid point.
            var repeated = values is GridRange ? null : values.GroupBy(SameValueKey, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (repeated is not null) throw new GridFileException($"{file}: line {valueNode.Start.Line}: {key}: the value {repeated.First().Text} is listed twice (each grid point would run twice)");
            axes.Add(new GridAxis(key, values) { Source = $"{file}: line {keyNode.Start.Line}" });
        }
        try
        {
            return new ParameterGrid(axes);
        }
        catch (ArgumentException e)
        {
            throw new GridFileException($"{file}: {e.Message.Split(" (Parameter", 2)[0]}");
        }
        catch (OverflowException)
        {
            // The product of the axes' sizes is counted in a long: it said "Arithmetic operation resulted in an overflow."
            throw new GridFileException($"{file}: the grid has more than {long.MaxValue:G3} points (the product of its axes' sizes): fewer values or fewer axes");
        }
    }

    private static IReadOnlyList<GridValue> Values(YamlNode node, string key, string file)
    {
        string Where(YamlNode n) => $"{file}: line {n.Start.Line}: {key}";
        switch (node)
        {
            case YamlSequenceNode seq:
                if (seq.Children.Count == 0) throw new GridFileException($"{Where(node)}: the list is empty");
                return seq.Children.Select(c => ToValue(c, key, file)).ToList();
            case YamlMappingNode map:
                double Number(string name)
                {
                    var entry = map.Children.FirstOrDefault(e => string.Equals((e.Key as YamlScalarNode)?.Value, name, StringComparison.OrdinalIgnoreCase));
                    if (entry.Value is not YamlScalarNode { Value: { } v } || !double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d))
                    {
                        throw new GridFileException($"{Where(map)}: a range needs numbers from, to and step, e.g. {{from: 0.005, to: 0.02, step: 0.005}}");
                    }
                    return d;
                }
                // Nested like a strategy file (condor: rules: shortDelta: [...]): said as an unknown range key 'rules'.
                static bool IsRangeKey(YamlNode name) => name is YamlScalarNode { Value: { } n } && (n.Equals("from", StringComparison.OrdinalIgnoreCase) || n.Equals("to", StringComparison.OrdinalIgnoreCase) || n.Equals("step", StringComparison.OrdinalIgnoreCase));
                if (!map.Children.Keys.Any(IsRangeKey))
                {
                    throw new GridFileException($"{Where(map)}: a mapping of other keys, not a range {{from, to, step}}: a grid names each key by its whole path, dotted, e.g. condor.rules.shortDelta: [0.10, 0.16]");
                }
                foreach (var (name, _) in map.Children)
                {
                    if (name is not YamlScalarNode { Value: { } n } || !(n.Equals("from", StringComparison.OrdinalIgnoreCase) || n.Equals("to", StringComparison.OrdinalIgnoreCase) || n.Equals("step", StringComparison.OrdinalIgnoreCase)))
                    {
                        throw new GridFileException($"{file}: line {name.Start.Line}: {key}: unknown range key '{(name as YamlScalarNode)?.Value}' (a range has from, to and step)");
                    }
                }
                double from = Number("from"), to = Number("to"), step = Number("step");
                if (!(step > 0) || to < from) throw new GridFileException($"{Where(map)}: a range needs step > 0 and to >= from");
                // Counted as a double: a tiny step or huge bounds overflowed the long it was cast to.
                double count = Math.Floor((to - from) / step + 1e-6) + 1;
                if (!(count <= 1_000_000))
                {
                    // In full below 10^15 ("1E+06 values are too many" for 1,000,001 read as the limit itself).
                    string many = !double.IsFinite(count) ? "the values are"
                        : (count < 1e15 ? count.ToString("#,0", CultureInfo.InvariantCulture) : count.ToString("G4", CultureInfo.InvariantCulture)) + " values are";
                    throw new GridFileException($"{Where(map)}: {many} too many (a range has at most 1,000,000)");
                }
                var range = new GridRange(from, step, (int)count);
                int repeat = range.FirstRepeat();
                if (repeat > 0) throw new GridFileException($"{Where(map)}: the value {range[repeat].Text} is listed twice (the step is too small for 12 decimals; each grid point would run twice)");
                return range;
            default:
                return [ToValue(node, key, file)];
        }
    }

    private static GridValue ToValue(YamlNode node, string key, string file) => node switch
    {
        YamlScalarNode { Value: var v } => new GridValue(v ?? "null",
            double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : double.NaN),
        YamlSequenceNode seq => new GridValue("[" + string.Join(", ", seq.Children.Select(c => ToValue(c, key, file).Text)) + "]", double.NaN),
        _ => throw new GridFileException($"{file}: line {node.Start.Line}: {key}: a grid value must be a scalar or a list"),
    };

    /// <summary>
    /// What two values written differently share when they are one grid point: a number's shortest round-trip text, a
    /// word's upper case, and a list's items so (a list's text is its items', so [30, 60] and [30, 60.0] were two values
    /// and each point ran twice).
    /// </summary>
    private static string SameValueKey(GridValue value) =>
        !double.IsNaN(value.Number) ? value.Number.ToString("R", CultureInfo.InvariantCulture)
        : value.Text.StartsWith('[') ? System.Text.RegularExpressions.Regex.Replace(value.Text, @"(?<![\w.])[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?(?![\w.])",
            m => double.Parse(m.Value, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)).ToUpperInvariant()
        : value.Text.ToUpperInvariant();
}
