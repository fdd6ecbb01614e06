using System.Security.Cryptography;
using System.Text;
using Alvh.Engine;

namespace Alvh.Ledger;

/// <summary>
/// The append-only record of every cash flow and position change. Cash per sleeve and positions
/// are derived from the entries as they are appended (never edited); the SHA-256 covers the
/// canonical text of every entry in order, so the same inputs and seed give the same hash.
/// </summary>
/// <remarks>
/// Sleeves and instruments get integer indices on their first entry; cash is an array by sleeve and open
/// positions live in reusable slots, so the engine's daily reads are array reads. Slots enumerate in
/// index order and a closed slot is reused by the next new position (most recently closed first): the
/// order of a dictionary's entries, which earlier versions used, so sums over positions keep their bits.
/// </remarks>
public sealed class TradeLedger
{
    // Linear scans beat hashing below this many open positions (the usual book: a few shares and legs).
    private const int ScanLimit = 8;

    // Grows as needed: a fixed 4,096-entry start (about 300 KB) lands on the large-object heap and forces a
    // full collection every few runs of a sweep.
    private readonly EntryRows _entries = new();
    private EntryList? _entryList;
    private string[] _sleeves = new string[4];
    private double[] _cash = new double[4];
    private int _sleeveCount;
    private readonly InstrumentTable _instruments = new();
    private PositionSlot[] _slots = new PositionSlot[8];
    private int _slotCount;
    private int _freeSlot = -1;
    private int _open;
    private readonly Dictionary<long, int> _slotIndex = [];
    // The hash and its buffers are made on the first call of Sha256.
    private readonly Lock _hashLock = new();
    private IncrementalHash? _hash;
    private int _hashed;
    private StringBuilder _line = null!;
    private char[] _chars = [];
    private byte[] _bytes = [];

    /// <summary>
    /// Stores this ledger's entries in <paramref name="store"/>'s chunks, reused from the ledger of the run before on the
    /// same buffers (whose entries then refuse to be read); before the first entry.
    /// </summary>
    internal void UseRowStore(ChunkStore<EntryChunk> store) => _entries.UseStore(store);

    /// <summary>All entries, in order.</summary>
    /// <remarks>A run on <see cref="Engine.RunBuffers"/> stores them in the buffers: after the next run on the same buffers, reading them throws <see cref="InvalidOperationException"/>.</remarks>
    public IReadOnlyList<LedgerEntry> Entries => _entryList ??= new EntryList(this);

    /// <summary>Open positions (non-zero quantity), in slot order.</summary>
    public IEnumerable<Position> Positions
    {
        get
        {
            for (int i = 0; i < _slotCount; i++)
            {
                if (_slots[i].Live) yield return _slots[i].Position;
            }
        }
    }

    /// <summary>The position slots in use so far (check <see cref="PositionSlot.Live"/>); invalidated by the next append.</summary>
    internal ReadOnlySpan<PositionSlot> Slots => _slots.AsSpan(0, _slotCount);

    /// <summary>Number of open positions.</summary>
    public int PositionCount => _open;

    /// <summary>Instruments that have had a position-moving entry or were interned by the engine.</summary>
    internal int InstrumentCount => _instruments.Count;

    /// <summary>The instrument with index <paramref name="index"/>.</summary>
    internal Instrument InstrumentAt(int index) => _instruments[index];

    /// <summary>Cash of one sleeve, dollars.</summary>
    public double Cash(string sleeve)
    {
        int i = SleeveIndex(sleeve);
        return i < 0 ? 0 : _cash[i];
    }

    /// <summary>Entries so far (changes with every append: the engine's sign that the book may have changed).</summary>
    internal int EntryCount => _entries.Count;

    /// <summary>Sleeves numbered so far.</summary>
    internal int SleeveCount => _sleeveCount;

    /// <summary>Name of the sleeve with ledger index <paramref name="sleeve"/>.</summary>
    internal string SleeveAt(int sleeve) => _sleeves[sleeve];

    /// <summary>Cash of the sleeve with ledger index <paramref name="sleeve"/>.</summary>
    internal double CashAt(int sleeve) => _cash[sleeve];

    /// <summary>Cash of all sleeves, dollars (summed in the order of their first entry).</summary>
    public double TotalCash()
    {
        double total = 0;
        for (int i = 0; i < _sleeveCount; i++) total += _cash[i];
        return total;
    }

    /// <summary>Index of a sleeve (order of its first entry), −1 before it has one.</summary>
    internal int SleeveIndex(string sleeve)
    {
        for (int i = 0; i < _sleeveCount; i++)
        {
            if (ReferenceEquals(_sleeves[i], sleeve)) return i;
        }
        for (int i = 0; i < _sleeveCount; i++)
        {
            if (string.Equals(_sleeves[i], sleeve, StringComparison.Ordinal)) return i;
        }
        return -1;
    }

