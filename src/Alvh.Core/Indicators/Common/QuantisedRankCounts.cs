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
/// other days' keys below its own; a bar whose key no other day of its window shares has its exact
/// answer (values below = keys below, no value equal), and a bar with one adds the window's days with its
/// key compared on the doubles (from a chain of previous days with the same key, or a recount by
/// <see cref="RankCounts"/> for short windows and long chains). Which bars share a key is found
/// beforehand from the last day each key was seen, so the vector loop is one compare per lag. Why: four
/// times the lanes of a compare on doubles and half the compares; on market data only a few per cent of
/// bars share a key (ties of the values themselves always do). Why not sort instead: sorting all bars
/// by value and sweeping a bitset of bar positions (a popcount per window) was measured at 10,000 bars
/// on this machine at about 100 µs for a 252-bar window, the two-pass radix sort alone near 50 µs; it
/// only overtook counting beyond windows of about 600 bars, so it was not kept.
/// </summary>
internal static class QuantisedRankCounts
{
    private const int Lanes = 32; // Vector512<short>.Count
    private const double TopKey = 65535.0;
    private const int KeyCount = 65536;

    // Short windows find shared keys with a second vector compare per lag: the last-seen table costs a
    // scalar pass over the bars, the compares grow with the window. Measured at 10,000 bars (min of 1,000
    // runs, this machine): 30-bar window 32 µs with compares vs 37 µs with the table; 45-bar window 43 µs
    // vs 40 µs; 63-bar window 46 µs vs 44 µs.
    private const int SharedKeyTableFrom = 40;

    // A window's bars with today's key are walked one by one; past this many a vector recount is cheaper.
    private const int LongestChain = 16;

    /// <summary>
    /// Writes the rank of every bar i ≥ period − 1 (NaN windows are the caller's to blank); false, with
    /// nothing written, when the hardware lacks AVX-512BW, a value is infinite, the window exceeds 32,768
    /// values or the input is shorter than one block: the caller then counts on the doubles.
    /// </summary>
    public static bool TryPercentRanks(ReadOnlySpan<double> values, int period, Span<double> output)
    {
        int lags = period - 1;
        if (!Vector512.IsHardwareAccelerated || !Avx512BW.IsSupported || lags > short.MaxValue || values.Length < lags + Lanes)
        {
            return false;
        }
        Range(values, out double min, out double max);
        double scale = max > min ? TopKey / (max - min) : 0.0;
        if (!double.IsFinite(min) || !double.IsFinite(max) || !double.IsFinite(scale)) return false;

        short[] rented = ArrayPool<short>.Shared.Rent(values.Length);
        byte[] rentedFlags = ArrayPool<byte>.Shared.Rent(values.Length);
        bool table = period >= SharedKeyTableFrom;
        int[] rentedLastSeen = ArrayPool<int>.Shared.Rent(table ? KeyCount : 1);
        int[] rentedPrevious = ArrayPool<int>.Shared.Rent(table ? values.Length : 1);
        try
        {
            var keys = rented.AsSpan(0, values.Length);
            var shared = rentedFlags.AsSpan(0, values.Length);
            Quantise(values, min, scale, keys);
            var previousSame = table ? rentedPrevious.AsSpan(0, values.Length) : [];
            if (table)
            {
                MarkSharedKeys(keys, period, rentedLastSeen.AsSpan(0, KeyCount), shared, previousSame);
            }
            else
            {
                CountEqualKeys(keys, period, shared);
            }
            int i = Count(values, keys, shared, previousSame, period, output);
            for (; i < values.Length; i++)
            {
                RankCounts.Count(values.Slice(i - lags, period), values[i], out int below, out int equal);
                output[i] = RankCounts.Percent(below, equal, period);
            }
        }
        finally
        {
            ArrayPool<short>.Shared.Return(rented);
            ArrayPool<byte>.Shared.Return(rentedFlags);
            ArrayPool<int>.Shared.Return(rentedLastSeen);
            ArrayPool<int>.Shared.Return(rentedPrevious);
        }
        return true;
    }

