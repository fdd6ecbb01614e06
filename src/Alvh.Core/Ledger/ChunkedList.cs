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
        if (slot == 0) _chunks.Add(new T[ChunkSize]);
        _chunks[^1][slot] = item;
        Count++;
    }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator()
    {
        for (int i = 0; i < Count; i++) yield return _chunks[i >> ChunkShift][i & (ChunkSize - 1)];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