    /// <summary>Index of an instrument, added to the table on first sight.</summary>
    internal int Intern(in Instrument instrument)
    {
        // The instrument interned last comes back most (a fill interns it, then its entry does): compared
        // field by field, its symbol by reference first, before the table is hashed.
        int last = _lastInterned;
        if (last >= 0 && InstrumentComparer.Instance.Equals(_instruments[last], instrument)) return last;
        return _lastInterned = Lookup(instrument);
    }

    /// <summary>
    /// The table's index of an instrument, added when new: first from a direct-mapped cache of
    /// <see cref="RecentSlots"/> indices keyed by strike, expiry and right (the legs a run's sleeves mark every
    /// day are few; the dictionary's hash and comparer calls took 4% of a full drip-condor-alvh run), then
    /// from the table's hash (<see cref="InstrumentTable"/>). Out of line: the hash's code, inlined, would enlarge
    /// the frames of the fill path.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private int Lookup(in Instrument instrument)
    {
        var recent = _recent ??= NewRecent();
        ref int cached = ref recent[RecentSlot(instrument)];
        int known = cached;
        if ((uint)known < (uint)_instruments.Count && InstrumentComparer.Instance.Equals(_instruments[known], instrument)) return known;
        int index = _instruments.GetOrAdd(instrument);
        cached = index;
        return index;
    }

    private const int RecentSlots = 64;
    private int[]? _recent;

    private static int[] NewRecent()
    {
        var recent = new int[RecentSlots];
        recent.AsSpan().Fill(-1);
        return recent;
    }

    /// <summary>The cache slot of an instrument: its strike's bits, expiry and right, mixed (Fibonacci hashing) into 6 bits.</summary>
    private static int RecentSlot(in Instrument instrument)
    {
        ulong strike = (ulong)BitConverter.DoubleToInt64Bits(instrument.Strike);
        uint key = (uint)strike ^ (uint)(strike >> 32) ^ ((uint)instrument.Expiry.DayNumber * 0x85EBCA77u) ^ (uint)instrument.Right;
        return (int)((key * 0x9E3779B1u) >> 26);
    }

    private int _lastInterned = -1;

    /// <summary>Quantity of <paramref name="instrument"/> held by <paramref name="sleeve"/>.</summary>
    public double Quantity(string sleeve, Instrument instrument) => OpenSlot(sleeve, instrument) is >= 0 and var i ? _slots[i].Position.Quantity : 0;

    /// <summary>
    /// Fees booked on <paramref name="sleeve"/>'s open position in <paramref name="instrument"/> since it opened, dollars
    /// (0 when none is open): what buying it (and any trade of it since) cost beyond its cost basis, which holds the prices only.
    /// </summary>
    public double FeesPaid(string sleeve, Instrument instrument) => OpenSlot(sleeve, instrument) is >= 0 and var i ? _slots[i].Fees : 0;

    /// <summary>The slot of <paramref name="sleeve"/>'s open position in <paramref name="instrument"/>, or −1.</summary>
    private int OpenSlot(string sleeve, in Instrument instrument)
    {
        int s = SleeveIndex(sleeve);
        if (s < 0 || _open == 0) return -1;
        if (_open <= ScanLimit)
        {
            var comparer = InstrumentComparer.Instance;
            for (int i = 0; i < _slotCount; i++)
            {
                ref readonly var slot = ref _slots[i];
                if (slot.Live && slot.Sleeve == s && comparer.Equals(slot.Position.Instrument, instrument)) return i;
            }
            return -1;
        }
        int k = _instruments.IndexOf(instrument);
        return k >= 0 && _slotIndex.TryGetValue(Key(s, k), out int found) ? found : -1;
    }

    /// <summary>The positions of one sleeve.</summary>
    public IEnumerable<Position> PositionsOf(string sleeve) => Positions.Where(p => p.Sleeve == sleeve);

    /// <summary>The instrument index stored for an entry without one (<c>default</c> instrument: pure cash).</summary>
    internal const int NoInstrument = -1;

    /// <summary>Appends an entry (its sequence is assigned here) and updates cash and positions.</summary>
    /// <exception cref="InvalidOperationException">An entry is not finite, or a later run on the same <see cref="Engine.RunBuffers"/> has reused this ledger's rows (the entry would overwrite one of that run's).</exception>
    public void Append(DateOnly date, EntryKind kind, string sleeve, in Instrument instrument, double quantity, double price, double cash, string reason)
    {
        // Before anything changes: a kept result's ledger whose rows a later run reused would write into that run's rows.
        _entries.ThrowIfReused();
        if (!double.IsFinite(cash) || !double.IsFinite(quantity) || !double.IsFinite(price)) throw NonFinite(date, sleeve, instrument, quantity, price, cash);
        int s = SleeveIndex(sleeve);
        if (s < 0) s = AddSleeve(sleeve);
        // Every instrument an entry names is numbered (a position's always was), so that the entry reads back
        // equal (InstrumentComparer) to the one appended; only the default instrument of a cash entry is not.
        int k = instrument.Symbol is null && instrument.Equals(default(Instrument)) ? NoInstrument : Intern(instrument);
        _entries.Add(new EntryRow { DayNumber = date.DayNumber, Kind = kind, Sleeve = s, Instrument = k, Quantity = quantity, Price = price, Cash = cash }, reason);
        _cash[s] += cash;
        if (LedgerEntry.Moves(kind, quantity)) Move(s, k, sleeve, instrument, quantity, cash);
        else if (kind == EntryKind.Fee && k != NoInstrument && _slotIndex.TryGetValue(Key(s, k), out int open)) _slots[open].Fees -= cash;
    }

