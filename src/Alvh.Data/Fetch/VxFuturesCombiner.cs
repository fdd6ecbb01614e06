using System.Globalization;
using System.Text;

namespace Alvh.Data.Fetch;

/// <summary>
/// Combines Cboe's per-contract VX history files into the long file <c>vix-futures-cboe.csv</c>
/// (<see cref="SourceCatalog.VxFuturesHeader"/>), sorted by trade date, then expiration.
/// </summary>
/// <remarks>
/// Each input's header row (<c>Trade Date,…</c>) is located by name, so a disclaimer line before
/// it (old CFE files) is skipped, and columns are matched by name, not position. Trade dates may be
/// ISO <c>yyyy-MM-dd</c> or <c>MM/DD/YYYY</c> (older files); they are written ISO. Price, volume
/// and interest fields are copied as text, trimmed; a missing column gives empty cells.
/// </remarks>
public static class VxFuturesCombiner
{
    private static readonly string[] SourceColumns =
        ["Open", "High", "Low", "Close", "Settle", "Change", "Total Volume", "EFP", "Open Interest"];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "M/d/yyyy", "MM/dd/yyyy"];

    /// <summary>Combines the contracts' files.</summary>
    /// <exception cref="FormatException">A file has no <c>Trade Date</c> header, no <c>Settle</c> column, or an unreadable trade date; the message names the contract and line.</exception>
    public static ConvertedCsv Combine(IEnumerable<VxContractFile> contracts)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        var rows = new List<(DateOnly TradeDate, DateOnly Expiration, string Line)>();
        foreach (var contract in contracts)
        {
            AddRows(contract, rows);
        }
        rows.Sort((a, b) =>
        {
            int byTrade = a.TradeDate.CompareTo(b.TradeDate);
            return byTrade != 0 ? byTrade : a.Expiration.CompareTo(b.Expiration);
        });
        var text = new StringBuilder(SourceCatalog.VxFuturesHeader).Append('\n');
        foreach (var row in rows) text.Append(row.Line).Append('\n');
        return new ConvertedCsv(text.ToString(), rows.Count, 0);
    }

    private static void AddRows(VxContractFile contract, List<(DateOnly, DateOnly, string)> rows)
    {
        // Errors name the contract's own file and line, and its URL when known (they were found later in the combined
        // file, at lines of a file never written).
        string name = FormattableString.Invariant($"VX_{contract.Expiration:yyyy-MM-dd}.csv") + (contract.Url is null ? "" : $" ({contract.Url})");
        var lines = contract.Csv.Split('\n');
        int headerIndex = Array.FindIndex(lines, l => l.TrimStart('\uFEFF', ' ').StartsWith("Trade Date", StringComparison.OrdinalIgnoreCase));
        if (headerIndex < 0) throw new FormatException($"{name}: no 'Trade Date' header line");
        var header = SplitFields(lines[headerIndex].TrimStart('\uFEFF'));
        int tradeDateColumn = IndexOf(header, "Trade Date");
        var columns = SourceColumns.Select(c => IndexOf(header, c)).ToArray();
        if (columns[4] < 0) throw new FormatException($"{name}: no 'Settle' column");
        string expiration = contract.Expiration.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        for (int i = headerIndex + 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var fields = SplitFields(lines[i]);
            if (fields.Length != header.Length)
            {
                // Fields are taken by position: one more than the header shifted the settle into the close, unnoticed.
                throw new FormatException(FormattableString.Invariant($"{name}:{i + 1}: {fields.Length} fields, the header has {header.Length}"));
            }
            string dateText = Field(fields, tradeDateColumn);
            if (!DateOnly.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var tradeDate))
            {
                throw new FormatException($"{name}:{i + 1}: unreadable trade date '{dateText}'");
            }
            var line = new StringBuilder(tradeDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',').Append(expiration);
            for (int c = 0; c < columns.Length; c++)
            {
                string value = Field(fields, columns[c]);
                if (value.Length > 0 && !(double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && double.IsFinite(number)))
                {
                    throw new FormatException($"{name}:{i + 1}: field '{SourceColumns[c]}': not a number: '{value}'");
                }
                line.Append(',').Append(value);
            }
            rows.Add((tradeDate, contract.Expiration, line.ToString()));
        }
    }

    private static string[] SplitFields(string line) =>
        line.TrimEnd('\r').Split(',').Select(f => f.Trim().Trim('"').Trim()).ToArray();

    private static int IndexOf(string[] header, string column) =>
        Array.FindIndex(header, h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase));

    private static string Field(string[] fields, int column) =>
        column >= 0 && column < fields.Length ? fields[column] : "";
}
