using Alvh.Data.Csv;
using Alvh.Data.Readers;
using Alvh.MarketData;

namespace Alvh.Cli.Commands;

/// <summary>The bars an indicator runs on: dates oldest first, closes, and high/low when the source has them.</summary>
internal sealed record IndicatorBars(string Source, DateOnly[] Dates, double[] Close, double[]? High, double[]? Low)
{
    /// <summary>The CSV rows dropped as identical duplicates of the row before them (each with its line), for a note.</summary>
    public IReadOnlyList<DataIssue> Dropped { get; init; } = [];

    /// <summary>
    /// The bars without the rows that have no close, and how many were left out. Every indicator then reads the same
    /// bars: FRED leaves its holidays blank, and the windowed ones (SMA, Bollinger, z-score, realised vol) gave nothing for
    /// any window holding a blank, ROC counted the blank as a bar and EMA, RSI and MACD stepped over it.
    /// </summary>
    public (IndicatorBars Bars, int Skipped) WithoutMissingCloses()
    {
        int kept = 0;
        foreach (double c in Close) if (!double.IsNaN(c)) kept++;
        if (kept == Close.Length) return (this, 0);
        var dates = new DateOnly[kept];
        var close = new double[kept];
        var high = High is null ? null : new double[kept];
        var low = Low is null ? null : new double[kept];
        for (int i = 0, j = 0; i < Close.Length; i++)
        {
            if (double.IsNaN(Close[i])) continue;
            dates[j] = Dates[i];
            close[j] = Close[i];
            if (high is not null) high[j] = High![i];
            if (low is not null) low[j] = Low![i];
            j++;
        }
        return (new IndicatorBars(Source, dates, close, high, low), Close.Length - kept);
    }

    /// <summary>The dates that have a close but lack a high or a low (none when the source has no high/low columns at all).</summary>
    public IReadOnlyList<DateOnly> WithoutRange()
    {
        if (High is null || Low is null) return [];
        var dates = new List<DateOnly>();
        for (int i = 0; i < Close.Length; i++)
        {
            if (!double.IsNaN(Close[i]) && (double.IsNaN(High[i]) || double.IsNaN(Low[i]))) dates.Add(Dates[i]);
        }
        return dates;
    }

    /// <summary>A daily series of the data set (its own rows, not calendar-aligned: no NaN padding).</summary>
    public static IndicatorBars FromSeries(DailySeries series) => new(series.Id, series.Dates, series.Close, series.High, series.Low);

    /// <summary>
    /// A CSV file with a <c>Date,Close</c> header and optional <c>Open,High,Low</c> columns, read with the data
    /// layer's helpers: an empty value is missing (NaN), bad dates or numbers and dates out of order are
    /// <see cref="DataFormatException"/>s naming <paramref name="displayName"/>, the line and the field.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="displayName">Its name in errors.</param>
    /// <param name="checkRange">Refuse a high below its low (for the indicators that read them; the others read closes only,
    /// and Cboe's own VIX6M history has such a row, 2019-07-05, which refused an SMA of its closes).</param>
    public static IndicatorBars FromCsv(string path, string displayName, bool checkRange = true)
    {
        using var csv = CsvTable.Open(path, displayName);
        int iDate = csv.Require("Date");
        int iClose = csv.Require("Close");
        int iHigh = csv.Find("High");
        int iLow = csv.Find("Low");
        bool hasRange = iHigh >= 0 && iLow >= 0;
        int max = Math.Max(Math.Max(iDate, iClose), hasRange ? Math.Max(iHigh, iLow) : 0);
        var rows = hasRange ? new DailyRows(displayName, csv.Name(iClose), csv.Name(iHigh), csv.Name(iLow)) : new DailyRows(displayName, csv.Name(iClose));
        Span<double> values = stackalloc double[3];
        foreach (var row in csv.Rows)
        {
            int line = row.LineNumberFrom;
            csv.RequireColumns(row, max);
            var date = CsvField.Date(row[iDate].Span, displayName, line, csv.Name(iDate));
            values[0] = CsvField.NumberOrMissing(row[iClose].Span, displayName, line, csv.Name(iClose));
            if (hasRange)
            {
                values[1] = CsvField.NumberOrMissing(row[iHigh].Span, displayName, line, csv.Name(iHigh));
                values[2] = CsvField.NumberOrMissing(row[iLow].Span, displayName, line, csv.Name(iLow));
                // A high below the low made the true range, and so the ATR, negative.
                if (checkRange && values[1] < values[2])
                {
                    throw new DataFormatException(displayName, line, csv.Name(iHigh), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{values[1]} is below {csv.Name(iLow)} {values[2]}"));
                }
            }
            rows.Add(date, line, values[..(hasRange ? 3 : 1)]);
        }
        if (rows.Count == 0) throw new DataFormatException(displayName, 0, null, "no data rows (expected a Date,Close header and one row per day)");
        return new IndicatorBars(displayName, rows.Dates(), rows.Column(0), hasRange ? rows.Column(1) : null, hasRange ? rows.Column(2) : null)
        {
            Dropped = rows.Issues,
        };
    }
}