    /// <summary>
    /// Marks bar i (0xFF in <paramref name="shared"/>) when one of the other period − 1 days of its window
    /// has the same key: the last day each key was seen is kept in <paramref name="lastSeen"/>. Only those
    /// bars need the equal count, so the vector loop counts keys below and nothing else; each bar's
    /// previous bar with its key (or −1) goes to <paramref name="previousSame"/>. The table is not
    /// cleared (a 256 KB fill per call): an entry is believed only if it names an earlier
    /// bar with the same key, and a stale entry cannot, since that bar would have overwritten it.
    /// </summary>
    private static void MarkSharedKeys(ReadOnlySpan<short> keys, int period, Span<int> lastSeen, Span<byte> shared, Span<int> previousSame)
    {
        shared = shared[..keys.Length];
        previousSame = previousSame[..keys.Length];
        _ = lastSeen[KeyCount - 1];
        ref short keyStart = ref MemoryMarshal.GetReference(keys);
        ref int table = ref MemoryMarshal.GetReference(lastSeen);
        for (int i = 0; i < keys.Length; i++)
        {
            short key = Unsafe.Add(ref keyStart, i);
            ref int last = ref Unsafe.Add(ref table, key + 32768);
            int previous = last;
            // previous < i is checked first, so the key read stays inside the input.
            bool seen = (uint)previous < (uint)i && Unsafe.Add(ref keyStart, previous) == key;
            shared[i] = seen && i - previous < period ? (byte)0xFF : (byte)0;
            previousSame[i] = seen ? previous : -1;
            last = i;
        }
    }

    /// <summary>
    /// The marks of <see cref="MarkSharedKeys"/> by compares: 32 bars at a time, a bar is marked when a key
    /// of the other period − 1 days of its window equals its own (bars the vector blocks miss stay unmarked;
    /// <see cref="Count"/> does not read them).
    /// </summary>
    private static void CountEqualKeys(ReadOnlySpan<short> keys, int period, Span<byte> shared)
    {
        int lags = period - 1;
        ref short start = ref MemoryMarshal.GetReference(keys);
        ref byte flags = ref MemoryMarshal.GetReference(shared);
        for (int i = lags; i <= keys.Length - Lanes; i += Lanes)
        {
            var today = Vector512.LoadUnsafe(ref start, (nuint)i);
            var equal = Vector512<short>.Zero;
            ref short window = ref Unsafe.Add(ref start, i - lags);
            for (int k = 0; k < lags; k++)
            {
                equal |= Vector512.Equals(Vector512.LoadUnsafe(ref window, (nuint)k), today);
            }
            // Narrowing keeps each lane's sign bit pattern: 0xFFFF becomes 0xFF, 0 stays 0.
            Vector512.Narrow(equal, equal).GetLower().AsByte().StoreUnsafe(ref flags, (nuint)i);
        }
    }

