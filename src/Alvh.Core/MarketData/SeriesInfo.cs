namespace Alvh.MarketData;

/// <summary>What the catalog knows of one loaded series: where it came from, its range and the issues found.</summary>
/// <param name="Id">Series id, e.g. <c>vix</c>.</param>
/// <param name="File">File name in the data folder.</param>
/// <param name="Format">Format recognised, e.g. <c>cboe-ohlc</c>, <c>fred</c>, <c>yahoo-ohlcv</c>.</param>
/// <param name="First">First date (trade date, ex-date, month or event date).</param>
/// <param name="Last">Last date.</param>
/// <param name="Rows">Data rows read (header excluded, blank lines excluded).</param>
/// <param name="Issues">Findings, in file-line order.</param>
public sealed record SeriesInfo(string Id, string File, string Format, DateOnly? First, DateOnly? Last, int Rows, IReadOnlyList<DataIssue> Issues);
