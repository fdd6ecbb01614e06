using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace Alvh.Data;

/// <summary>Where and what a YAML parse error is, in the words of the files' own messages.</summary>
internal static partial class YamlErrors
{
    /// <summary>
    /// The line and the message of <paramref name="e"/> raised while loading <paramref name="text"/>. An alias to an
    /// anchor that is not defined (<c>*name</c> without <c>&amp;name</c> before it) is reported by YamlDotNet at the
    /// start of the document ("line 1") in broken English; it is reported at the alias's line instead.
    /// </summary>
    public static (long Line, string Message) Describe(YamlException e, string text)
    {
        if (e is AnchorNotFoundException && AnchorName().Match(e.Message) is { Success: true } named)
        {
            string name = named.Groups[1].Value;
            var alias = new Regex(@"(?<![^\s\[\{,:-])\*" + Regex.Escape(name) + @"(?![^\s\]\},])");
            var lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                if (alias.IsMatch(lines[i])) return (i + 1, $"the alias *{name} refers to no anchor (an anchor &{name} must come before it)");
            }
            return (e.Start.Line, $"the alias *{name} refers to no anchor (an anchor &{name} must come before it)");
        }
        return (e.Start.Line, $"not valid YAML: {e.Message}");
    }

    [GeneratedRegex("'(.+)'")]
    private static partial Regex AnchorName();
}
