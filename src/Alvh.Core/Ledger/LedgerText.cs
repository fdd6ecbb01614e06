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
        ArgumentNullException.ThrowIfNull(sb);
        var c = CultureInfo.InvariantCulture;
        // Interpolated appends format straight into the builder (no intermediate strings); the text is
        // identical to ToString(format, invariant culture).
        sb.Append(c, $"{e.Sequence},{e.Date:yyyy-MM-dd},").Append(KindName(e.Kind)).Append(',')
          .Append(e.Sleeve).Append(',');
        if (e.Instrument.Symbol is not null) AppendInstrument(sb, e.Instrument);
        // + 0.0 makes a negative zero 0: a long option settled worthless booked -0 cash (332 lines of the study's condor ledgers).
        sb.Append(c, $",{e.Quantity + 0.0:R},{e.Price + 0.0:R},{e.Cash + 0.0:R},")
          .Append(Quote(e.Reason));
    }

    private static readonly string[] KindNames = [.. Enum.GetValues<EntryKind>().Select(k => k.ToString().ToLowerInvariant())];

    private static string KindName(EntryKind kind) => (uint)kind < (uint)KindNames.Length ? KindNames[(int)kind] : kind.ToString().ToLowerInvariant();

    /// <summary>The same text as <see cref="Engine.Instrument.Id"/>, written into the builder.</summary>
    private static void AppendInstrument(StringBuilder sb, in Engine.Instrument i)
    {
        if (!i.IsOption)
        {
            sb.Append(i.Symbol);
            return;
        }
        sb.Append(CultureInfo.InvariantCulture, $"{i.Symbol} {i.Expiry:yyyy-MM-dd} {(i.Right == Pricing.OptionRight.Call ? 'C' : 'P')} {i.Strike:0.##}");
    }

    private static string Quote(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
