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
/// answer (values below = keys below, no value equal), and a bar with one is recounted on the doubles by
/// <see cref="RankCounts"/>. Which bars share a key is found beforehand from the last day each key was
/// seen, so the vector loop is one compare per lag. Why: four times the lanes of a compare on doubles
/// and half the compares; on market data only a few per cent of bars share a key (ties of the values
/// themselves always do, and are recounted).
/// </summary>
internal static class QuantisedRankCounts
{
    private const int Lanes = 32; // Vector512<short>.Count
    private const double TopKey = 65535.0;
    private const int KeyCount = 65536;

    // Short windows find shared keys with a second vector compare per lag: the last-seen table costs a
    // fixed 65,536-entry fill and a scalar pass, the compares grow with the window. Measured at 10,000
    // bars: 20-bar window 25 µs with compares vs 36 µs with the table; 252-bar window about 95 µs with
    // the table vs 120 µs with compares. The crossover was not measured; 64 is a round guess between.
    private const int SharedKeyTableFrom = 64;

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
        int[] rentedLastSeen = ArrayPool<int>.Shared.Rent(period >= SharedKeyTableFrom ? KeyCount : 1);
        try
        {
            var keys = rented.AsSpan(0, values.Length);
            var shared = rentedFlags.AsSpan(0, values.Length);
            Quantise(values, min, scale, keys);
            if (period >= SharedKeyTableFrom)
            {
                MarkSharedKeys(keys, period, rentedLastSeen.AsSpan(0, KeyCount), shared);
            }
            else
            {
                CountEqualKeys(keys, period, shared);
            }
            int i = Count(values, keys, shared, period, output);
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
        }
        return true;
    }

    /// <summary>
    /// Marks bar i (0xFF in <paramref name="shared"/>) when one of the other period − 1 days of its window
    /// has the same key: the last day each key was seen is kept in <paramref name="lastSeen"/>. Only those
    /// bars need the equal count, so the vector loop counts keys below and nothing else.
    /// </summary>
    private static void MarkSharedKeys(ReadOnlySpan<short> keys, int period, Span<int> lastSeen, Span<byte> shared)
    {
        lastSeen.Fill(int.MinValue / 2);
        shared = shared[..keys.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            ref int last = ref lastSeen[keys[i] + 32768];
            shared[i] = i - last < period ? (byte)0xFF : (byte)0;
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
    private static int Count(ReadOnlySpan<double> values, ReadOnlySpan<short> keys, ReadOnlySpan<byte> shared, int period, Span<double> output)
    {
        int lags = period - 1;
        ref short start = ref MemoryMarshal.GetReference(keys);
        ref byte flags = ref MemoryMarshal.GetReference(shared);
        ref double result = ref MemoryMarshal.GetReference(output);
        var hundred = Vector512.Create(100.0);
        var others = Vector512.Create((double)lags);
        int i = lags;
        for (; i <= keys.Length - Lanes; i += Lanes)
        {
            var today = Vector512.LoadUnsafe(ref start, (nuint)i);
            var belowLanes = Vector512<short>.Zero;
            ref short window = ref Unsafe.Add(ref start, i - lags);
            for (int k = 0; k < lags; k++)
            {
                belowLanes -= Vector512.LessThan(Vector512.LoadUnsafe(ref window, (nuint)k), today);
            }
            // No shared key: below + ½·0 = below, so RankCounts.Percent is 100·below/(n − 1).
            var (low, high) = Vector512.Widen(belowLanes);
            var (q0, q1) = Vector512.Widen(low);
            var (q2, q3) = Vector512.Widen(high);
            (hundred * Vector512.ConvertToDouble(q0) / others).StoreUnsafe(ref result, (nuint)i);
            (hundred * Vector512.ConvertToDouble(q1) / others).StoreUnsafe(ref result, (nuint)(i + 8));
            (hundred * Vector512.ConvertToDouble(q2) / others).StoreUnsafe(ref result, (nuint)(i + 16));
            (hundred * Vector512.ConvertToDouble(q3) / others).StoreUnsafe(ref result, (nuint)(i + 24));

            uint recount = Vector256.LoadUnsafe(ref flags, (nuint)i).ExtractMostSignificantBits();
            while (recount != 0)
            {
                int bar = i + BitOperations.TrailingZeroCount(recount);
                recount &= recount - 1;
                RankCounts.Count(values.Slice(bar - lags, period), values[bar], out int below, out int equal);
                output[bar] = RankCounts.Percent(below, equal, period);
            }
        }
        return i;
    }

    /// <summary>Smallest and largest non-NaN value (+∞ and −∞ when there is none).</summary>
    private static void Range(ReadOnlySpan<double> values, out double min, out double max)
    {
        ref double start = ref MemoryMarshal.GetReference(values);
        var minLanes = Vector512.Create(double.PositiveInfinity);
        var maxLanes = Vector512.Create(double.NegativeInfinity);
        int i = 0;
        for (; i <= values.Length - Vector512<double>.Count; i += Vector512<double>.Count)
        {
            var x = Vector512.LoadUnsafe(ref start, (nuint)i);
            var isNumber = Vector512.Equals(x, x);
            minLanes = Vector512.Min(minLanes, Vector512.ConditionalSelect(isNumber, x, Vector512.Create(double.PositiveInfinity)));
            maxLanes = Vector512.Max(maxLanes, Vector512.ConditionalSelect(isNumber, x, Vector512.Create(double.NegativeInfinity)));
        }
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
