using Alvh.Data.Csv;
using Alvh.MarketData;

namespace Alvh.Data.Readers;

/// <summary>
/// Cboe index history as published at <c>cdn.cboe.com/api/global/us_indices/daily_prices/*_History.csv</c>:
/// either <c>DATE,OPEN,HIGH,LOW,CLOSE</c> (VIX, VIX9D, VIX3M, VIX6M) or a single value column
/// (<c>DATE,VVIX</c>, <c>DATE,SKEW</c>). Dates ISO or <c>MM/DD/YYYY</c> (Cboe's own download).
/// All values are index levels and must be positive.
/// </summary>
public static class CboeIndexReader
{
    /// <summary>Format name for OHLC files.</summary>
    public const string OhlcFormat = "cboe-ohlc";

    /// <summary>Format name for single-value files.</summary>
    public const string ValueFormat = "cboe-value";

    /// <summary>Reads a Cboe index file from disk.</summary>
    public static LoadedDaily Read(string path, string id, string? file = null)
    {
        file ??= Path.GetFileName(path);
        return Parse(CsvFile.ReadText(path, file), id, file);
    }

    /// <summary>Parses Cboe index text.</summary>
    public static LoadedDaily Parse(string text, string id, string file)
    {
        using var csv = CsvTable.FromText(text, file);
        int iDate = csv.Require("DATE", "Date");
        int iClose = csv.Find("CLOSE");
        if (iClose >= 0)
        {
            int iOpen = csv.Require("OPEN");
            int iHigh = csv.Require("HIGH");
            int iLow = csv.Require("LOW");
            int max = Math.Max(Math.Max(iDate, iClose), Math.Max(iOpen, Math.Max(iHigh, iLow)));
            var rows = new DailyRows(file, "OPEN", "HIGH", "LOW", "CLOSE");
            Span<double> v = stackalloc double[4];
            foreach (var row in csv.Rows)
            {
                int line = row.LineNumberFrom;
                csv.RequireColumns(row, max);
                var date = CsvField.Date(row[iDate].Span, file, line, csv.Name(iDate));
                v[0] = CsvField.Price(row[iOpen].Span, file, line, csv.Name(iOpen));
                v[1] = CsvField.Price(row[iHigh].Span, file, line, csv.Name(iHigh));
                v[2] = CsvField.Price(row[iLow].Span, file, line, csv.Name(iLow));
                v[3] = CsvField.Price(row[iClose].Span, file, line, csv.Name(iClose));
                rows.Add(date, line, v);
            }
            var series = new DailySeries(id, file, rows.Dates(), rows.Column(3), rows.Column(0), rows.Column(1), rows.Column(2));
            return new LoadedDaily(series, rows.Lines(), OhlcFormat, rows.Issues);
        }

        // A single-value file has exactly a date and a value column; more columns without CLOSE is an OHLC file whose
        // close column is missing or renamed (its first value column would be the OPEN, read as if it were the close).
        if (csv.Columns.Count != 2)
        {
            throw new DataFormatException(file, 1, "CLOSE", $"missing header column (expected 'CLOSE' or one value column; header is '{string.Join(",", csv.Columns)}')");
        }
        int iValue = iDate == 0 ? 1 : 0;
        var single = new DailyRows(file, csv.Name(iValue));
        Span<double> one = stackalloc double[1];
        foreach (var row in csv.Rows)
        {
            int line = row.LineNumberFrom;
            csv.RequireColumns(row, Math.Max(iDate, iValue));
            var date = CsvField.Date(row[iDate].Span, file, line, csv.Name(iDate));
            one[0] = CsvField.Price(row[iValue].Span, file, line, csv.Name(iValue));
            single.Add(date, line, one);
        }
        return new LoadedDaily(new DailySeries(id, file, single.Dates(), single.Column(0)), single.Lines(), ValueFormat, single.Issues);
    }
}
