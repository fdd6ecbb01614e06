using System.Net;

namespace Alvh.Reports.Html;

/// <summary>One table cell: its HTML content and an optional class and inline style.</summary>
/// <param name="Content">HTML content (already escaped).</param>
/// <param name="Class">CSS class, or null.</param>
/// <param name="Style">Inline style, or null.</param>
internal readonly record struct Cell(string Content, string? Class = null, string? Style = null)
{
    /// <summary>A text cell (escaped).</summary>
    public static Cell Text(string text, string? cssClass = null) => new(WebUtility.HtmlEncode(text), cssClass);

    /// <summary>A right-aligned number cell; negative values are shown red when <paramref name="signed"/>.</summary>
    public static Cell Number(string text, bool negative = false, bool signed = false) =>
        new(WebUtility.HtmlEncode(text), signed && negative ? "num neg" : "num");

    /// <summary>A portfolio name with its colour swatch.</summary>
    public static Cell Run(string name, int index) =>
        new($"<span class=\"swatch\" style=\"background:{Palette.Hex(name, index)}\"></span>{WebUtility.HtmlEncode(name)}", "run");

    /// <summary>Implicit text cell.</summary>
    public static implicit operator Cell(string text) => Text(text);
}
