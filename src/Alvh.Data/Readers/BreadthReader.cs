using Alvh.Data.Csv;
using Alvh.MarketData;

namespace Alvh.Data.Readers;

/// <summary>
/// Market breadth: <c>date,advances,declines[,...]</c> (NYSE advancing and declining issues per day, as
/// published by exchanges and data vendors). Read as the daily series <c>breadth</c> whose value is
/// the net advances (advances − declines): the advance–decline line is its running sum. Counts must
/// be non-negative whole numbers.
/// </summary>
public static class BreadthReader
{
    /// <summary>Format name.</summary>
    public const string Format = "breadth";

    /// <summary>Parses breadth text.</summary>
    public static LoadedDaily Parse(string text, string id, string file)
    {
        using var csv = CsvTable.FromText(text, file);
        int iDate = csv.Require("date");
        int iAdv = csv.Require("advances", "advancing");
        int iDec = csv.Require("declines", "declining");
        int max = Math.Max(iDate, Math.Max(iAdv, iDec));
        var rows = new DailyRows(file, "net");
        Span<double> v = stackalloc double[1];
        foreach (var row in csv.Rows)
        {
            int line = row.LineNumberFrom;
            csv.RequireColumns(row, max);
            var date = CsvField.Date(row[iDate].Span, file, line, csv.Name(iDate));
            double adv = Count(row[iAdv].Span, file, line, csv.Name(iAdv));
            double dec = Count(row[iDec].Span, file, line, csv.Name(iDec));
            v[0] = adv - dec;
            rows.Add(date, line, v);
        }
        return new LoadedDaily(new DailySeries(id, file, rows.Dates(), rows.Column(0)), rows.Lines(), Format, rows.Issues);
    }

    private static double Count(ReadOnlySpan<char> text, string file, int line, string field)
    {
        double x = CsvField.Number(text, file, line, field);
        if (x < 0 || x != Math.Floor(x)) throw new DataFormatException(file, line, field, $"expected a non-negative whole count, got {x}");
        return x;
    }
}
