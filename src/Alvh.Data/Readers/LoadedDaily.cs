using Alvh.MarketData;

namespace Alvh.Data.Readers;

/// <summary>A daily series as read, with the physical line of each row and the reader's findings.</summary>
/// <param name="Series">The series.</param>
/// <param name="Lines">1-based line of each row of <paramref name="Series"/>.</param>
/// <param name="Format">Format name, e.g. <c>cboe-ohlc</c>.</param>
/// <param name="Issues">Findings of the reader (identical duplicates, values read as missing).</param>
public sealed record LoadedDaily(DailySeries Series, int[] Lines, string Format, IReadOnlyList<DataIssue> Issues);
