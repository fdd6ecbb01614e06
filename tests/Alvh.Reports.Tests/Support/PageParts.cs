using System.Text.RegularExpressions;

namespace Alvh.Reports.Tests.Support;

/// <summary>What the report tests read out of a page's HTML: its sections' ids and the addresses it references.</summary>
public static partial class PageParts
{
    /// <summary>The id of every <c>&lt;section&gt;</c>, in page order.</summary>
    public static IReadOnlyList<string> SectionIds(string html) => [.. SectionId().Matches(html).Select(m => m.Groups[1].Value)];

    /// <summary>Every <c>src</c> and <c>href</c> address, in page order.</summary>
    public static IReadOnlyList<string> References(string html) => [.. Reference().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<section id=\"([a-z-]+)\">")]
    private static partial Regex SectionId();

    [GeneratedRegex("(?:src|href)=\"([^\"]*)\"")]
    private static partial Regex Reference();
}
