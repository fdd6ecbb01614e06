using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Alvh.Indicators;

/// <summary>
/// Exact percentile ranks counted on 16-bit keys, 32 bars per AVX-512 compare, for the batch
/// <see cref="PercentRank"/>. Each value gets the key ⌊(x − min)·65535/(max − min)⌋ (min and max of the
/// whole input), which never decreases as x increases. So when today's key differs from another day's,
/// the keys order the two days as the values do; only equal keys are ambiguous. Each bar counts the
/// other days' keys below its own (<see cref="KeyCounts"/>) and takes its percentile from a table of the
/// possible counts; a bar whose key no other day of its window shares has its exact answer (values
/// below = keys below, no value equal). Bars that may share one are found from chains of bars by key
/// bucket (<see cref="KeyChains"/>), listed during the count and resolved after it: the window's days
/// with the bar's key are compared on the doubles (or, past <see cref="LongestChain"/> steps, the window
/// is recounted by <see cref="RankCounts"/>). Why: four times the lanes of a compare on doubles and half
/// the compares; on market data only a few per cent of bars share a key (ties of the values themselves
/// always do). Why not sort instead: sorting all bars by value and sweeping a bitset of bar positions
/// (a popcount per window) was measured at 10,000 bars on this machine at about 100 µs for a 252-bar
/// window, the two-pass radix sort alone near 50 µs; it only overtook counting beyond windows of about
/// 600 bars, so it was not kept.
/// </summary>
internal static class QuantisedRankCounts
{
    private const int Lanes = KeyCounts.Lanes;
    private const double TopKey = 65535.0;

    // A bar's chain is walked this many steps at most; past that a vector recount is cheaper.
    private const int LongestChain = 16;

    /// <summary>
    /// Writes the rank of every bar i ≥ period − 1 (NaN windows are the caller's to blank, and
    /// <paramref name="hasMissing"/> says whether there are any); false, with nothing written, when the
    /// hardware lacks AVX-512BW, a value is infinite, the window exceeds 32,768 values or the input is
    /// shorter than one block: the caller then counts on the doubles.
    /// </summary>
    public static bool TryPercentRanks(ReadOnlySpan<double> values, int period, Span<double> output, out bool hasMissing)
    {
        hasMissing = false;
        int lags = period - 1;
        if (!Vector512.IsHardwareAccelerated || !Avx512BW.IsSupported || lags > short.MaxValue || values.Length < lags + Lanes)
        {
            return false;
        }
        Range(values, out double min, out double max, out hasMissing);
        double scale = max > min ? TopKey / (max - min) : 0.0;
        if (!double.IsFinite(min) || !double.IsFinite(max) || !double.IsFinite(scale)) return false;

        int length = values.Length;
        // Long windows find bars that may share their key by chains, short ones by compares (see Count).
        bool chained = lags >= KeyCounts.PairedFrom;
        short[] rentedKeys = ArrayPool<short>.Shared.Rent(length);
        short[] rentedCounts = ArrayPool<short>.Shared.Rent(length);
        // Room for the last block's repeats and a compress store's 16 entries past the end.
        int[] rentedFlagged = ArrayPool<int>.Shared.Rent(length + 2 * Lanes + 16);
        double[] rentedPercents = ArrayPool<double>.Shared.Rent(period);
        int[] rentedPrevious = ArrayPool<int>.Shared.Rent(chained ? length : 1);
        int[] rentedLastInBucket = ArrayPool<int>.Shared.Rent(chained ? KeyChains.Buckets : 1);
        try
        {
            var keys = rentedKeys.AsSpan(0, length);
            var counts = rentedCounts.AsSpan(0, length);
            Quantise(values, min, scale, keys);
            // The percentile of every possible count with no value equal: RankCounts.Percent(c, 1, period).
            var percents = rentedPercents.AsSpan(0, period);
            for (int c = 0; c < period; c++) percents[c] = RankCounts.Percent(c, 1, period);
            var chains = default(KeyChains);
            if (chained)
            {
                var lastInBucket = rentedLastInBucket.AsSpan(0, KeyChains.Buckets);
                lastInBucket.Fill(KeyChains.Never);
                chains = new KeyChains(keys, rentedPrevious.AsSpan(0, length), lastInBucket);
            }

            int flagged = 0;
            ref int flaggedList = ref MemoryMarshal.GetArrayDataReference(rentedFlagged);
            if (chained) CountChained(keys, chains, percents, counts, ref flaggedList, ref flagged, output);
            else CountComparing(keys, percents, counts, ref flaggedList, ref flagged, output);
            foreach (int bar in rentedFlagged.AsSpan(0, flagged))
            {
                if (!chained || !TrySameKeyCounts(values, chains, bar, bar - lags, out int below, out int equal))
                {
                    RankCounts.Count(values.Slice(bar - lags, period), values[bar], out below, out equal);
                    output[bar] = RankCounts.Percent(below, equal, period);
                }
                else if (below + equal > 0)
                {
                    // Otherwise its key's other days are all above it and the table's percentile stands.
                    output[bar] = RankCounts.Percent(counts[bar] + below, equal + 1, period);
                }
            }
        }
        finally
        {
            ArrayPool<short>.Shared.Return(rentedKeys);
            ArrayPool<short>.Shared.Return(rentedCounts);
            ArrayPool<int>.Shared.Return(rentedPrevious);
            ArrayPool<int>.Shared.Return(rentedFlagged);
            ArrayPool<int>.Shared.Return(rentedLastInBucket);
            ArrayPool<double>.Shared.Return(rentedPercents);
        }
        return true;
    }

