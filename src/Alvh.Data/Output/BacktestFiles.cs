using System.Globalization;
using System.Text;
using Alvh.Engine;
using Alvh.Ledger;

namespace Alvh.Data.Output;

/// <summary>
/// The files of one backtest run: <c>daily.csv</c> (<c>date,equity,cash,</c> one value column per
/// sleeve, named as the sleeve or, for a name of a fixed column, <c>cashSleeve</c>, <c>vix,drawdown</c>), <c>trades.csv</c> (every fill: date, sleeve, instrument, quantity,
/// price, cost, reason) and <c>ledger.csv</c> (every ledger entry; its SHA-256, as sha256sum computes it, is summary.json's ledgerSha256).
/// Numbers are written in round-trip format with the invariant culture, so the same run gives the
/// same bytes.
/// </summary>
public static class BacktestFiles
{
    /// <summary>Writes the three CSV files into <paramref name="folder"/>.</summary>
    public static void Write(string folder, BacktestResult result)
    {
        AtomicWriter.Write(Path.Combine(folder, "daily.csv"), w => Daily(w, result));
        AtomicWriter.Write(Path.Combine(folder, "trades.csv"), w => Trades(w, result));
        AtomicWriter.Write(Path.Combine(folder, "ledger.csv"), w => LedgerCsv(w, result.Ledger));
    }

    /// <summary>Writes daily.csv.</summary>
    public static void Daily(TextWriter w, BacktestResult result)
    {
        w.Write("date,equity,cash");
        // A sleeve named as a fixed column (the cash sleeve of cashAllocation is "cash") is written <name>Sleeve: the header
        // read date,equity,cash,cash,vix,drawdown, two columns of one name.
        foreach (var s in result.Sleeves) w.Write("," + (s is "date" or "equity" or "cash" or "vix" or "drawdown" ? s + "Sleeve" : s));
        w.WriteLine(",vix,drawdown");
        var sb = new StringBuilder(256);
        foreach (var d in result.Daily)
        {
            sb.Clear();
            sb.Append(d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',').Append(N(d.Equity)).Append(',').Append(N(d.Cash));
            foreach (var v in d.SleeveValues) sb.Append(',').Append(N(v));
            sb.Append(',').Append(N(d.Vix)).Append(',').Append(N(d.Drawdown));
            w.WriteLine(sb.ToString());
        }
    }

    /// <summary>Writes trades.csv.</summary>
    public static void Trades(TextWriter w, BacktestResult result)
    {
        w.WriteLine("date,sleeve,instrument,quantity,price,cost,reason");
        foreach (var t in result.Trades)
        {
            w.WriteLine(string.Join(',', t.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), t.Sleeve, t.Instrument, N(t.Quantity), N(t.Price), N(t.Cost), Quote(t.Reason)));
        }
    }

    /// <summary>Writes ledger.csv.</summary>
    public static void LedgerCsv(TextWriter w, TradeLedger ledger)
    {
        w.WriteLine(LedgerText.Header);
        var sb = new StringBuilder(160);
        foreach (var e in ledger.Entries)
        {
            sb.Clear();
            LedgerText.Append(sb, e);
            w.WriteLine(sb.ToString());
        }
    }

    private static string N(double v) => double.IsNaN(v) ? "" : v.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
