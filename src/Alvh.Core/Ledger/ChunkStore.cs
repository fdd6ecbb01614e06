namespace Alvh.Ledger;

/// <summary>
/// Row chunks that runs on one <see cref="Engine.RunBuffers"/> reuse one after another (the ledger's entries, the trades):
/// each run overwrites the rows it books from the first, so the store ends as large as the longest run's rows.
/// </summary>
/// <typeparam name="TChunk">A chunk of rows.</typeparam>
internal sealed class ChunkStore<TChunk>
    where TChunk : class
{
    /// <summary>The chunks, in the order a run fills them.</summary>
    public List<TChunk> Chunks { get; } = [];

    /// <summary>Counts the runs given the store; a run's rows remember their own.</summary>
    public int Generation { get; private set; }

    /// <summary>Hands the store to a new run: the one before can no longer read its rows.</summary>
    public int Next() => ++Generation;
}

/// <summary>
/// A run's hold on a <see cref="ChunkStore{TChunk}"/> (none: the rows' chunks are the run's own): the chunks it hands out,
/// and the check that a later run has not taken them over.
/// </summary>
/// <typeparam name="TChunk">A chunk of rows.</typeparam>
internal struct ChunkLease<TChunk>
    where TChunk : class
{
    private ChunkStore<TChunk>? _store;
    private int _generation;

    /// <summary>
    /// Takes <paramref name="store"/> for rows that hold nothing yet (<paramref name="count"/> 0; <paramref name="what"/>
    /// names them in the error): the rows of the run before on it become unreadable.
    /// </summary>
    public void Take(ChunkStore<TChunk> store, int count, string what)
    {
        if (count != 0) throw new InvalidOperationException($"the store of a run's {what} is chosen before its first row");
        _store = store;
        _generation = store.Next();
    }

    /// <summary>
    /// Throws <see cref="Engine.RunBuffersReusedException"/> (an <see cref="InvalidOperationException"/>) when a later run on the same store has taken the rows over: a read
    /// would show its rows, and a write would overwrite one of them.
    /// </summary>
    public readonly void ThrowIfReused(string what)
    {
        if (_store is not null && _store.Generation != _generation) throw Reused(what);
    }

    /// <summary>
    /// The chunk at position <paramref name="index"/>: the store's when it has one (kept as large as it grew), else a new
    /// one made by <paramref name="create"/>, which the store keeps.
    /// </summary>
    public readonly TChunk Chunk(int index, Func<int, TChunk> create)
    {
        var store = _store;
        if (store is not null && index < store.Chunks.Count) return store.Chunks[index];
        var chunk = create(index);
        store?.Chunks.Add(chunk);
        return chunk;
    }

    /// <summary>Puts the chunk at <paramref name="index"/>, grown into a new array, back in the store (nothing without one).</summary>
    public readonly void Replace(int index, TChunk chunk)
    {
        if (_store is not null) _store.Chunks[index] = chunk;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static Engine.RunBuffersReusedException Reused(string what) =>
        new($"this run's {what} were reused by a later run on the same RunBuffers: read a result's {what} before the next run on its buffers");
}
