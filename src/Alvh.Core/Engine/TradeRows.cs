using Alvh.Ledger;

namespace Alvh.Engine;

/// <summary>
/// The fills of a run as the engine books them: per fill its numbers, sleeve, reason and the ledger's index of its
/// instrument, in chunks of 512 (never on the large-object heap; the first chunk starts at 32 and doubles). Read as
/// <see cref="TradeRecord"/> values, made with their instruments' text ids on the first read and kept (every read
/// after sees the same records; on <see cref="RunBuffers"/>, until the next run takes the chunks over, after which
/// every read throws, cached records or not: <see cref="UseStore"/>). Why not a list of records: a simulated path's run never reads its trades, and making
/// a record and an option's id per fill was 1.4 MB of a full-history drip-condor-alvh run's allocations and the id's
/// formatting 2.3% of its time.
/// </summary>
internal sealed class TradeRows(TradeLedger ledger) : IReadOnlyList<TradeRecord>
{
    private const int ChunkShift = 9;
    private const int ChunkSize = 1 << ChunkShift;
    private const int FirstChunk = 32;
    private readonly List<Row[]> _chunks = [];
    private readonly Lock _lock = new();
    private TradeRecord[]? _records;
    private Store? _store;
    private int _generation;
    private int _count;

    /// <summary>Fills booked.</summary>
    /// <exception cref="InvalidOperationException">A later run on the same store took the rows over (<see cref="UseStore"/>).</exception>
    public int Count
    {
        get
        {
            ThrowIfReused();
            return _count;
        }
    }

    /// <summary>
    /// Books the fills in <paramref name="store"/>'s chunks, reused from the run before on the same store (whose trades
    /// then refuse to be read), instead of chunks of their own. Only before the first fill.
    /// </summary>
    public void UseStore(Store store)
    {
        if (_count != 0) throw new InvalidOperationException("a run's trade store is chosen before its first fill");
        _store = store;
        _generation = store.Next();
    }

    /// <summary>Books one fill; <paramref name="instrument"/> is the ledger's index of its instrument.</summary>
    /// <exception cref="InvalidOperationException">A later run on the same store took the rows over: the fill would overwrite one of its.</exception>
    public void Add(DateOnly date, string sleeve, int instrument, double quantity, double price, double cost, string reason)
    {
        ThrowIfReused();
        int slot = _count & (ChunkSize - 1);
        if (slot == 0) _chunks.Add(NextChunk());
        var chunk = _chunks[^1];
        if (slot == chunk.Length)
        {
            Array.Resize(ref chunk, Math.Min(ChunkSize, 2 * chunk.Length));
            _chunks[^1] = chunk;
            if (_store is { } store) store.Chunks[_chunks.Count - 1] = chunk; // the store keeps the chunk as large as it grew
        }
        chunk[slot] = new Row(date, sleeve, instrument, quantity, price, cost, reason);
        _count++;
    }

    /// <summary>The store's chunk at this position when it has one, else a new one (kept by the store when there is one).</summary>
    private Row[] NextChunk()
    {
        int index = _chunks.Count;
        var store = _store;
        if (store is not null && index < store.Chunks.Count) return store.Chunks[index];
        var chunk = new Row[index == 0 ? FirstChunk : ChunkSize];
        store?.Chunks.Add(chunk);
        return chunk;
    }

    private void ThrowIfReused()
    {
        if (_store is not null && _store.Generation != _generation) throw Reused();
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static InvalidOperationException Reused() =>
        new("this run's trades were reused by a later run on the same RunBuffers: read a result's trades before the next run on its buffers");

    /// <inheritdoc />
    public TradeRecord this[int index] => (uint)index < (uint)Count ? Records()[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <inheritdoc />
    public IEnumerator<TradeRecord> GetEnumerator()
    {
        var records = Records();
        for (int i = 0; i < records.Length; i++) yield return records[i];
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The records of every fill booked, made on the first call (and for fills booked since, on the next).</summary>
    private TradeRecord[] Records()
    {
        ThrowIfReused();
        var records = Volatile.Read(ref _records);
        if (records is not null && records.Length == Count) return records;
        lock (_lock)
        {
            records = _records ?? [];
            if (records.Length == Count) return records;
            int made = records.Length;
            Array.Resize(ref records, Count);
            // An option is traded at least twice (opened, closed): its id is formatted once.
            var ids = new string?[ledger.InstrumentCount];
            for (int i = made; i < records.Length; i++)
            {
                ref readonly var row = ref _chunks[i >> ChunkShift][i & (ChunkSize - 1)];
                string id = ids[row.Instrument] ??= ledger.InstrumentAt(row.Instrument).Id;
                records[i] = new TradeRecord(row.Date, row.Sleeve, id, row.Quantity, row.Price, row.Cost, row.Reason);
            }
            Volatile.Write(ref _records, records);
            return records;
        }
    }

    /// <summary>
    /// Trade row chunks that runs on one <see cref="RunBuffers"/> reuse one after another (<see cref="UseStore"/>): each run
    /// overwrites the rows it books from the first, so the store ends as large as the busiest run's trades.
    /// </summary>
    internal sealed class Store
    {
        /// <summary>The chunks, in the order a run fills them.</summary>
        public List<Row[]> Chunks { get; } = [];

        /// <summary>Counts the runs given the store; a run's trades remember their own.</summary>
        public int Generation { get; private set; }

        /// <summary>Hands the store to a new run: the one before can no longer read its trades.</summary>
        public int Next() => ++Generation;
    }

    internal readonly record struct Row(DateOnly Date, string Sleeve, int Instrument, double Quantity, double Price, double Cost, string Reason);
}