    /// <summary>
    /// Short windows (fewer than <see cref="KeyCounts.PairedFrom"/> other bars): blocks of 32 bars from index
    /// period − 1 (the last one ending at the last bar, repeating some), each bar's count of keys below, its
    /// percentile from <paramref name="percents"/> and its count kept in <paramref name="counts"/>; the bars
    /// whose window holds their key, found by a second compare per lag, are appended to the flagged list
    /// (to be recounted).
    /// </summary>
    private static void CountComparing(ReadOnlySpan<short> keys, ReadOnlySpan<double> percents, Span<short> counts, ref int flaggedList, ref int flagged, Span<double> output)
    {
        int lags = percents.Length - 1;
        ref short start = ref MemoryMarshal.GetReference(keys);
        for (int i = lags; i < keys.Length; i += Lanes)
        {
            i = Math.Min(i, keys.Length - Lanes);
            var below = KeyCounts.CountBelowAndShared(ref Unsafe.Add(ref start, i - lags), lags, Vector512.LoadUnsafe(ref start, (nuint)i), out var shared);
            Finish(below, i, percents, counts, output);
            var bars = Vector512.Create(i) + Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
            var (low, high) = Vector512.Widen(shared);
            Append(ref flaggedList, ref flagged, low, bars);
            Append(ref flaggedList, ref flagged, high, bars + Vector512.Create(16));
        }
    }

    /// <summary>
    /// Long windows: as <see cref="CountComparing"/>, two blocks at a time (<see cref="KeyCounts.CountPair"/>,
    /// which links the bars into <paramref name="chains"/>), then single blocks; the flagged bars are those
    /// whose bucket chain reaches into their window (resolved by walking it). Why the repeating last block:
    /// counting a short tail on the doubles cost 1 µs for 21 bars of a 252-bar window.
    /// </summary>
    private static void CountChained(ReadOnlySpan<short> keys, KeyChains chains, ReadOnlySpan<double> percents, Span<short> counts, ref int flaggedList, ref int flagged, Span<double> output)
    {
        int period = percents.Length;
        int lags = period - 1;
        ref short start = ref MemoryMarshal.GetReference(keys);
        chains.Link(0, lags);
        int i = lags;
        for (; i <= keys.Length - 2 * Lanes; i += 2 * Lanes)
        {
            KeyCounts.CountPair(ref start, i, lags, chains, out var first, out var second);
            Finish(first, i, percents, counts, output);
            Finish(second, i + Lanes, percents, counts, output);
            chains.Flag(i, period, ref flaggedList, ref flagged);
            chains.Flag(i + Lanes, period, ref flaggedList, ref flagged);
        }
        // The bars left, one block at a time; the last block ends at the last bar and may repeat bars
        // already done (same counts, same percentiles, flagged twice: resolving is idempotent).
        int linked = i;
        for (; i < keys.Length; i += Lanes)
        {
            i = Math.Min(i, keys.Length - Lanes);
            var below = KeyCounts.CountBelow(ref Unsafe.Add(ref start, i - lags), lags, Vector512.LoadUnsafe(ref start, (nuint)i));
            chains.Link(linked, i + Lanes);
            linked = i + Lanes;
            Finish(below, i, percents, counts, output);
            chains.Flag(i, period, ref flaggedList, ref flagged);
        }
    }

