using Alvh.Data.Csv;
using Alvh.MarketData;

namespace Alvh.Data.Readers;

/// <summary>
/// FRED series downloads: <c>DATE,VALUE</c> or <c>observation_date,VALUE</c> (the value column is
/// named after the series, e.g. <c>DTB3</c>). <c>.</c> or an empty field means missing (NaN). Values
/// stay as published: DTB3 is a discount-basis yield in percent; converting it to a continuously
/// compounded rate belongs to the market model.
/// </summary>
public static class FredReader
{
    /// <summary>Format name.</summary>
    public const string Format = "fred";

    /// <summary>Reads a FRED file from disk.</summary>
    public static LoadedDaily Read(string path, string id, string? file = null)
    {
        file ??= Path.GetFileName(path);
        return Parse(CsvFile.ReadText(path, file), id, file);
    }

    /// <summary>Parses FRED text.</summary>
    public static LoadedDaily Parse(string text, string id, string file)
    {
        using var csv = CsvTable.FromText(text, file);
        int iDate = csv.Require("observation_date", "DATE");
        if (csv.Columns.Count < 2)
        {
            throw new DataFormatException(file, 1, "VALUE", $"missing header column (expected a value column after '{csv.Name(iDate)}')");
        }
        int iValue = iDate == 0 ? 1 : 0;
        var rows = new DailyRows(file, csv.Name(iValue));
        Span<double> v = stackalloc double[1];
        int missing = 0;
        foreach (var row in csv.Rows)
        {
            int line = row.LineNumberFrom;
            csv.RequireColumns(row, Math.Max(iDate, iValue));
            var date = CsvField.Date(row[iDate].Span, file, line, csv.Name(iDate));
            v[0] = CsvField.NumberOrMissing(row[iValue].Span, file, line, csv.Name(iValue));
            if (double.IsNaN(v[0])) missing++;
            rows.Add(date, line, v);
        }
        if (missing > 0)
        {
            rows.Issues.Add(new DataIssue(file, 0, "missing-values", $"{missing} rows have no value ('.' or empty): FRED keeps market holidays as rows; they are missing, never filled", IssueSeverity.Info));
        }
        return new LoadedDaily(new DailySeries(id, file, rows.Dates(), rows.Column(0)), rows.Lines(), Format, rows.Issues);
    }
}