    // Out of line: the message's formatting, inlined into the fill path with Append, enlarged its frame.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static InvalidOperationException NonFinite(DateOnly date, string sleeve, in Instrument instrument, double quantity, double price, double cash) =>
        new($"non-finite ledger entry on {date:yyyy-MM-dd} for {sleeve} {instrument.Id}: quantity {quantity}, price {price}, cash {cash}");

    /// <summary>Entry <paramref name="index"/> as appended (its sleeve and instrument from the ledger's tables: equal, as strings and by <see cref="InstrumentComparer"/>, to those given).</summary>
    private LedgerEntry EntryAt(int index)
    {
        ref readonly var row = ref _entries.Row(index);
        var instrument = row.Instrument == NoInstrument ? default : _instruments[row.Instrument];
        return new LedgerEntry(index, DateOnly.FromDayNumber(row.DayNumber), row.Kind, _sleeves[row.Sleeve], instrument, row.Quantity, row.Price, row.Cash, _entries.Reason(index));
    }

    /// <summary>The entries as <see cref="LedgerEntry"/> values, made when read.</summary>
    private sealed class EntryList(TradeLedger ledger) : IReadOnlyList<LedgerEntry>
    {
        public int Count => ledger._entries.Count;

        public LedgerEntry this[int index] => (uint)index < (uint)Count ? ledger.EntryAt(index) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<LedgerEntry> GetEnumerator()
        {
            for (int i = 0; i < Count; i++) yield return ledger.EntryAt(i);
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private int AddSleeve(string sleeve)
    {
        if (_sleeveCount == _sleeves.Length)
        {
            Array.Resize(ref _sleeves, 2 * _sleeveCount);
            Array.Resize(ref _cash, 2 * _sleeveCount);
        }
        _sleeves[_sleeveCount] = sleeve;
        return _sleeveCount++;
    }

    private static long Key(int sleeve, int instrument) => ((long)sleeve << 32) | (uint)instrument;

    private void Move(int sleeve, int instrument, string sleeveName, in Instrument what, double quantity, double cash)
    {
        long key = Key(sleeve, instrument);
        if (_slotIndex.TryGetValue(key, out int i))
        {
            ref var slot = ref _slots[i];
            double q = slot.Position.Quantity + quantity;
            if (Math.Abs(q) < 1e-9)
            {
                _slotIndex.Remove(key);
                slot.Live = false;
                slot.Position = default;
                slot.NextFree = _freeSlot;
                _freeSlot = i;
                _open--;
            }
            else
            {
                slot.Position = slot.Position with { Quantity = q, CostBasis = slot.Position.CostBasis - cash };
            }
            return;
        }
        if (Math.Abs(quantity) < 1e-9) return;
        if (_freeSlot >= 0)
        {
            i = _freeSlot;
            _freeSlot = _slots[i].NextFree;
        }
        else
        {
            if (_slotCount == _slots.Length) Array.Resize(ref _slots, 2 * _slotCount);
            i = _slotCount++;
        }
        // A new basis is 0 − cash, as the running basis starts from 0 (−cash would make a zero cash −0).
        _slots[i] = new PositionSlot { Position = new Position(sleeveName, what, quantity, 0 - cash), Sleeve = sleeve, Instrument = instrument, Live = true, NextFree = -1 };
        _slotIndex[key] = i;
        _open++;
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
        _hash!.AppendData(_bytes, 0, count);
    }

    /// <summary>
    /// Lower-case hex SHA-256 of ledger.csv's text so far (its header, then one line per entry, each ending in "\n"). The entries not yet hashed are
    /// hashed here, in order (formatting every entry's text as it is appended was a third of a full run's
    /// time, and most runs of a sweep or simulation never ask for the hash); the result is the same.
    /// </summary>
    public string Sha256()
    {
        lock (_hashLock)
        {
            if (_hash is null)
            {
                _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                _line = new StringBuilder(160);
                _chars = new char[256];
                _bytes = new byte[1024];
                // The header first: the hash is that of ledger.csv as written (sha256sum ledger.csv gives it); it covered
                // the entries' lines alone, so the file's own hash never matched.
                _line.Clear();
                _line.Append(LedgerText.Header).Append('\n');
                HashLine();
            }
            for (int i = _hashed; i < _entries.Count; i++)
            {
                _line.Clear();
                LedgerText.Append(_line, EntryAt(i));
                _line.Append('\n');
                HashLine();
            }
            _hashed = _entries.Count;
            return Convert.ToHexStringLower(_hash.GetCurrentHash());
        }
    }
}
