using Alvh.MarketData;

namespace Alvh.Data.Readers;

/// <summary>A non-daily dataset as read (dividends, VX contracts, Shiller months, events) with the reader's findings.</summary>
/// <typeparam name="T">The dataset type.</typeparam>
/// <param name="Value">The dataset.</param>
/// <param name="Format">Format name.</param>
/// <param name="Rows">Data rows read.</param>
/// <param name="Issues">Findings of the reader.</param>
/// <param name="Lines">1-based line of each row kept, in the dataset's row order, when the dataset is row-shaped.</param>
public sealed record Loaded<T>(T Value, string Format, int Rows, IReadOnlyList<DataIssue> Issues, int[]? Lines = null);
