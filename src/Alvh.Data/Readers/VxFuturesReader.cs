using System.Globalization;
using Alvh.Data.Csv;
using Alvh.MarketData;

namespace Alvh.Data.Readers;

/// <summary>
/// VX (VIX futures) history per contract in long form: <c>trade_date,[contract_month,]expiration,[futures,]
/// open,high,low,close,settle,change,total_volume,efp,open_interest</c> — the old CFE files
/// (<c>CFE_xYY_VX.csv</c>, concatenated) and the Cboe CDN files (<c>VX_YYYY-MM-DD.csv</c>, combined).
/// Rules, each reported as a finding:
/// <list type="bullet">
/// <item>Prices before <see cref="RescaleDate"/> are quoted at 10× the VIX scale (CFE rescaled the
/// contract that day) and are divided by 10.</item>
/// <item>An open/high/low/close of 0 means no trade: NaN.</item>
/// <item>A settle of 0 means missing (listing days in the CFE files; 2013-01..07 in the CDN files): NaN.</item>
/// </list>
/// Rows are sorted by trade date, then expiration; negative prices are errors.
/// </summary>
public static class VxFuturesReader
{
    /// <summary>Format name.</summary>
    public const string Format = "vx-contracts";

    /// <summary>First trade date on the VIX scale; earlier CFE quotes are ×10.</summary>
    public static readonly DateOnly RescaleDate = new(2007, 3, 26);

    /// <summary>Reads a per-contract VX file from disk.</summary>
    public static Loaded<VxFuturesHistory> Read(string path, string id, string? file = null)
    {
        file ??= Path.GetFileName(path);
        return Parse(CsvFile.ReadText(path, file), id, file);
    }

    /// <summary>Parses per-contract VX text.</summary>
    public static Loaded<VxFuturesHistory> Parse(string text, string id, string file)
    {
        using var csv = CsvTable.FromText(text, file);
        int iTrade = csv.Require("trade_date", "Trade Date");
        int iExp = csv.Require("expiration", "expiration_date");
        int[] ip = [csv.Require("open"), csv.Require("high"), csv.Require("low"), csv.Require("close"), csv.Require("settle")];
        int iVol = csv.Require("total_volume", "Total Volume", "volume");
        int iOi = csv.Require("open_interest", "Open Interest");
        int max = new[] { iTrade, iExp, iVol, iOi, ip.Max() }.Max();

        var trade = new List<DateOnly>(30_000);
        var exp = new List<DateOnly>(30_000);
        var lines = new List<int>(30_000);
        var cols = Enumerable.Range(0, 7).Select(_ => new List<double>(30_000)).ToArray();
        var issues = new List<DataIssue>();
        int lastLine = 0, rescaled = 0, zeroSettle = 0, noTrade = 0;
        Span<double> v = stackalloc double[5];
        foreach (var row in csv.Rows)
        {
            int line = row.LineNumberFrom;
            csv.RequireColumns(row, max);
            var td = CsvField.Date(row[iTrade].Span, file, line, csv.Name(iTrade));
            var ed = CsvField.Date(row[iExp].Span, file, line, csv.Name(iExp));
            if (ed < td) throw new DataFormatException(file, line, csv.Name(iExp), $"expiration {DailyRows.Iso(ed)} is before the trade date {DailyRows.Iso(td)}");
            double scale = td < RescaleDate ? 0.1 : 1.0;
            if (scale != 1.0) rescaled++;
            for (int c = 0; c < 5; c++)
            {
                double x = CsvField.Number(row[ip[c]].Span, file, line, csv.Name(ip[c]));
                if (x < 0) throw new DataFormatException(file, line, csv.Name(ip[c]), $"price must not be negative, got {x.ToString(CultureInfo.InvariantCulture)}");
                v[c] = x == 0 ? double.NaN : x * scale;
            }
            if (double.IsNaN(v[3])) noTrade++;
            if (double.IsNaN(v[4])) zeroSettle++;
            double volume = CsvField.Number(row[iVol].Span, file, line, csv.Name(iVol));
            double oi = CsvField.Number(row[iOi].Span, file, line, csv.Name(iOi));
            // Counts of contracts, as the prices are checked above (a negative volume was read as given).
            if (volume < 0) throw new DataFormatException(file, line, csv.Name(iVol), $"volume must not be negative, got {volume.ToString(CultureInfo.InvariantCulture)}");
            if (oi < 0) throw new DataFormatException(file, line, csv.Name(iOi), $"open interest must not be negative, got {oi.ToString(CultureInfo.InvariantCulture)}");

            int n = trade.Count;
            if (n > 0)
            {
                var cmp = td.CompareTo(trade[n - 1]);
                if (cmp == 0) cmp = ed.CompareTo(exp[n - 1]);
                if (cmp < 0)
                {
                    throw new DataFormatException(file, line, csv.Name(iTrade),
                        $"rows out of order: {DailyRows.Iso(td)}/{DailyRows.Iso(ed)} follows {DailyRows.Iso(trade[n - 1])}/{DailyRows.Iso(exp[n - 1])} (line {lastLine}); expected trade date then expiration ascending");
                }
                if (cmp == 0)
                {
                    bool same = true;
                    for (int c = 0; c < 5; c++) same &= cols[c][n - 1].Equals(v[c]);
                    same &= cols[5][n - 1] == volume && cols[6][n - 1] == oi;
                    if (!same) throw new DataFormatException(file, line, "settle", $"duplicate trade date {DailyRows.Iso(td)} for contract {DailyRows.Iso(ed)} with different values (line {lastLine})");
                    issues.Add(new DataIssue(file, line, "duplicate", $"duplicate row {DailyRows.Iso(td)}/{DailyRows.Iso(ed)} (identical to line {lastLine}), dropped"));
                    continue;
                }
            }
            trade.Add(td);
            exp.Add(ed);
            lines.Add(line);
            for (int c = 0; c < 5; c++) cols[c].Add(v[c]);
            cols[5].Add(volume);
            cols[6].Add(oi);
            lastLine = line;
        }
        if (rescaled > 0) issues.Add(new DataIssue(file, 0, "rescaled", $"{rescaled} rows before {DailyRows.Iso(RescaleDate)} quoted at 10x the VIX scale: divided by 10", IssueSeverity.Info));
        if (zeroSettle > 0) issues.Add(new DataIssue(file, 0, "zero-settle", $"{zeroSettle} rows with settle 0 read as missing", IssueSeverity.Info));
        if (noTrade > 0) issues.Add(new DataIssue(file, 0, "no-trade", $"{noTrade} rows with zero OHLC (no trades that day): prices missing, settle kept", IssueSeverity.Info));
        var history = new VxFuturesHistory(id, file, trade.ToArray(), exp.ToArray(),
            cols[0].ToArray(), cols[1].ToArray(), cols[2].ToArray(), cols[3].ToArray(), cols[4].ToArray(), cols[5].ToArray(), cols[6].ToArray());
        return new Loaded<VxFuturesHistory>(history, Format, trade.Count, issues, lines.ToArray());
    }
}
