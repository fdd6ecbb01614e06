namespace Alvh.Ledger;

/// <summary>
/// The ledger's entries as stored: per entry one <see cref="EntryRow"/> of numbers and indices (no
/// references) and its reason, in chunks of 512 (about 24 KB: never on the large-object heap); the first
/// chunk starts at 32 entries and doubles (a short ledger stays small). Why not chunks of
/// <see cref="LedgerEntry"/>: that 96-byte struct holds three references (sleeve, reason, the instrument's
/// symbol), so the JIT stored one through three write-barrier helper calls and two <c>rep movsq</c>, in a
/// method with a 584-byte frame zeroed on every call: 64–72 ns an entry on this machine. A row is plain
/// stores; the reason is the one reference.
/// </summary>
internal sealed class EntryRows
{
    private const int ChunkShift = 9;
    private const int ChunkSize = 1 << ChunkShift;
    private const int FirstChunk = 32;
    private readonly List<EntryChunk> _chunks = [];
    private EntryChunk? _last;
    private ChunkLease<EntryChunk> _lease;
    private int _count;

    /// <summary>Entries stored.</summary>
    /// <exception cref="InvalidOperationException">The rows were reused by a later run (<see cref="UseStore"/>).</exception>
    public int Count
    {
        get
        {
            ThrowIfReused();
            return _count;
        }
    }

    /// <summary>
    /// Stores the rows in <paramref name="store"/>'s chunks, reused from the run before on the same store, instead of
    /// chunks of their own; the rows of that run become unreadable (<see cref="InvalidOperationException"/>). Only while
    /// empty.
    /// </summary>
    public void UseStore(ChunkStore<EntryChunk> store) => _lease.Take(store, _count, What);

    /// <summary>Stores one entry.</summary>
    public void Add(in EntryRow row, string reason)
    {
        int slot = _count & (ChunkSize - 1);
        var chunk = _last;
        if (slot == 0 || chunk is null)
        {
            chunk = _lease.Chunk(_chunks.Count, static index => new EntryChunk(index == 0 ? FirstChunk : ChunkSize));
            _chunks.Add(chunk);
            _last = chunk;
        }
        else if (slot == chunk.Rows.Length)
        {
            chunk.Grow(Math.Min(ChunkSize, 2 * chunk.Rows.Length));
        }
        chunk.Rows[slot] = row;
        chunk.Reasons[slot] = reason;
        _count++;
    }

    /// <summary>The row of entry <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>, checked by the caller).</summary>
    public ref readonly EntryRow Row(int index)
    {
        ThrowIfReused();
        return ref _chunks[index >> ChunkShift].Rows[index & (ChunkSize - 1)];
    }

    /// <summary>The reason of entry <paramref name="index"/>.</summary>
    public string Reason(int index)
    {
        ThrowIfReused();
        return _chunks[index >> ChunkShift].Reasons[index & (ChunkSize - 1)];
    }

    /// <summary>
    /// Throws <see cref="InvalidOperationException"/> when a later run on the same store has taken the rows over: a read
    /// would show its entries, and an append would overwrite one of them.
    /// </summary>
    public void ThrowIfReused() => _lease.ThrowIfReused(What);

    private const string What = "ledger entries";
}

/// <summary>One chunk of ledger rows and their reasons.</summary>
internal sealed class EntryChunk(int capacity)
{
    public EntryRow[] Rows = new EntryRow[capacity];
    public string[] Reasons = new string[capacity];

    public void Grow(int capacity)
    {
        Array.Resize(ref Rows, capacity);
        Array.Resize(ref Reasons, capacity);
    }
}
