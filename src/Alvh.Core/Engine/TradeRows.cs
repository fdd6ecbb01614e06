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
    private ChunkLease<Row[]> _lease;
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
    public void UseStore(ChunkStore<Row[]> store) => _lease.Take(store, _count, What);

    /// <summary>Books one fill; <paramref name="instrument"/> is the ledger's index of its instrument.</summary>
    /// <exception cref="InvalidOperationException">A later run on the same store took the rows over: the fill would overwrite one of its.</exception>
    public void Add(DateOnly date, string sleeve, int instrument, double quantity, double price, double cost, string reason)
    {
        ThrowIfReused();
        int slot = _count & (ChunkSize - 1);
        if (slot == 0) _chunks.Add(_lease.Chunk(_chunks.Count, static index => new Row[index == 0 ? FirstChunk : ChunkSize]));
        var chunk = _chunks[^1];
        if (slot == chunk.Length)
        {
            Array.Resize(ref chunk, Math.Min(ChunkSize, 2 * chunk.Length));
            _chunks[^1] = chunk;
            _lease.Replace(_chunks.Count - 1, chunk); // the store keeps the chunk as large as it grew
        }
        chunk[slot] = new Row(date, sleeve, instrument, quantity, price, cost, reason);
        _count++;
    }

    private void ThrowIfReused() => _lease.ThrowIfReused(What);

    private const string What = "trades";

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

    internal readonly record struct Row(DateOnly Date, string Sleeve, int Instrument, double Quantity, double Price, double Cost, string Reason);
}