    /// <summary>Appends the <paramref name="bars"/> whose lane of <paramref name="mask"/> is set (a compress; the list needs 16 free entries past its end).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Append(ref int list, ref int count, Vector512<int> mask, Vector512<int> bars)
    {
        Avx512F.Compress(Vector512<int>.Zero, mask, bars).StoreUnsafe(ref list, (nuint)count);
        count += BitOperations.PopCount((uint)mask.ExtractMostSignificantBits());
    }

    /// <summary>
    /// Writes <c>percents[count]</c> for the block's 32 bars and keeps their counts. Why a table and gathers
    /// rather than 100·count/(n − 1) in vectors: four vector divisions per block cost more than eight
    /// gathers from a table that stays in the first-level cache (3 µs at 10,000 bars on this machine).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Finish(Vector512<short> below, int block, ReadOnlySpan<double> percents, Span<short> counts, Span<double> output)
    {
        below.StoreUnsafe(ref MemoryMarshal.GetReference(counts), (nuint)block);
        ref double destination = ref Unsafe.Add(ref MemoryMarshal.GetReference(output), block);
        var (low, high) = Vector512.Widen(below.AsUInt16());
        var first = low.GetLower().AsInt32();
        var second = low.GetUpper().AsInt32();
        var third = high.GetLower().AsInt32();
        var fourth = high.GetUpper().AsInt32();
        fixed (double* table = percents)
        {
            Avx2.GatherVector256(table, first.GetLower(), 8).StoreUnsafe(ref destination);
            Avx2.GatherVector256(table, first.GetUpper(), 8).StoreUnsafe(ref destination, 4);
            Avx2.GatherVector256(table, second.GetLower(), 8).StoreUnsafe(ref destination, 8);
            Avx2.GatherVector256(table, second.GetUpper(), 8).StoreUnsafe(ref destination, 12);
            Avx2.GatherVector256(table, third.GetLower(), 8).StoreUnsafe(ref destination, 16);
            Avx2.GatherVector256(table, third.GetUpper(), 8).StoreUnsafe(ref destination, 20);
            Avx2.GatherVector256(table, fourth.GetLower(), 8).StoreUnsafe(ref destination, 24);
            Avx2.GatherVector256(table, fourth.GetUpper(), 8).StoreUnsafe(ref destination, 28);
        }
    }

    /// <summary>
    /// Of the window bars [<paramref name="from"/>, bar) with the bar's key, those below and equal to it on
    /// the doubles, found by walking the bar's bucket chain (other keys in the bucket are skipped; bars
    /// with a smaller key were counted by the compares). False after <see cref="LongestChain"/> steps
    /// (values crowded into few keys, e.g. by an outlier stretching the range): the caller then recounts
    /// the window with vector compares.
    /// </summary>
    private static bool TrySameKeyCounts(ReadOnlySpan<double> values, KeyChains chains, int bar, int from, out int below, out int equal)
    {
        double value = values[bar];
        short key = chains.Key(bar);
        below = 0;
        equal = 0;
        int steps = 0;
        for (int other = chains.Previous(bar); other >= from; other = chains.Previous(other))
        {
            if (++steps > LongestChain) return false;
            if (chains.Key(other) != key) continue;
            if (values[other] < value) below++;
            else if (values[other] == value) equal++;
        }
        return true;
    }

