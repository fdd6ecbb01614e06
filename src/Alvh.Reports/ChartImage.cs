namespace Alvh.Reports;

/// <summary>One chart of a report: a PNG embedded in the HTML and written next to it.</summary>
/// <param name="FileName">File name next to the HTML, e.g. <c>equity.png</c>.</param>
/// <param name="Caption">What the chart shows, used as the image's alt text and caption.</param>
/// <param name="Png">The PNG bytes.</param>
public sealed record ChartImage(string FileName, string Caption, byte[] Png);
