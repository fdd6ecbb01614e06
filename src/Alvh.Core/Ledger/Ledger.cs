using System.Security.Cryptography;
using System.Text;
using Alvh.Engine;

namespace Alvh.Ledger;

/// <summary>
/// The append-only record of every cash flow and position change. Cash per sleeve and positions
/// are derived from the entries as they are appended (never edited); the SHA-256 covers the
/// canonical text of every entry in order, so the same inputs and seed give the same hash.
/// </summary>
public sealed class TradeLedger
{
    // Grows as needed: a fixed 4,096-entry start (about 300 KB) lands on the large-object heap and forces a
    // full collection every few runs of a sweep.
    private readonly ChunkedList<LedgerEntry> _entries = new();
    private readonly Dictionary<string, double> _cash = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Sleeve, Instrument Instrument), Position> _positions = new(InstrumentComparer.Instance);
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly StringBuilder _line = new(160);
    private char[] _chars = new char[256];
    private byte[] _bytes = new byte[1024];

    /// <summary>All entries, in order.</summary>
    public IReadOnlyList<LedgerEntry> Entries => _entries;

    /// <summary>Open positions (non-zero quantity), in no particular order.</summary>
    public IEnumerable<Position> Positions => _positions.Values;

    /// <summary>
    /// Open positions as the dictionary's own value collection: the same order as <see cref="Positions"/>,
    /// enumerated without allocating (the engine walks it several times a day).
    /// </summary>
    internal Dictionary<(string Sleeve, Instrument Instrument), Position>.ValueCollection OpenPositions => _positions.Values;

    /// <summary>Number of open positions.</summary>
    public int PositionCount => _positions.Count;

    /// <summary>Cash of one sleeve, dollars.</summary>
    public double Cash(string sleeve) => _cash.GetValueOrDefault(sleeve);

    /// <summary>Cash of all sleeves, dollars.</summary>
    public double TotalCash()
    {
        double total = 0;
        foreach (var c in _cash.Values) total += c;
        return total;
    }

    /// <summary>Quantity of <paramref name="instrument"/> held by <paramref name="sleeve"/>.</summary>
    public double Quantity(string sleeve, Instrument instrument) =>
        _positions.TryGetValue((sleeve, instrument), out var p) ? p.Quantity : 0;

    /// <summary>The positions of one sleeve.</summary>
    public IEnumerable<Position> PositionsOf(string sleeve) => _positions.Values.Where(p => p.Sleeve == sleeve);

    /// <summary>Appends an entry (its sequence is assigned here) and updates cash and positions.</summary>
    public LedgerEntry Append(DateOnly date, EntryKind kind, string sleeve, Instrument instrument, double quantity, double price, double cash, string reason)
    {
        if (!double.IsFinite(cash) || !double.IsFinite(quantity) || !double.IsFinite(price))
        {
            throw new InvalidOperationException($"non-finite ledger entry on {date:yyyy-MM-dd} for {sleeve} {instrument.Id}: quantity {quantity}, price {price}, cash {cash}");
        }
        var entry = new LedgerEntry(_entries.Count, date, kind, sleeve, instrument, quantity, price, cash, reason);
        _entries.Add(entry);
        _cash[sleeve] = _cash.GetValueOrDefault(sleeve) + cash;
        if (entry.MovesPosition)
        {
            var key = (sleeve, instrument);
            var p = _positions.GetValueOrDefault(key, new Position(sleeve, instrument, 0, 0));
            double q = p.Quantity + quantity;
            if (Math.Abs(q) < 1e-9) _positions.Remove(key);
            else _positions[key] = p with { Quantity = q, CostBasis = p.CostBasis - cash };
        }
        _line.Clear();
        LedgerText.Append(_line, entry);
        _line.Append('\n');
        HashLine();
        return entry;
    }

    /// <summary>Hashes the UTF-8 bytes of <see cref="_line"/> through reused buffers (the same bytes as encoding its string).</summary>
    private void HashLine()
    {
        int length = _line.Length;
        if (_chars.Length < length) _chars = new char[Math.Max(length, 2 * _chars.Length)];
        _line.CopyTo(0, _chars, 0, length);
        var text = _chars.AsSpan(0, length);
        int max = Encoding.UTF8.GetMaxByteCount(length);
        if (_bytes.Length < max) _bytes = new byte[Math.Max(max, 2 * _bytes.Length)];
        int count = Encoding.UTF8.GetBytes(text, _bytes);
        _hash.AppendData(_bytes, 0, count);
    }

    /// <summary>Lower-case hex SHA-256 of the canonical text of all entries so far.</summary>
    public string Sha256() => Convert.ToHexStringLower(_hash.GetCurrentHash());
}
