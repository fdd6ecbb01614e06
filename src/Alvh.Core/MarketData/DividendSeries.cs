namespace Alvh.MarketData;

/// <summary>The distributions of one security, ex-dates strictly increasing.</summary>
/// <param name="Id">Series id, e.g. <c>spy-dividends</c>.</param>
/// <param name="File">File read.</param>
/// <param name="Dividends">The distributions, oldest first.</param>
public sealed record DividendSeries(string Id, string File, IReadOnlyList<Dividend> Dividends);