    /// <summary>Blocks of 32 bars from index period − 1; returns the first bar not done.</summary>
    private static int Count(ReadOnlySpan<double> values, ReadOnlySpan<short> keys, ReadOnlySpan<byte> shared, ReadOnlySpan<int> previousSame, int period, Span<double> output)
    {
        int lags = period - 1;
        ref short start = ref MemoryMarshal.GetReference(keys);
        ref byte flags = ref MemoryMarshal.GetReference(shared);
        ref double result = ref MemoryMarshal.GetReference(output);
        var hundred = Vector512.Create(100.0);
        var others = Vector512.Create((double)lags);
        Span<short> keysBelow = stackalloc short[Lanes];
        int i = lags;
        for (; i <= keys.Length - Lanes; i += Lanes)
        {
            var today = Vector512.LoadUnsafe(ref start, (nuint)i);
            ref short window = ref Unsafe.Add(ref start, i - lags);
            var belowLanes = CountBelow(ref window, lags, today);
            // No shared key: below + ½·0 = below, so RankCounts.Percent is 100·below/(n − 1).
            var (low, high) = Vector512.Widen(belowLanes);
            var (q0, q1) = Vector512.Widen(low);
            var (q2, q3) = Vector512.Widen(high);
            (hundred * Vector512.ConvertToDouble(q0) / others).StoreUnsafe(ref result, (nuint)i);
            (hundred * Vector512.ConvertToDouble(q1) / others).StoreUnsafe(ref result, (nuint)(i + 8));
            (hundred * Vector512.ConvertToDouble(q2) / others).StoreUnsafe(ref result, (nuint)(i + 16));
            (hundred * Vector512.ConvertToDouble(q3) / others).StoreUnsafe(ref result, (nuint)(i + 24));

            uint recount = Vector256.LoadUnsafe(ref flags, (nuint)i).ExtractMostSignificantBits();
            if (recount == 0) continue;
            if (previousSame.IsEmpty)
            {
                while (recount != 0)
                {
                    int bar = i + BitOperations.TrailingZeroCount(recount);
                    recount &= recount - 1;
                    RankCounts.Count(values.Slice(bar - lags, period), values[bar], out int below, out int equal);
                    output[bar] = RankCounts.Percent(below, equal, period);
                }
                continue;
            }
            belowLanes.StoreUnsafe(ref MemoryMarshal.GetReference(keysBelow));
            while (recount != 0)
            {
                int lane = BitOperations.TrailingZeroCount(recount);
                recount &= recount - 1;
                int bar = i + lane;
                if (TrySameKeyCounts(values, previousSame, bar, bar - lags, out int below, out int equal))
                {
                    output[bar] = RankCounts.Percent(keysBelow[lane] + below, equal + 1, period);
                }
                else
                {
                    RankCounts.Count(values.Slice(bar - lags, period), values[bar], out below, out equal);
                    output[bar] = RankCounts.Percent(below, equal, period);
                }
            }
        }
        return i;
    }

    /// <summary>
    /// Of the window bars [<paramref name="from"/>, bar) with the bar's key, those below and equal to it on
    /// the doubles, found by walking the chain of previous bars with the same key (usually one or two
    /// steps, against a full recount of the window). Bars with a smaller key are counted by the compares.
    /// False after <see cref="LongestChain"/> steps (values crowded into few keys, e.g. by an outlier
    /// stretching the range): the caller then recounts the window with vector compares.
    /// </summary>
    private static bool TrySameKeyCounts(ReadOnlySpan<double> values, ReadOnlySpan<int> previousSame, int bar, int from, out int below, out int equal)
    {
        double value = values[bar];
        below = 0;
        equal = 0;
        int steps = 0;
        for (int other = previousSame[bar]; other >= from; other = previousSame[other])
        {
            if (++steps > LongestChain) return false;
            if (values[other] < value) below++;
            else if (values[other] == value) equal++;
        }
        return true;
    }

    /// <summary>
    /// Per lane, how many of the <paramref name="lags"/> keys at <c>window[k + lane]</c> are below
    /// <paramref name="today"/>. Four lags per iteration into two sums: each lag is a compare into a mask and
    /// a masked add, and the unrolling keeps loop counting and one sum's latency off the critical path
    /// (40 µs instead of 54 µs for the 251 lags of 10,000 bars on this machine).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<short> CountBelow(ref short window, int lags, Vector512<short> today)
    {
        var one = Vector512<short>.One;
        var even = Vector512<short>.Zero;
        var odd = Vector512<short>.Zero;
        int k = 0;
        for (; k <= lags - 4; k += 4)
        {
            even = Vector512.ConditionalSelect(Vector512.GreaterThan(today, Vector512.LoadUnsafe(ref window, (nuint)k)), even + one, even);
            odd = Vector512.ConditionalSelect(Vector512.GreaterThan(today, Vector512.LoadUnsafe(ref window, (nuint)(k + 1))), odd + one, odd);
            even = Vector512.ConditionalSelect(Vector512.GreaterThan(today, Vector512.LoadUnsafe(ref window, (nuint)(k + 2))), even + one, even);
            odd = Vector512.ConditionalSelect(Vector512.GreaterThan(today, Vector512.LoadUnsafe(ref window, (nuint)(k + 3))), odd + one, odd);
        }
        for (; k < lags; k++)
        {
            even = Vector512.ConditionalSelect(Vector512.GreaterThan(today, Vector512.LoadUnsafe(ref window, (nuint)k)), even + one, even);
        }
        return even + odd;
    }