    /// <summary>Smallest and largest non-NaN value (+∞ and −∞ when there is none), and whether there is a NaN.</summary>
    private static void Range(ReadOnlySpan<double> values, out double min, out double max, out bool hasMissing)
    {
        ref double start = ref MemoryMarshal.GetReference(values);
        var positive = Vector512.Create(double.PositiveInfinity);
        var negative = Vector512.Create(double.NegativeInfinity);
        // Native min and max (one instruction; NaN lanes are replaced first), two of each so that each
        // waits on the one before last rather than the last.
        var min0 = positive;
        var min1 = positive;
        var max0 = negative;
        var max1 = negative;
        var numbers = Vector512<double>.AllBitsSet;
        int i = 0;
        for (; i <= values.Length - 2 * Vector512<double>.Count; i += 2 * Vector512<double>.Count)
        {
            var x = Vector512.LoadUnsafe(ref start, (nuint)i);
            var y = Vector512.LoadUnsafe(ref start, (nuint)(i + Vector512<double>.Count));
            var xIsNumber = Vector512.Equals(x, x);
            var yIsNumber = Vector512.Equals(y, y);
            numbers &= xIsNumber & yIsNumber;
            min0 = Vector512.MinNative(min0, Vector512.ConditionalSelect(xIsNumber, x, positive));
            min1 = Vector512.MinNative(min1, Vector512.ConditionalSelect(yIsNumber, y, positive));
            max0 = Vector512.MaxNative(max0, Vector512.ConditionalSelect(xIsNumber, x, negative));
            max1 = Vector512.MaxNative(max1, Vector512.ConditionalSelect(yIsNumber, y, negative));
        }
        var minLanes = Vector512.MinNative(min0, min1);
        var maxLanes = Vector512.MaxNative(max0, max1);
        min = double.PositiveInfinity;
        max = double.NegativeInfinity;
        // Compared as bits: as doubles, all-bits-set lanes are NaNs, which never equal themselves (so the
        // doubles' != said "missing" for every input, and every call paid a pass to blank windows that had none).
        hasMissing = numbers.AsUInt64() != Vector512<ulong>.AllBitsSet;
        for (int lane = 0; lane < Vector512<double>.Count; lane++)
        {
            min = Math.Min(min, minLanes[lane]);
            max = Math.Max(max, maxLanes[lane]);
        }
        for (; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]))
            {
                hasMissing = true;
                continue;
            }
            min = Math.Min(min, values[i]);
            max = Math.Max(max, values[i]);
        }
    }

    /// <summary>
    /// key = ⌊min((x − min)·scale, 65535)⌋ − 32768 (signed, so signed compares order it). Every step is
    /// monotone in x; truncation is the floor because x − min ≥ 0. A NaN gets an arbitrary key: its
    /// windows are blanked. Sixteen values per step: truncated to 32-bit integers, narrowed to 16 bits
    /// (the low half of each), and offset by flipping the sign bit (k − 32768 for 0 ≤ k ≤ 65535).
    /// </summary>
    private static void Quantise(ReadOnlySpan<double> values, double min, double scale, Span<short> keys)
    {
        ref double start = ref MemoryMarshal.GetReference(values);
        ref short key = ref MemoryMarshal.GetReference(keys);
        var low = Vector512.Create(min);
        var factor = Vector512.Create(scale);
        var top = Vector512.Create(TopKey);
        var signBit = Vector256.Create(short.MinValue);
        int i = 0;
        for (; i <= values.Length - 16; i += 16)
        {
            var first = Scaled(Vector512.LoadUnsafe(ref start, (nuint)i), low, factor, top);
            var second = Scaled(Vector512.LoadUnsafe(ref start, (nuint)(i + 8)), low, factor, top);
            (Avx512F.ConvertToVector256Int16(Vector512.Create(first, second)) ^ signBit).StoreUnsafe(ref key, (nuint)i);
        }
        for (; i < values.Length; i++)
        {
            double x = values[i];
            keys[i] = double.IsNaN(x) ? (short)0 : (short)((long)Math.Min((x - min) * scale, TopKey) - 32768L);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Scaled(Vector512<double> x, Vector512<double> low, Vector512<double> factor, Vector512<double> top)
    {
        var scaled = (x - low) * factor;
        return Avx512F.ConvertToVector256Int32WithTruncation(Vector512.ConditionalSelect(Vector512.GreaterThan(scaled, top), top, scaled));
    }
}
