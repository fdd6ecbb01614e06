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
    private readonly List<Chunk> _chunks = [];
    private Chunk? _last;

    /// <summary>Entries stored.</summary>
    public int Count { get; private set; }

    /// <summary>Stores one entry.</summary>
    public void Add(in EntryRow row, string reason)
    {
        int slot = Count & (ChunkSize - 1);
        var chunk = _last;
        if (slot == 0 || chunk is null)
        {
            chunk = new Chunk(_chunks.Count == 0 ? FirstChunk : ChunkSize);
            _chunks.Add(chunk);
            _last = chunk;
        }
        else if (slot == chunk.Rows.Length)
        {
            chunk.Grow(Math.Min(ChunkSize, 2 * chunk.Rows.Length));
        }
        chunk.Rows[slot] = row;
        chunk.Reasons[slot] = reason;
        Count++;
    }

    /// <summary>The row of entry <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>, checked by the caller).</summary>
    public ref readonly EntryRow Row(int index) => ref _chunks[index >> ChunkShift].Rows[index & (ChunkSize - 1)];

    /// <summary>The reason of entry <paramref name="index"/>.</summary>
    public string Reason(int index) => _chunks[index >> ChunkShift].Reasons[index & (ChunkSize - 1)];

    private sealed class Chunk(int capacity)
    {
        public EntryRow[] Rows = new EntryRow[capacity];
        public string[] Reasons = new string[capacity];

        public void Grow(int capacity)
        {
            Array.Resize(ref Rows, capacity);
            Array.Resize(ref Reasons, capacity);
        }
    }
}
