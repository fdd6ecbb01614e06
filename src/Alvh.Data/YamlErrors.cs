using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Alvh.Data;

/// <summary>Where and what a YAML parse error is, in the words of the files' own messages.</summary>
internal static partial class YamlErrors
{
    /// <summary>
    /// The line and the message of <paramref name="e"/> raised while loading <paramref name="text"/>. An alias to an
    /// anchor that is not defined (<c>*name</c> with no <c>&amp;name</c> in the file) is reported by YamlDotNet at the
    /// start of the document ("line 1") in broken English; it is reported at the alias's line instead, found by
    /// reading the file's events again up to that alias (a comment or a quoted string that contains <c>*name</c> is
    /// not an alias).
    /// </summary>
    public static (long Line, string Message) Describe(YamlException e, string text)
    {
        if (e is AnchorNotFoundException && AnchorName().Match(e.Message) is { Success: true } named)
        {
            string name = named.Groups[1].Value;
            return (AliasLine(text, name) ?? e.Start.Line, $"the alias *{name} refers to no anchor (no &{name} in the file)");
        }
        // YamlDotNet names the line where the enclosing mapping or scalar began (a tab on line 3 under 'condor:' on
        // line 2 was reported on line 1): the first line indented with a tab is the one to fix.
        if (e.Message.Contains(" tab ", StringComparison.Ordinal) && TabIndentedLine(text) is { } tabbed)
        {
            return (tabbed, TabInIndentation);
        }
        return (e.Start.Line, $"not valid YAML: {e.Message}");
    }

    private const string TabInIndentation = "not valid YAML: a tab in the indentation (YAML indents with spaces)";

    /// <summary>
    /// The line and message for the parser's own failure (YamlDotNet throws InvalidOperationException, not a YamlException,
    /// on some malformed input: a tab indenting a flow mapping's continuation line ended as an internal error).
    /// </summary>
    public static (long Line, string Message) DescribeParserFault(string text) =>
        TabIndentedLine(text) is { } tabbed
            ? (tabbed, TabInIndentation)
            : (1, "not valid YAML: the parser could not read the file (check its brackets, quotes and indentation)");

    /// <summary>
    /// The 1-based number of the first line whose indentation holds a tab at or after the last token the scanner read
    /// before it failed, or null when none does. A tab-indented line before it was read as part of a valid token (a
    /// tab in a block scalar's text, or in a quoted scalar's continuation line) and is not the one to fix: searched
    /// from the top of the file, `description: |` with a tab inside its text named that line, not the tab after it.
    /// </summary>
    private static long? TabIndentedLine(string text)
    {
        long from = 1;
        try
        {
            var scanner = new Scanner(new StringReader(text));
            while (scanner.MoveNext()) from = scanner.Current!.End.Line;
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // The failure: the tab is at or after the last token read.
        }
        var lines = text.Split('\n');
        long? first = null;
        for (int i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].AsSpan()[..(lines[i].Length - lines[i].AsSpan().TrimStart(" \t").Length)];
            if (!indent.Contains('\t')) continue;
            first ??= i + 1;
            if (i + 1 >= from) return i + 1;
        }
        return first;
    }

    /// <summary>The line of the first alias named <paramref name="name"/>, or null when the events do not reach one.</summary>
    private static long? AliasLine(string text, string name)
    {
        try
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext())
            {
                if (parser.Current is AnchorAlias alias && alias.Value.Value == name) return alias.Start.Line;
            }
        }
        catch (YamlException)
        {
            // A later syntax error: the alias was not reached.
        }
        return null;
    }

    [GeneratedRegex("'(.+)'")]
    private static partial Regex AnchorName();
}
