using System.Collections;
using System.Globalization;
using System.Reflection;
using Alvh.Strategies;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Alvh.Data.Strategies;

/// <summary>
/// Strategy files in YAML: every key is a property of <see cref="StrategyDefinition"/> and its
/// sleeves' rules in camelCase; unknown keys, wrong types and out-of-range values are errors naming
/// the key path, the line and what is allowed. Omitted keys keep their defaults.
/// </summary>
public static class StrategyFile
{
    /// <summary>Reads and validates a strategy file.</summary>
    public static StrategyDefinition Load(string path) => Load(path, null);

    /// <summary>
    /// Reads and validates a strategy file that a grid's keys will be set on: a check across keys that reads one of
    /// <paramref name="swept"/> (<see cref="StrategyChecks.KeysRead"/>) is left to each run, which checks it with the
    /// run's values.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="swept">Key paths the grid sets (compared ignoring case, as keys are); null or empty for none.</param>
    public static StrategyDefinition Load(string path, IReadOnlyCollection<string>? swept)
    {
        var file = Path.GetFileName(path);
        if (Directory.Exists(path)) throw new StrategyFileException(file, ["is a directory, not a strategy file"]);
        if (!File.Exists(path)) throw new StrategyFileException(file, ["file not found"]);
        var definition = Parse(File.ReadAllText(path), file, swept);
        if (!string.IsNullOrEmpty(definition.Name) && definition.Name != "custom") return definition;
        // Named after its file, the name is checked as a name key is: ".yaml" and "..yaml" gave "" and ".", and the backtest
        // wrote to out/ itself, beside other strategies' folders ("...yaml" to the current folder, as out/..).
        var named = definition with { Name = Path.GetFileNameWithoutExtension(path) };
        var nameErrors = string.IsNullOrEmpty(named.Name)
            ? ["name: the file's name gives the strategy none"]
            : StrategyChecks.Validate(named, acrossKeys: false).Where(e => e.StartsWith("name: ", StringComparison.Ordinal)).ToList();
        if (nameErrors.Count > 0) throw new StrategyFileException(file, nameErrors.Select(e => e + " (the strategy is named after its file: give it a name key)").ToList());
        return named;
    }

