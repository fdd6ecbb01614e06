using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using Alvh.Strategies;

namespace Alvh.Data.Strategies;

/// <summary>
/// Writes a strategy as annotated YAML: every parameter with a comment giving its meaning, unit and
/// allowed range; the values are the strategy's (the defaults for a preset). <c>alvh init</c> writes it;
/// <see cref="StrategyFile"/> reads it back to the same definition.
/// </summary>
public static class StrategyWriter
{
    /// <summary>The annotated YAML of <paramref name="strategy"/>.</summary>
    public static string Write(StrategyDefinition strategy)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"# Alvh strategy file: {strategy.Name}");
        sb.AppendLine("# Every parameter with its meaning, unit, allowed range and default. Omit a key to keep its default;");
        sb.AppendLine("# remove a sleeve (drip, condor, alvh) to leave it out. Check with: alvh validate FILE");
        WriteRecord(sb, strategy, 0);
        return sb.ToString();
    }

    private static void WriteRecord(StringBuilder sb, object record, int indent)
    {
        var pad = new string(' ', indent);
        // The value a key takes when it is omitted: a preset's values are not all the defaults (cboe-cndr's capital is
        // 100,000,000, the default 1,000,000), and "omit a key to keep its default" named none.
        var defaults = Activator.CreateInstance(record.GetType())!;
        foreach (var p in StrategyFile.Settable(record.GetType()))
        {
            var a = p.GetCustomAttribute<ParameterAttribute>()!;
            var value = p.GetValue(record);
            var range = double.IsInfinity(a.Min) && double.IsInfinity(a.Max) ? "" : "; " + StrategyFile.Range(a);
            var unit = a.Unit.Length > 0 ? a.Unit : "";
            var fallback = p.GetValue(defaults);
            if (fallback is not null && !StrategyFile.IsRecord(fallback.GetType())) range += "; default " + Inline(fallback);
            var detail = unit.Length + range.Length > 0 ? $" ({unit}{(unit.Length > 0 ? range : range.TrimStart(';', ' '))})" : "";
            sb.AppendLine(CultureInfo.InvariantCulture, $"{pad}# {a.Meaning}{detail}");
            var key = StrategyFile.Camel(p.Name);
            if (value is null)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"{pad}{key}: null");
            }
            else if (StrategyFile.IsRecord(value.GetType()))
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"{pad}{key}:");
                WriteRecord(sb, value, indent + 2);
            }
            else if (value is IDictionary { Count: 0 })
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"{pad}{key}: {{}}");
            }
            else if (value is IDictionary dict)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"{pad}{key}:");
                foreach (DictionaryEntry e in dict) sb.AppendLine(CultureInfo.InvariantCulture, $"{pad}  {e.Key}: {Scalar(e.Value)}");
            }
            else if (value is IEnumerable list and not string)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"{pad}{key}: [{string.Join(", ", list.Cast<object>().Select(Scalar))}]");
            }
            else
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"{pad}{key}: {Scalar(value)}");
            }
        }
    }

    /// <summary>A value on one line, as a comment shows it: a list as [a, b], a map as {key: value, ...}.</summary>
    private static string Inline(object v) => v switch
    {
        IDictionary dict => "{" + string.Join(", ", dict.Keys.Cast<object>().Select(k => $"{k}: {Scalar(dict[k])}")) + "}",
        IEnumerable list and not string => "[" + string.Join(", ", list.Cast<object>().Select(Scalar)) + "]",
        _ => Scalar(v),
    };

    private static string Scalar(object? v) => v switch
    {
        null => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        string s => s.Length == 0 || s.IndexOfAny([':', '#', '\'', '"', '[', ']', '{', '}', ',']) >= 0 || s != s.Trim() ? "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'" : s,
        _ => v.ToString() ?? "",
    };
}
