using System.Collections;

namespace Alvh.Ledger;

/// <summary>
/// An append-only list stored in fixed chunks of 512 items: growing never copies what is already
/// stored (a <see cref="List{T}"/> of ledger entries re-allocated and copied about twice its final size,
/// mostly on the large-object heap), and each chunk stays below the large-object threshold.
/// </summary>
/// <typeparam name="T">Item type.</typeparam>
internal sealed class ChunkedList<T> : IReadOnlyList<T>
{
    private const int ChunkShift = 9;
    private const int ChunkSize = 1 << ChunkShift;
    private const int FirstChunk = 32;
    private readonly List<T[]> _chunks = [];

    /// <inheritdoc />
    public int Count { get; private set; }

    /// <inheritdoc />
    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            return _chunks[index >> ChunkShift][index & (ChunkSize - 1)];
        }
    }

    /// <summary>Appends an item.</summary>
    public void Add(in T item)
    {
        int slot = Count & (ChunkSize - 1);
        if (slot == 0) _chunks.Add(new T[_chunks.Count == 0 ? FirstChunk : ChunkSize]);
        var chunk = _chunks[^1];
        if (slot == chunk.Length)
        {
            // The first chunk starts small and doubles up to the chunk size (a short ledger stays small).
            Array.Resize(ref chunk, Math.Min(ChunkSize, 2 * chunk.Length));
            _chunks[^1] = chunk;
        }
        chunk[slot] = item;
        Count++;
    }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator()
    {
        for (int i = 0; i < Count; i++) yield return _chunks[i >> ChunkShift][i & (ChunkSize - 1)];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
