namespace Alvh.Data.Fetch;

/// <summary>A CSV produced by a conversion, with its counts.</summary>
/// <param name="Text">Complete file text: header line, then one line per row, each ending with <c>\n</c>.</param>
/// <param name="Rows">Data rows written (header excluded).</param>
/// <param name="DroppedRows">Source rows left out (e.g. Yahoo bars with a null price).</param>
public sealed record ConvertedCsv(string Text, int Rows, int DroppedRows);
