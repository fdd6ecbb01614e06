using Alvh.MarketData;

namespace Alvh.Data.Readers;

/// <summary>A non-daily dataset as read (dividends, VX contracts, Shiller months, events) with the reader's findings.</summary>
/// <typeparam name="T">The dataset type.</typeparam>
/// <param name="Value">The dataset.</param>
/// <param name="Format">Format name.</param>
/// <param name="Rows">Data rows read.</param>
/// <param name="Issues">Findings of the reader.</param>
public sealed record Loaded<T>(T Value, string Format, int Rows, IReadOnlyList<DataIssue> Issues);
