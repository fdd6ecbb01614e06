using System.Net;
using System.Text;

namespace Alvh.Reports.Html;

/// <summary>
/// Builds one self-contained page: inline CSS, no script, charts as base64 PNG data URIs, so the page
/// opens offline and makes no request. Output depends only on what is written into it.
/// </summary>
internal sealed class HtmlPage
{
    private readonly StringBuilder _html = new(1 << 16);
    private readonly List<ChartImage> _charts = [];

    /// <summary>Starts a page with its title.</summary>
    public HtmlPage(string title)
    {
        _html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title)).Append("</title>\n<style>\n").Append(Stylesheet.Css).Append("</style>\n</head>\n<body>\n<main>\n");
    }

    /// <summary>Escapes text for HTML.</summary>
    public static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Appends raw HTML.</summary>
    public HtmlPage Raw(string html)
    {
        _html.Append(html);
        return this;
    }

    /// <summary>Appends a paragraph of text (escaped), with an optional class.</summary>
    public HtmlPage Paragraph(string text, string? cssClass = null)
    {
        _html.Append(cssClass is null ? "<p>" : $"<p class=\"{cssClass}\">").Append(E(text)).Append("</p>\n");
        return this;
    }

    /// <summary>Opens <c>&lt;section id=...&gt;</c> with its heading and an optional one-line explanation.</summary>
    public HtmlPage Section(string id, string heading, string? lead = null)
    {
        _html.Append("<section id=\"").Append(id).Append("\">\n<h2>").Append(E(heading)).Append("</h2>\n");
        if (lead is not null) Paragraph(lead, "lead");
        return this;
    }

    /// <summary>Closes the open section.</summary>
    public HtmlPage EndSection()
    {
        _html.Append("</section>\n");
        return this;
    }

    /// <summary>Embeds a chart (and keeps it to be written as a PNG file next to the page).</summary>
    public HtmlPage Chart(ChartImage chart, string cssClass = "chart")
    {
        _charts.Add(chart);
        _html.Append("<figure class=\"").Append(cssClass).Append("\"><img src=\"data:image/png;base64,").Append(Convert.ToBase64String(chart.Png))
            .Append("\" alt=\"").Append(E(chart.Caption)).Append("\" data-file=\"").Append(E(chart.FileName)).Append("\">")
            .Append("<figcaption>").Append(E(chart.Caption)).Append(" (<code>").Append(E(chart.FileName)).Append("</code>)</figcaption></figure>\n");
        return this;
    }

    /// <summary>Appends a table.</summary>
    public HtmlPage Table(IReadOnlyList<Cell> headers, IEnumerable<IReadOnlyList<Cell>> rows, string? cssClass = null, string? caption = null)
    {
        _html.Append("<div class=\"table-wrap\"><table").Append(cssClass is null ? "" : $" class=\"{cssClass}\"").Append(">\n");
        // A caption names the table for screen readers and for a reader who lands on it from elsewhere on the page.
        if (caption is not null) _html.Append("<caption>").Append(E(caption)).Append("</caption>\n");
        _html.Append("<thead><tr>");
        foreach (var h in headers) Open("th", h);
        _html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            _html.Append("<tr>");
            foreach (var c in row) Open("td", c);
            _html.Append("</tr>\n");
        }
        _html.Append("</tbody></table></div>\n");
        return this;
    }

    /// <summary>Appends a headline figure: a big value and what it is.</summary>
    public HtmlPage Card(string value, string label) =>
        Raw("<div class=\"card\"><div class=\"value\">").Raw(E(value)).Raw("</div><div class=\"label\">").Raw(E(label)).Raw("</div></div>\n");

    /// <summary>Closes the page and returns it with its charts.</summary>
    public ReportDocument Finish()
    {
        _html.Append("</main>\n</body>\n</html>\n");
        return new ReportDocument(_html.ToString(), [.. _charts]);
    }

    private void Open(string tag, Cell cell)
    {
        _html.Append('<').Append(tag);
        if (cell.Class is not null) _html.Append(" class=\"").Append(cell.Class).Append('"');
        if (cell.Style is not null) _html.Append(" style=\"").Append(cell.Style).Append('"');
        _html.Append('>').Append(cell.Content).Append("</").Append(tag).Append('>');
    }
}
