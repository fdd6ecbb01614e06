using System.Globalization;
using Alvh.Data.Csv;
using Alvh.MarketData;

namespace Alvh.Data.Readers;

/// <summary>
/// Dividend lists: an ex-date column (<c>ex_date</c>, <c>Date</c>), an amount column and an optional
/// pay-date column (<c>pay_date</c>). When the file carries both <c>amount_precise</c> (the issuer's
/// 6-decimal distribution) and <c>amount_yahoo</c> (Yahoo's 3-decimal rounding), the precise amount is
/// used where present and Yahoo's otherwise — a documented rule, reported. Amounts are dollars per
/// share and must be positive; ex-dates strictly increasing.
/// </summary>
public static class DividendReader
{
    /// <summary>Format name.</summary>
    public const string Format = "dividends";

    /// <summary>
    /// Largest gap between the precise and the other amount of one distribution read without a finding, dollars per
    /// share (a cent: Yahoo's amounts are rounded to 3 decimals).
    /// </summary>
    public const double DisagreementTolerance = 0.01;

    /// <summary>Reads a dividend list from disk.</summary>
    public static Loaded<DividendSeries> Read(string path, string id, string? file = null)
    {
        file ??= Path.GetFileName(path);
        return Parse(CsvFile.ReadText(path, file), id, file);
    }

    /// <summary>Parses a dividend list.</summary>
    public static Loaded<DividendSeries> Parse(string text, string id, string file)
    {
        using var csv = CsvTable.FromText(text, file);
        int iDate = csv.Require("ex_date", "ex-date", "exdate", "Date");
        int iPrecise = csv.Find("amount_precise");
        int iAmount = csv.Require("amount", "amount_yahoo", "Dividends", "Dividend", "amount_precise");
        int iPay = csv.Find("pay_date", "payment_date", "paydate");
        int iNote = csv.Find("note");
        int max = new[] { iDate, iAmount, iPrecise, iPay }.Max();
        var list = new List<Dividend>(200);
        var issues = new List<DataIssue>();
        int lastLine = 0, precise = 0;
        foreach (var row in csv.Rows)
        {
            int line = row.LineNumberFrom;
            csv.RequireColumns(row, max);
            var exDate = CsvField.Date(row[iDate].Span, file, line, csv.Name(iDate));
            double amount = double.NaN;
            if (iPrecise >= 0 && iPrecise != iAmount)
            {
                amount = CsvField.NumberOrMissing(row[iPrecise].Span, file, line, csv.Name(iPrecise));
                if (!double.IsNaN(amount)) precise++;
            }
            int amountColumn = double.IsNaN(amount) ? iAmount : iPrecise;
            if (double.IsNaN(amount)) amount = CsvField.Number(row[iAmount].Span, file, line, csv.Name(iAmount));
            else if (CsvField.NumberOrMissing(row[iAmount].Span, file, line, csv.Name(iAmount)) is var other && Math.Abs(other - amount) > DisagreementTolerance)
            {
                // The precise amount was taken over the other without a word however far apart they were (the shared file's
                // widest gap, 2021-12-17, is 0.0034 and carries a note).
                issues.Add(new DataIssue(file, line, "source-disagreement", string.Create(CultureInfo.InvariantCulture,
                    $"{DailyRows.Iso(exDate)}: {csv.Name(iPrecise)} {amount} and {csv.Name(iAmount)} {other} differ by more than {DisagreementTolerance}; {csv.Name(iPrecise)} used")));
            }
            if (amount <= 0) throw new DataFormatException(file, line, csv.Name(amountColumn), $"dividend amount must be positive, got {amount.ToString(CultureInfo.InvariantCulture)}");
            DateOnly? pay = null;
            if (iPay >= 0 && !row[iPay].Span.Trim().IsEmpty)
            {
                var p = CsvField.Date(row[iPay].Span, file, line, csv.Name(iPay));
                if (p < exDate) throw new DataFormatException(file, line, csv.Name(iPay), $"pay date {DailyRows.Iso(p)} is before the ex-date {DailyRows.Iso(exDate)}");
                pay = p;
            }
            if (list.Count > 0)
            {
                var prev = list[^1];
                if (exDate < prev.ExDate) throw new DataFormatException(file, line, csv.Name(iDate), $"dates out of order: {DailyRows.Iso(exDate)} follows {DailyRows.Iso(prev.ExDate)} (line {lastLine})");
                if (exDate == prev.ExDate)
                {
                    if (prev.Amount != amount || prev.PayDate != pay)
                    {
                        throw new DataFormatException(file, line, csv.Name(amountColumn), $"duplicate date {DailyRows.Iso(exDate)} with different values (line {lastLine})");
                    }
                    issues.Add(new DataIssue(file, line, "duplicate", $"duplicate row for {DailyRows.Iso(exDate)} (identical to line {lastLine}), dropped"));
                    continue;
                }
            }
            if (iNote >= 0 && !row[iNote].Span.Trim().IsEmpty)
            {
                issues.Add(new DataIssue(file, line, "source-note", $"{DailyRows.Iso(exDate)}: {row[iNote].Span.Trim().ToString()}", IssueSeverity.Warning));
            }
            list.Add(new Dividend(exDate, amount, pay));
            lastLine = line;
        }
        if (precise > 0)
        {
            issues.Add(new DataIssue(file, 0, "amount-rule", $"amount_precise used for {precise} rows, amount_yahoo for {list.Count - precise}", IssueSeverity.Info));
        }
        return new Loaded<DividendSeries>(new DividendSeries(id, file, list), Format, list.Count, issues);
    }
}
