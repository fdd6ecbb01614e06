using System.Globalization;
using System.Text;

namespace Alvh.Ledger;

/// <summary>
/// The canonical text of a ledger entry — one CSV line of <c>ledger.csv</c>, also what the SHA-256
/// covers: <c>sequence,date,kind,sleeve,instrument,quantity,price,cash,reason</c> with numbers in
/// round-trip format and the invariant culture.
/// </summary>
public static class LedgerText
{
    /// <summary>The header of <c>ledger.csv</c>.</summary>
    public const string Header = "sequence,date,kind,sleeve,instrument,quantity,price,cash,reason";

    /// <summary>Appends the canonical line of <paramref name="e"/> (without newline).</summary>
    public static void Append(StringBuilder sb, in LedgerEntry e)
    {
        var c = CultureInfo.InvariantCulture;
        sb.Append(e.Sequence.ToString(c)).Append(',')
          .Append(e.Date.ToString("yyyy-MM-dd", c)).Append(',')
          .Append(e.Kind.ToString().ToLowerInvariant()).Append(',')
          .Append(e.Sleeve).Append(',')
          .Append(e.Instrument.Symbol is null ? "" : e.Instrument.Id).Append(',')
          .Append(e.Quantity.ToString("R", c)).Append(',')
          .Append(e.Price.ToString("R", c)).Append(',')
          .Append(e.Cash.ToString("R", c)).Append(',')
          .Append(Quote(e.Reason));
    }

    private static string Quote(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
