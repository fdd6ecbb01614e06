using Alvh.Data.Csv;
using Alvh.MarketData;

namespace Alvh.Data.Readers;

/// <summary>
/// Yahoo-style daily bars: <c>Date,Open,High,Low,Close[,Adj Close],Volume</c>, ISO dates. Prices must be
/// positive; volume must be a number (0 allowed: indices before 1950s and some ETFs report none).
/// <c>Adj Close</c> is ignored: Alvh works with raw prices and applies dividends explicitly.
/// </summary>
public static class YahooOhlcvReader
{
    /// <summary>Format name.</summary>
    public const string Format = "yahoo-ohlcv";

    /// <summary>Reads a Yahoo-style file from disk.</summary>
    public static LoadedDaily Read(string path, string id, string? file = null)
    {
        file ??= Path.GetFileName(path);
        return Parse(CsvFile.ReadText(path, file), id, file);
    }

    /// <summary>Parses Yahoo-style text.</summary>
    public static LoadedDaily Parse(string text, string id, string file)
    {
        using var csv = CsvTable.FromText(text, file);
        int iDate = csv.Require("Date");
        int iOpen = csv.Require("Open");
        int iHigh = csv.Require("High");
        int iLow = csv.Require("Low");
        int iClose = csv.Require("Close");
        int iVolume = csv.Require("Volume");
        int max = new[] { iDate, iOpen, iHigh, iLow, iClose, iVolume }.Max();
        var rows = new DailyRows(file, "Open", "High", "Low", "Close", "Volume");
        Span<double> v = stackalloc double[5];
        foreach (var row in csv.Rows)
        {
            int line = row.LineNumberFrom;
            csv.RequireColumns(row, max);
            var date = CsvField.Date(row[iDate].Span, file, line, csv.Name(iDate));
            v[0] = CsvField.Price(row[iOpen].Span, file, line, csv.Name(iOpen));
            v[1] = CsvField.Price(row[iHigh].Span, file, line, csv.Name(iHigh));
            v[2] = CsvField.Price(row[iLow].Span, file, line, csv.Name(iLow));
            v[3] = CsvField.Price(row[iClose].Span, file, line, csv.Name(iClose));
            v[4] = CsvField.Number(row[iVolume].Span, file, line, csv.Name(iVolume));
            if (v[4] < 0) throw new DataFormatException(file, line, csv.Name(iVolume), "volume must not be negative");
            rows.Add(date, line, v);
        }
        var series = new DailySeries(id, file, rows.Dates(), rows.Column(3), rows.Column(0), rows.Column(1), rows.Column(2), rows.Column(4));
        return new LoadedDaily(series, rows.Lines(), Format, rows.Issues);
    }
}
