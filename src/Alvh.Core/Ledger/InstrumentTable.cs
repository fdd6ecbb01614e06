using Alvh.Engine;

namespace Alvh.Ledger;

/// <summary>
/// The ledger's numbered instruments: each instrument once, numbered in order of first sight, found again by
/// an open-addressing hash of indices (<see cref="InstrumentComparer"/>'s equality and hash). Instruments are
/// stored in chunks of <see cref="ChunkSize"/> and the hash is an <see cref="int"/> array, so nothing reaches
/// the large-object heap below <see cref="LargeTableAbove"/> instruments.
/// </summary>
/// <remarks>
/// Why not a list and a <c>Dictionary&lt;Instrument, int&gt;</c>: a ten-year path of drip-condor-alvh numbers
/// about 2,500 option legs, and the list's 40-byte and the dictionary's 56-byte entries then outgrew 85 KB,
/// so every path allocated (and regrew) large objects. Each of those allocations counts against the
/// large-object budget, whose excess triggers a full collection: the Monte Carlo of the real system ran one
/// for every ten paths.
/// </remarks>
internal sealed class InstrumentTable
{
    private const int ChunkShift = 10;
    private const int ChunkSize = 1 << ChunkShift;
    private const int FirstChunk = 8;

    /// <summary>Instruments beyond which the hash (at most half full) is larger than 85 KB.</summary>
    internal const int LargeTableAbove = 8_192;

    private readonly List<Instrument[]> _chunks = [];
    // Index + 1 of the instrument in each slot; 0 for an empty slot. Power-of-two length, at most half full.
    private int[] _slots = new int[16];

    /// <summary>Instruments numbered so far.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Instrument number <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>). The reference is valid until
    /// the next <see cref="GetOrAdd"/> (the first chunk is replaced as it grows).
    /// </summary>
    public ref readonly Instrument this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            return ref At(index);
        }
    }

    /// <summary>Instrument number <paramref name="index"/>, unchecked against <see cref="Count"/> (the hash's own numbers).</summary>
    private ref Instrument At(int index) => ref _chunks[index >> ChunkShift][index & (ChunkSize - 1)];

    /// <summary>The number of <paramref name="instrument"/>, or −1 when it has none.</summary>
    public int IndexOf(in Instrument instrument)
    {
        var comparer = InstrumentComparer.Instance;
        int mask = _slots.Length - 1;
        for (int slot = Home(instrument, mask); ; slot = (slot + 1) & mask)
        {
            int stored = _slots[slot] - 1;
            if (stored < 0) return -1;
            if (comparer.Equals(At(stored), instrument)) return stored;
        }
    }

    /// <summary>The number of <paramref name="instrument"/>, numbered next when it has none.</summary>
    public int GetOrAdd(in Instrument instrument)
    {
        int found = IndexOf(instrument);
        if (found >= 0) return found;
        int index = Count;
        int chunk = index >> ChunkShift, at = index & (ChunkSize - 1);
        // The first chunk starts small and doubles (a run of one equity keeps a small table), the others are full size.
        if (chunk == _chunks.Count) _chunks.Add(new Instrument[chunk == 0 ? FirstChunk : ChunkSize]);
        else if (at == _chunks[chunk].Length)
        {
            var grown = _chunks[chunk];
            Array.Resize(ref grown, Math.Min(ChunkSize, 2 * grown.Length));
            _chunks[chunk] = grown;
        }
        _chunks[chunk][at] = instrument;
        Count = index + 1;
        if (2 * Count > _slots.Length) Grow();
        else Place(index, instrument);
        return index;
    }

    // Fibonacci hashing of the comparer's hash; its top 25 bits (tables up to 2²⁵ slots).
    private static int Home(in Instrument instrument, int mask) =>
        (int)(((uint)InstrumentComparer.Instance.GetHashCode(instrument) * 0x9E3779B1u) >> 7) & mask;

    private void Place(int index, in Instrument instrument)
    {
        int mask = _slots.Length - 1;
        int slot = Home(instrument, mask);
        while (_slots[slot] != 0) slot = (slot + 1) & mask;
        _slots[slot] = index + 1;
    }

    /// <summary>Doubles the hash and places every instrument again.</summary>
    private void Grow()
    {
        _slots = new int[2 * _slots.Length];
        for (int i = 0; i < Count; i++) Place(i, At(i));
    }
}
