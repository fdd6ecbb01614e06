using Alvh.Data.Csv;
using Alvh.MarketData;

namespace Alvh.Data.Readers;

/// <summary>
/// Robert Shiller's monthly S&amp;P data as republished by datasets/s-and-p-500:
/// <c>Date,SP500,Dividend,Earnings,Consumer Price Index,Long Interest Rate,Real Price,Real Dividend,Real Earnings,PE10</c>.
/// Dates are the first of the month (ISO) or Shiller's own <c>YYYY.MM</c> (where <c>1871.1</c> is October).
/// A 0 means missing (the FRED-extended months carry only the price; PE10 is 0 before 1881): NaN here,
/// counted in the findings. The price must be positive.
/// </summary>
public static class ShillerReader
{
    /// <summary>Format name.</summary>
    public const string Format = "shiller-monthly";

    /// <summary>Reads the Shiller file from disk.</summary>
    public static Loaded<ShillerMonthly> Read(string path, string id, string? file = null)
    {
        file ??= Path.GetFileName(path);
        return Parse(CsvFile.ReadText(path, file), id, file);
    }

    /// <summary>Parses Shiller text.</summary>
    public static Loaded<ShillerMonthly> Parse(string text, string id, string file)
    {
        using var csv = CsvTable.FromText(text, file);
        int iDate = csv.Require("Date");
        int[] idx =
        [
            csv.Require("SP500", "P"),
            csv.Require("Dividend", "D"),
            csv.Require("Earnings", "E"),
            csv.Require("Consumer Price Index", "CPI"),
            csv.Require("Long Interest Rate", "Rate GS10", "GS10"),
            csv.Require("PE10", "CAPE"),
        ];
        int max = Math.Max(iDate, idx.Max());
        var rows = new DailyRows(file, "SP500", "Dividend", "Earnings", "Consumer Price Index", "Long Interest Rate", "PE10");
        Span<double> v = stackalloc double[6];
        var zeros = new int[6];
        foreach (var row in csv.Rows)
        {
            int line = row.LineNumberFrom;
            csv.RequireColumns(row, max);
            var month = ParseMonth(row[iDate].Span, file, line, csv.Name(iDate));
            v[0] = CsvField.Price(row[idx[0]].Span, file, line, csv.Name(idx[0]));
            for (int c = 1; c < 6; c++)
            {
                double x = CsvField.NumberOrMissing(row[idx[c]].Span, file, line, csv.Name(idx[c]));
                if (x == 0) { x = double.NaN; zeros[c]++; }
                v[c] = x;
            }
            rows.Add(month, line, v);
        }
        var issues = rows.Issues;
        for (int c = 1; c < 6; c++)
        {
            if (zeros[c] > 0) issues.Add(new DataIssue(file, 0, "zero-as-missing", $"{csv.Name(idx[c])}: {zeros[c]} zeros read as missing", IssueSeverity.Info));
        }
        var data = new ShillerMonthly(id, file, rows.Dates(), rows.Column(0), rows.Column(1), rows.Column(2), rows.Column(3), rows.Column(4), rows.Column(5));
        return new Loaded<ShillerMonthly>(data, Format, rows.Count, issues, rows.Lines());
    }

    private static DateOnly ParseMonth(ReadOnlySpan<char> s, string file, int line, string field)
    {
        if (CsvField.TryDate(s, out var d))
        {
            if (d.Day != 1) throw new DataFormatException(file, line, field, $"monthly date must be the first of a month, got '{s.ToString()}'");
            return d;
        }
        // Shiller's decimal month: 1871.01 = January, 1871.1 = October, 1871.12 = December.
        int dot = s.IndexOf('.');
        if (dot == 4 && int.TryParse(s[..4], out int y) && s.Length - dot - 1 is 1 or 2 && int.TryParse(s[(dot + 1)..], out int m))
        {
            if (s.Length - dot - 1 == 1) m *= 10;
            if (m is >= 1 and <= 12) return new DateOnly(y, m, 1);
        }
        return CsvField.Date(s, file, line, field);
    }
}
