using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Alvh.Indicators;

/// <summary>
/// For <see cref="QuantisedRankCounts"/>: links each bar to the previous bar whose 16-bit key falls in the
/// same bucket (the low 12 bits of the key), so that a bar's window can be searched for bars with its own
/// key without a pass over the window. Why buckets rather than one entry per key: a 4,096-entry table
/// (16 KB) stays in the first-level cache, where a 65,536-entry one (256 KB) made every link a
/// second-level miss (a separate marking pass cost 15 µs at 10,000 bars); a bucket can also hold other
/// keys, which the search skips. Linking is one load and two stores per bar, done inside the vector
/// count loop, whose compares leave the scalar ports and the store unit idle.
/// </summary>
internal readonly ref struct KeyChains
{
    /// <summary>Buckets in the table (a power of two).</summary>
    public const int Buckets = 4096;

    /// <summary>The table's entry for a bucket no bar has entered: further back than any window.</summary>
    public const int Never = int.MinValue / 2;

    private readonly ref short _keys;
    private readonly ref int _previous;
    private readonly ref int _lastInBucket;

    /// <param name="keys">The bars' keys.</param>
    /// <param name="previous">Receives, per bar, the previous bar of its bucket (<see cref="Never"/> when none).</param>
    /// <param name="lastInBucket"><see cref="Buckets"/> entries, each set to <see cref="Never"/>.</param>
    public KeyChains(ReadOnlySpan<short> keys, Span<int> previous, Span<int> lastInBucket)
    {
        _ = previous[keys.Length - 1];
        _ = lastInBucket[Buckets - 1];
        _keys = ref MemoryMarshal.GetReference(keys);
        _previous = ref MemoryMarshal.GetReference(previous);
        _lastInBucket = ref MemoryMarshal.GetReference(lastInBucket);
    }

    /// <summary>Links <paramref name="bar"/>; bars must be linked in increasing order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Link(int bar)
    {
        // Unsigned indices: no sign extensions in the loop that does this once per bar.
        ref int last = ref Unsafe.Add(ref _lastInBucket, (nuint)((uint)Unsafe.Add(ref _keys, (nuint)(uint)bar) & (Buckets - 1)));
        Unsafe.Add(ref _previous, (nuint)(uint)bar) = last;
        last = bar;
    }

    /// <summary>Links bars <paramref name="from"/> to <paramref name="to"/> − 1.</summary>
    public void Link(int from, int to)
    {
        for (int bar = from; bar < to; bar++) Link(bar);
    }

    /// <summary>The key of a bar.</summary>
    public short Key(int bar) => Unsafe.Add(ref _keys, bar);

    /// <summary>The previous bar of a linked bar's bucket (<see cref="Never"/> when none).</summary>
    public int Previous(int bar) => Unsafe.Add(ref _previous, bar);

    /// <summary>
    /// Appends to <paramref name="list"/> (at <paramref name="count"/>, which it advances) each of the linked
    /// bars <paramref name="block"/> .. <paramref name="block"/> + 31 whose bucket has an earlier bar at most
    /// <paramref name="period"/> − 1 bars back: the bars whose window may hold their key. Vector compares and
    /// a compress, no branch on the data; the list needs 16 free entries past its end.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Flag(int block, int period, ref int list, ref int count)
    {
        var bars = Vector512.Create(block) + Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        var reach = Vector512.Create(period);
        for (int half = 0; half < 2; half++)
        {
            var near = Vector512.LessThan(bars - Vector512.LoadUnsafe(ref _previous, (nuint)(block + 16 * half)), reach);
            Avx512F.Compress(Vector512<int>.Zero, near, bars).StoreUnsafe(ref list, (nuint)count);
            count += BitOperations.PopCount((uint)near.ExtractMostSignificantBits());
            bars += Vector512.Create(16);
        }
    }
}