    /// <summary>
    /// The line of <paramref name="keyPath"/> (<c>drip.symbol</c>, <c>drip.basket.QQQ</c>; keys compared ignoring case) in
    /// the strategy file at <paramref name="path"/>; null when the file does not set it or cannot be read. For a refusal
    /// made after the file was read (a ticker without prices in the data folder), which named its key but not the file's line.
    /// </summary>
    public static int? LineOf(string path, string keyPath)
    {
        ArgumentNullException.ThrowIfNull(keyPath);
        try
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(File.ReadAllText(path)));
            return yaml.Documents.Count > 0 && yaml.Documents[0].RootNode is YamlMappingNode root && At(root, keyPath) is { } node ? (int)node.Start.Line : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or YamlException)
        {
            return null;
        }
    }

    /// <summary>Parses and validates YAML text.</summary>
    public static StrategyDefinition Parse(string text, string file) => Parse(text, file, null);

    private static StrategyDefinition Parse(string text, string file, IReadOnlyCollection<string>? swept)
    {
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var (line, message) = YamlErrors.Describe(e, text);
            throw new StrategyFileException(file, [$"line {line}: {message}"]);
        }
        catch (InvalidOperationException)
        {
            var (line, message) = YamlErrors.DescribeParserFault(text);
            throw new StrategyFileException(file, [$"line {line}: {message}"]);
        }
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new StrategyFileException(file, ["line 1: expected a mapping of strategy keys (run 'alvh init' for an annotated example)"]);
        }
        if (yaml.Documents.Count > 1 && yaml.Documents.Skip(1).Any(d => d.RootNode is not YamlScalarNode { Value: null or "" }))
        {
            // Its keys were dropped without a word.
            throw new StrategyFileException(file, [$"line {yaml.Documents[1].RootNode.Start.Line}: a second YAML document (after '---'); a strategy file has one"]);
        }
        return FromNode(root, file, swept: swept);
    }

    /// <summary>
    /// Binds and validates a parsed strategy mapping (errors name the nodes' lines, as <see cref="Parse(string, string)"/>'s); without
    /// <paramref name="acrossKeys"/>, only each key's own range, type and value checks (<see cref="StrategyChecks"/>' checks across keys are left out).
    /// </summary>
    /// <param name="root">The strategy's mapping.</param>
    /// <param name="file">The file named by errors.</param>
    /// <param name="acrossKeys">Whether to make the checks across keys.</param>
    /// <param name="fileLines">Whether the nodes' lines are the user's file's (false for a grid's patched copy, whose
    /// errors drop them): the allocations' error then names each allocation the file sets, with its line.</param>
    /// <param name="swept">Key paths a grid sets: the checks across keys that read one of them are left to each run.</param>
    internal static StrategyDefinition FromNode(YamlMappingNode root, string file, bool acrossKeys = true, bool fileLines = true, IReadOnlyCollection<string>? swept = null)
    {
        var errors = new BindErrors();
        var definition = (StrategyDefinition)Bind(root, typeof(StrategyDefinition), "", errors)!;
        // An allocation already refused keeps its default for the checks across keys: their sum then named a total the
        // file never wrote (drip.allocation: 7 gave "must sum to 1, got 1.03"), so it is left out beside that error; so is
        // a sleeve's section refused whole (`condor:` left empty), which the sum left out. Read from the refused paths,
        // ignoring case as keys do: matched in the errors' text, `Allocation: 7` was missed.
        bool allocationRefused = errors.Paths.Overlaps(AllocationPaths);
        errors.AddRange(StrategyChecks.Validate(definition, acrossKeys)
            .Where(e => !(allocationRefused && e.StartsWith(AllocationsError, StringComparison.Ordinal)))
            .Where(e => !LeftToRuns(e, swept))
            .Select(e => fileLines && e.StartsWith(AllocationsError, StringComparison.Ordinal) ? e + AllocationLines(root, definition) : WithLine(root, e)));
        if (errors.Count > 0) throw new StrategyFileException(file, errors);
        return definition;
    }

    private const string AllocationsError = "allocations: ";

    /// <summary>Whether a check's error reads a key a grid sets (the runs check it with their values).</summary>
    private static bool LeftToRuns(string error, IReadOnlyCollection<string>? swept)
    {
        if (swept is not { Count: > 0 }) return false;
        int colon = error.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0) return false;
        var read = StrategyChecks.KeysRead(error[..colon]);
        return swept.Any(key => read.Contains(key, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The key paths whose refusal leaves the allocations' sum unsaid: each allocation, and each sleeve's section.</summary>
    private static readonly string[] AllocationPaths =
        ["drip", "condor", "alvh", "overlay", "drip.allocation", "condor.allocation", "alvh.allocation", "overlay.allocation", "cashAllocation"];

    /// <summary>A bind's errors, as written, and the key paths they refuse (as the file spells them; compared ignoring case, as keys are).</summary>
    private sealed class BindErrors : List<string>
    {
        public HashSet<string> Paths { get; } = new(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The value of a mapping's key, matched as the binder matches keys (ignoring case); null when absent.</summary>
    private static YamlNode? Child(YamlMappingNode map, string key)
    {
        foreach (var entry in map.Children)
        {
            if (entry.Key is YamlScalarNode { Value: { } name } && string.Equals(name, key, StringComparison.OrdinalIgnoreCase)) return entry.Value;
        }
        return null;
    }

    /// <summary>
    /// The allocations that make a wrong sum, each with the line the file sets it on (or "default" for a sleeve that leaves
    /// it out): " (drip.allocation 0.9 at line 2, condor.allocation 0.1 at line 4, alvh.allocation 0.03 by default)". The
    /// sum alone named no line, and the file's user had to find which of up to five keys to change.
    /// </summary>
    private static string AllocationLines(YamlMappingNode root, StrategyDefinition s)
    {
        var parts = new List<string>();
        void Add(string section, string key, double value)
        {
            string path = section.Length == 0 ? key : section + "." + key;
            string where = At(root, path) is { } node ? $"at line {node.Start.Line}" : "by default";
            parts.Add(FormattableString.Invariant($"{path} {value:0.##########} {where}"));
        }
        if (s.Drip is { } d) Add("drip", "allocation", d.Allocation);
        if (s.Condor is { } c) Add("condor", "allocation", c.Allocation);
        if (s.Alvh is { } a) Add("alvh", "allocation", a.Allocation);
        if (s.Overlay is { } o) Add("overlay", "allocation", o.Allocation);
        if (s.CashAllocation != 0 || Child(root, "cashAllocation") is not null) Add("", "cashAllocation", s.CashAllocation);
        return parts.Count == 0 ? "" : " (" + string.Join(", ", parts) + ")";
    }

    /// <summary>
    /// A check's <c>key.path: reason</c> with the line of the key's value in front, as a single key's errors have,
    /// when the file sets that key (a check across keys can name one the file leaves at its default).
    /// </summary>
    private static string WithLine(YamlMappingNode root, string error)
    {
        int colon = error.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && At(root, error[..colon]) is { } node ? $"line {node.Start.Line}: {error}" : error;
    }

    /// <summary>The value of key path <paramref name="path"/> (<c>drip.basket.QQQ</c>; keys matched as the binder matches them), or null when the file does not set it.</summary>
    private static YamlNode? At(YamlMappingNode root, string path)
    {
        YamlNode? node = root;
        foreach (var part in path.Split('.'))
        {
            node = node is YamlMappingNode map ? Child(map, part) : null;
        }
        return node;
    }

    private static object? Bind(YamlNode node, Type type, string path, BindErrors errors)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (node is YamlScalarNode { Value: null or "~" or "null" } && (!underlying.IsValueType || Nullable.GetUnderlyingType(type) is not null) && underlying != typeof(string)) return null;
        // An unquoted null is none for a text too (a quoted 'null' stays the text): `drip.fallbackSymbol: null`, as
        // alvh init writes a fallback left out, was read as the symbol "null", validated, and failed the backtest with
        // "null-daily.csv is missing"; a file could not leave the fallback out. A key that takes no null says so.
        if (underlying == typeof(string) && node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "~" or "null" or "Null" or "NULL" }) return null;
        if (IsRecord(underlying)) return BindRecord(node, underlying, path, errors);
        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var element = underlying.GetGenericArguments()[0];
            if (node is not YamlSequenceNode seq) return Error(errors, node, path, "expected a list, e.g. [30, 60, 90]");
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            int i = 0;
            foreach (var item in seq)
            {
                // An item that failed is left out (its error is reported): a null added to a list of numbers threw
                // "Value cannot be null" with no line or key.
                var value = Bind(item, element, $"{path}[{i++}]", errors);
                if (value is not null || !element.IsValueType) list.Add(value);
            }
            return list;
        }
        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            var args = underlying.GetGenericArguments();
            if (node is not YamlMappingNode map) return Error(errors, node, path, "expected a mapping");
            var dict = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(args))!;
            var keyLines = new Dictionary<object, long>();
            foreach (var (k, v) in map)
            {
                // An entry whose key or value failed is left out (its error is reported): a null value in a
                // dictionary of numbers threw instead.
                int before = errors.Count;
                var key = Bind(k, args[0], path, errors);
                // An unquoted null key (null, ~) binds to none since a null is none for a text: the entry was dropped
                // without a word, and a basket {SPY: 0.5, null: 0.5} said only that its weights sum to 0.5.
                if (key is null && errors.Count == before) Error(errors, k, path, $"a key is required here, got {(k as YamlScalarNode)?.Value ?? "null"} (quote it to mean the text)");
                // A key that is a list or a mapping (valid YAML: {[a]: 1}) failed its bind above; the cast threw.
                var value = Bind(v, args[1], $"{path}.{(k as YamlScalarNode)?.Value}", errors);
                // Keys that name one entry (an enum's name in two cases, {calm: 2, Calm: 1}): the later replaced the earlier
                // without a word, as YAML's own duplicate check compares the text.
                if (key is not null && errors.Count == before && !keyLines.TryAdd(key, k.Start.Line))
                {
                    Error(errors, k, $"{path}.{(k as YamlScalarNode)?.Value}", $"the key is given twice (first at line {keyLines[key]}; keys ignore case)");
                    continue;
                }
                if (key is not null && errors.Count == before) dict[key] = value;
            }
            return dict;
        }
        if (node is not YamlScalarNode scalar) return Error(errors, node, path, $"expected a single value ({Describe(underlying)})");
        var text = scalar.Value ?? "";
        if (underlying == typeof(string)) return text;
        if (underlying == typeof(bool))
        {
            return bool.TryParse(text, out var b) ? b : Error(errors, node, path, $"expected true or false, got '{text}'");
        }
        if (underlying == typeof(double) || underlying == typeof(int))
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d)) return Error(errors, node, path, $"expected a number, got '{text}'");
            if (underlying == typeof(int))
            {
                if (d != Math.Floor(d)) return Error(errors, node, path, $"expected a whole number, got '{text}'");
                // Beyond an int it wrapped (99999999999 came back as 2147483647).
                if (d > int.MaxValue || d < int.MinValue) return Error(errors, node, path, $"{text} is out of range (a whole number up to {int.MaxValue})");
                return (int)d;
            }
            return d;
        }
        if (underlying.IsEnum)
        {
            // Markets trade Monday to Friday: a weekend entry day would never trade, without a word.
            var names = underlying == typeof(DayOfWeek)
                ? Enum.GetNames(underlying).Where(n => n is not (nameof(DayOfWeek.Saturday) or nameof(DayOfWeek.Sunday))).ToArray()
                : Enum.GetNames(underlying);
            var match = names.FirstOrDefault(n => string.Equals(n, text.Replace("-", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
            return match is null ? Error(errors, node, path, $"unknown value '{text}' (allowed: {string.Join(", ", names)})") : Enum.Parse(underlying, match);
        }
        return Error(errors, node, path, $"unsupported type {underlying.Name}");
    }

    private static object? BindRecord(YamlNode node, Type type, string path, BindErrors errors)
    {
        if (node is not YamlMappingNode map) return Error(errors, node, path, "expected a mapping of keys");
        var instance = Activator.CreateInstance(type)!;
        var properties = Parameters(type);
        // Keys ignore case, so YAML's own duplicate check misses `Capital:` after `capital:`: the later one won without a
        // word (a file of capital 1000000 ran with 5000), as the grid file already refuses.
        var keyLines = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        foreach (var (keyNode, valueNode) in map)
        {
            if (keyNode is not YamlScalarNode keyScalar)
            {
                // `? [a, b]` is valid YAML; the cast to a scalar threw, with no line or key.
                Error(errors, keyNode, path, $"a key is a single word, got a {(keyNode is YamlSequenceNode ? "list" : "mapping")}");
                continue;
            }
            var key = keyScalar.Value ?? "";
            var keyPath = path.Length == 0 ? key : $"{path}.{key}";
            if (!properties.TryGetValue(key, out var parameter))
            {
                Error(errors, keyNode, keyPath, $"unknown key (allowed: {string.Join(", ", properties.Keys.Select(Camel))})");
                continue;
            }
            if (!keyLines.TryAdd(key, keyNode.Start.Line))
            {
                Error(errors, keyNode, keyPath, $"the key is given twice (first at line {keyLines[key]}; keys ignore case)");
                continue;
            }
            var (property, attribute) = parameter;
            int before = errors.Count;
            var value = Bind(valueNode, property.PropertyType, keyPath, errors);
            // A value that failed keeps the key's default (its error is reported), so the checks across keys see a
            // whole strategy: a list left null made them throw. A section with an error inside is still set, so
            // those checks read its other keys; one that is no mapping at all keeps its default.
            if (errors.Count > before && (value is null || !IsRecord(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType)))
            {
                // The items that were read are checked for range too: [30, abc, -5] named abc only, and -5 after abc was mended.
                if (value is IList or IDictionary) ItemsOutOfRange(valueNode, keyPath, attribute, errors);
                continue;
            }
            // A null where the key takes none (a section's rules, a list, a map) is an error, not a null the run
            // would dereference: `alvh.rules: ~` validated and then crashed the backtest.
            if (value is null && !property.PropertyType.IsValueType && !AcceptsNull(property))
            {
                Error(errors, valueNode, keyPath, "a value is required here (omit the key to keep its default)");
                continue;
            }
            // A map keeps the default's entries it does not name ("omit a key to keep its default"): a regime
            // multiplier map of one regime set the others to 1.
            if (value is IDictionary given && property.GetValue(instance) is IDictionary defaults && defaults.Count > 0)
            {
                var merged = (IDictionary)Activator.CreateInstance(given.GetType())!;
                foreach (DictionaryEntry entry in defaults) merged[entry.Key] = entry.Value;
                foreach (DictionaryEntry entry in given) merged[entry.Key] = entry.Value;
                value = merged;
            }
            if (!InRange(value, attribute))
            {
                int named = errors.Count;
                ItemsOutOfRange(valueNode, keyPath, attribute, errors);
                if (errors.Count == named) Error(errors, valueNode, keyPath, $"{Show(value)} {Allowed(attribute)}");
                continue;
            }
            if (value is not null || !property.PropertyType.IsValueType) property.SetValue(instance, value);
        }
        return instance;
    }

    /// <summary>True when the property is declared nullable (a sleeve left out, an optional text).</summary>
    private static bool AcceptsNull(PropertyInfo property) => new NullabilityInfoContext().Create(property).WriteState != NullabilityState.NotNull;

    private static bool InRange(object? value, ParameterAttribute a)
    {
        IEnumerable<double> numbers = value switch
        {
            double d => [d],
            int i => [i],
            IEnumerable<int> list => list.Select(x => (double)x),
            IEnumerable<double> list => list,
            IDictionary dict => dict.Values.OfType<double>(),
            _ => [],
        };
        return numbers.All(x => x >= a.Min && x <= a.Max);
    }

    /// <summary>The text of a scalar number outside the parameter's range, else null.</summary>
    private static string Allowed(ParameterAttribute a) => $"is out of range (allowed {Range(a)}{(a.Unit.Length > 0 ? " " + a.Unit : "")})";

    /// <summary>
    /// Each entry of a map or item of a list whose number is out of the key's range, named on its own line (a regime
    /// multiplier out of range printed the whole map at the map's first line); one already refused is not named again.
    /// </summary>
    private static void ItemsOutOfRange(YamlNode valueNode, string keyPath, ParameterAttribute attribute, BindErrors errors)
    {
        if (valueNode is YamlMappingNode entries)
        {
            foreach (var (entryKey, entryValue) in entries.Children)
            {
                string entryPath = $"{keyPath}.{(entryKey as YamlScalarNode)?.Value}";
                if (!errors.Paths.Contains(entryPath) && OutOfRange(entryValue, attribute) is { } text) Error(errors, entryValue, entryPath, $"{text} {Allowed(attribute)}");
            }
        }
        else if (valueNode is YamlSequenceNode items)
        {
            for (int i = 0; i < items.Children.Count; i++)
            {
                string itemPath = $"{keyPath}[{i}]";
                if (!errors.Paths.Contains(itemPath) && OutOfRange(items.Children[i], attribute) is { } text) Error(errors, items.Children[i], itemPath, $"{text} {Allowed(attribute)}");
            }
        }
    }

    private static string? OutOfRange(YamlNode node, ParameterAttribute a) =>
        node is YamlScalarNode { Value: { } text } && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && !(x >= a.Min && x <= a.Max)
            ? text
            : null;

    internal static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetCustomAttribute<ParameterAttribute>() is not null);

    internal static bool IsRecord(Type type) => Records.GetOrAdd(type, static t => t.IsClass && t != typeof(string) && t.GetMethod("<Clone>$") is not null);

    // Reflection read once per type: reading the attributes on every bind was a third of a parse, and a sweep
    // binds a strategy for every run.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, bool> Records = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Dictionary<string, (PropertyInfo Property, ParameterAttribute Attribute)>> Shapes = new();

    /// <summary>The settable parameters of a record type by name (any case), in declaration order, with their attributes (<see cref="Settable"/> keeps only attributed ones).</summary>
    private static Dictionary<string, (PropertyInfo Property, ParameterAttribute Attribute)> Parameters(Type type) =>
        Shapes.GetOrAdd(type, static t => Settable(t).ToDictionary(p => p.Name, p => (p, p.GetCustomAttribute<ParameterAttribute>()!), StringComparer.OrdinalIgnoreCase));

    internal static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    internal static string Range(ParameterAttribute a) =>
        string.Create(CultureInfo.InvariantCulture, $"{(double.IsNegativeInfinity(a.Min) ? "-inf" : a.Min.ToString(CultureInfo.InvariantCulture))}..{(double.IsPositiveInfinity(a.Max) ? "inf" : a.Max.ToString(CultureInfo.InvariantCulture))}");

    private static string Describe(Type t) => t.IsEnum ? string.Join(", ", Enum.GetNames(t)) : t == typeof(bool) ? "true or false" : t == typeof(string) ? "text" : "a number";

    private static string Show(object? value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IEnumerable e and not string => "[" + string.Join(", ", e.Cast<object>()) + "]",
        _ => value?.ToString() ?? "null",
    };

    private static object? Error(BindErrors errors, YamlNode node, string path, string message)
    {
        errors.Paths.Add(path);
        errors.Add($"line {node.Start.Line}: {(path.Length == 0 ? "(root)" : path)}: {message}");
        return null;
    }
}