    /// <summary>Smallest and largest non-NaN value (+∞ and −∞ when there is none).</summary>
    private static void Range(ReadOnlySpan<double> values, out double min, out double max)
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
        int i = 0;
        for (; i <= values.Length - 2 * Vector512<double>.Count; i += 2 * Vector512<double>.Count)
        {
            var x = Vector512.LoadUnsafe(ref start, (nuint)i);
            var y = Vector512.LoadUnsafe(ref start, (nuint)(i + Vector512<double>.Count));
            var xIsNumber = Vector512.Equals(x, x);
            var yIsNumber = Vector512.Equals(y, y);
            min0 = Vector512.MinNative(min0, Vector512.ConditionalSelect(xIsNumber, x, positive));
            min1 = Vector512.MinNative(min1, Vector512.ConditionalSelect(yIsNumber, y, positive));
            max0 = Vector512.MaxNative(max0, Vector512.ConditionalSelect(xIsNumber, x, negative));
            max1 = Vector512.MaxNative(max1, Vector512.ConditionalSelect(yIsNumber, y, negative));
        }
        var minLanes = Vector512.MinNative(min0, min1);
        var maxLanes = Vector512.MaxNative(max0, max1);
        min = double.PositiveInfinity;
        max = double.NegativeInfinity;
        for (int lane = 0; lane < Vector512<double>.Count; lane++)
        {
            min = Math.Min(min, minLanes[lane]);
            max = Math.Max(max, maxLanes[lane]);
        }
        for (; i < values.Length; i++)
        {
            if (double.IsNaN(values[i])) continue;
            min = Math.Min(min, values[i]);
            max = Math.Max(max, values[i]);
        }
    }

    /// <summary>
    /// key = ⌊min((x − min)·scale, 65535)⌋ − 32768 (signed, so signed compares order it). Every step is
    /// monotone in x; truncation is the floor because x − min ≥ 0. A NaN gets an arbitrary key: its
    /// windows are blanked.
    /// </summary>
    private static void Quantise(ReadOnlySpan<double> values, double min, double scale, Span<short> keys)
    {
        ref double start = ref MemoryMarshal.GetReference(values);
        ref short key = ref MemoryMarshal.GetReference(keys);
        var low = Vector512.Create(min);
        var factor = Vector512.Create(scale);
        var top = Vector512.Create(TopKey);
        var offset = Vector512.Create(32768L);
        int i = 0;
        for (; i <= values.Length - Lanes; i += Lanes)
        {
            var k0 = Scaled(ref start, i, low, factor, top, offset);
            var k1 = Scaled(ref start, i + 8, low, factor, top, offset);
            var k2 = Scaled(ref start, i + 16, low, factor, top, offset);
            var k3 = Scaled(ref start, i + 24, low, factor, top, offset);
            Vector512.Narrow(Vector512.Narrow(k0, k1), Vector512.Narrow(k2, k3)).StoreUnsafe(ref key, (nuint)i);
        }
        for (; i < values.Length; i++)
        {
            double x = values[i];
            keys[i] = double.IsNaN(x) ? (short)0 : (short)((long)Math.Min((x - min) * scale, TopKey) - 32768L);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<long> Scaled(ref double start, int at, Vector512<double> low, Vector512<double> factor, Vector512<double> top, Vector512<long> offset)
    {
        var scaled = (Vector512.LoadUnsafe(ref start, (nuint)at) - low) * factor;
        scaled = Vector512.ConditionalSelect(Vector512.GreaterThan(scaled, top), top, scaled);
        return Vector512.ConvertToInt64(scaled) - offset;
    }
}
