using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Alvh.Indicators;

/// <summary>
/// The vector counting of <see cref="QuantisedRankCounts"/>: for 32 consecutive bars at once (one per 16-bit
/// lane), how many of the other keys of each bar's window are below the bar's own key. Lag k compares the
/// bars i..i+31 with the keys at i−k..i+31−k, one unaligned load, a compare into a mask and a masked add.
/// </summary>
internal static class KeyCounts
{
    /// <summary>Bars per block: the 16-bit lanes of a 512-bit vector.</summary>
    public const int Lanes = 32;

    /// <summary>Windows of at least this many other bars are counted two blocks at a time (<see cref="CountPair"/>).</summary>
    public const int PairedFrom = 2 * Lanes;

    /// <summary>
    /// Per lane, how many of the <paramref name="lags"/> keys at <c>window[k + lane]</c> are below
    /// <paramref name="today"/>. Eight lags per iteration into four sums, so that loop counting and each
    /// sum's latency stay off the critical path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<short> CountBelow(ref short window, int lags, Vector512<short> today)
    {
        var a = Vector512<short>.Zero;
        var b = Vector512<short>.Zero;
        var c = Vector512<short>.Zero;
        var d = Vector512<short>.Zero;
        ref short end = ref Unsafe.Add(ref window, lags - 7);
        while (Unsafe.IsAddressLessThan(ref window, ref end))
        {
            a = Step(a, today, Vector512.LoadUnsafe(ref window));
            b = Step(b, today, Vector512.LoadUnsafe(ref window, 1));
            c = Step(c, today, Vector512.LoadUnsafe(ref window, 2));
            d = Step(d, today, Vector512.LoadUnsafe(ref window, 3));
            a = Step(a, today, Vector512.LoadUnsafe(ref window, 4));
            b = Step(b, today, Vector512.LoadUnsafe(ref window, 5));
            c = Step(c, today, Vector512.LoadUnsafe(ref window, 6));
            d = Step(d, today, Vector512.LoadUnsafe(ref window, 7));
            window = ref Unsafe.Add(ref window, 8);
        }
        end = ref Unsafe.Add(ref end, 7);
        while (Unsafe.IsAddressLessThan(ref window, ref end))
        {
            a = Step(a, today, Vector512.LoadUnsafe(ref window));
            window = ref Unsafe.Add(ref window, 1);
        }
        return (a + b) + (c + d);
    }

    /// <summary>
    /// <see cref="CountBelow"/>, and in <paramref name="shared"/> the lanes (all bits set) whose key one of
    /// the window's other keys equals: a second compare per lag, which for short windows costs less than
    /// linking every bar into <see cref="KeyChains"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<short> CountBelowAndShared(ref short window, int lags, Vector512<short> today, out Vector512<short> shared)
    {
        var a = Vector512<short>.Zero;
        var b = Vector512<short>.Zero;
        var equalA = Vector512<short>.Zero;
        var equalB = Vector512<short>.Zero;
        ref short end = ref Unsafe.Add(ref window, lags - 1);
        while (Unsafe.IsAddressLessThan(ref window, ref end))
        {
            var x = Vector512.LoadUnsafe(ref window);
            var y = Vector512.LoadUnsafe(ref window, 1);
            a = Step(a, today, x);
            b = Step(b, today, y);
            equalA |= Vector512.Equals(today, x);
            equalB |= Vector512.Equals(today, y);
            window = ref Unsafe.Add(ref window, 2);
        }
        if (Unsafe.AreSame(ref window, ref end))
        {
            var x = Vector512.LoadUnsafe(ref window);
            a = Step(a, today, x);
            equalA |= Vector512.Equals(today, x);
        }
        shared = equalA | equalB;
        return a + b;
    }

    /// <summary>
    /// <see cref="CountBelow"/> for the blocks at <paramref name="i"/> and <paramref name="i"/> + 32 together
    /// (<paramref name="lags"/> ≥ <see cref="PairedFrom"/>), linking the 64 bars into
    /// <paramref name="chains"/> on the way. The load at offset o serves block a at lag i − o and block b
    /// at lag i + 32 − o, so offsets i + 32 − lags .. i − 1 are loaded once for two compares. Why: almost
    /// every 64-byte load of 16-bit keys at a 2-byte step straddles two cache lines and costs two cache
    /// accesses; sharing them took the count of 10,000 bars over a 252-bar window from 35 to 31 µs on
    /// this machine, the same as aligned loads from a transposed key array would, without the transposes.
    /// The bars are linked one per iteration of the shared loop, where the scalar work overlaps the
    /// compares (linking after the loop cost 6 µs more).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CountPair(ref short keys, int i, int lags, KeyChains chains, out Vector512<short> first, out Vector512<short> second)
    {
        var todayA = Vector512.LoadUnsafe(ref keys, (nuint)i);
        var todayB = Vector512.LoadUnsafe(ref keys, (nuint)(i + Lanes));
        var a0 = Vector512<short>.Zero;
        var a1 = Vector512<short>.Zero;
        var b0 = Vector512<short>.Zero;
        var b1 = Vector512<short>.Zero;
        int bar = i;
        int barEnd = i + 2 * Lanes;

        // Block a only: offsets i − lags .. i + 31 − lags (32 of them).
        ref short w = ref Unsafe.Add(ref keys, i - lags);
        ref short end = ref Unsafe.Add(ref keys, i + Lanes - lags);
        while (Unsafe.IsAddressLessThan(ref w, ref end))
        {
            a0 = Step(a0, todayA, Vector512.LoadUnsafe(ref w));
            a1 = Step(a1, todayA, Vector512.LoadUnsafe(ref w, 1));
            w = ref Unsafe.Add(ref w, 2);
        }

        // Both blocks: offsets up to i − 1.
        end = ref Unsafe.Add(ref keys, i - 3);
        while (Unsafe.IsAddressLessThan(ref w, ref end))
        {
            var x = Vector512.LoadUnsafe(ref w);
            var y = Vector512.LoadUnsafe(ref w, 1);
            a0 = Step(a0, todayA, x);
            b0 = Step(b0, todayB, x);
            a1 = Step(a1, todayA, y);
            b1 = Step(b1, todayB, y);
            x = Vector512.LoadUnsafe(ref w, 2);
            y = Vector512.LoadUnsafe(ref w, 3);
            a0 = Step(a0, todayA, x);
            b0 = Step(b0, todayB, x);
            a1 = Step(a1, todayA, y);
            b1 = Step(b1, todayB, y);
            w = ref Unsafe.Add(ref w, 4);
            if (bar < barEnd) chains.Link(bar++);
        }
        end = ref Unsafe.Add(ref end, 3);
        while (Unsafe.IsAddressLessThan(ref w, ref end))
        {
            var x = Vector512.LoadUnsafe(ref w);
            a0 = Step(a0, todayA, x);
            b0 = Step(b0, todayB, x);
            w = ref Unsafe.Add(ref w, 1);
        }

        // Block b only: offsets i .. i + 31.
        end = ref Unsafe.Add(ref keys, i + Lanes);
        while (Unsafe.IsAddressLessThan(ref w, ref end))
        {
            b0 = Step(b0, todayB, Vector512.LoadUnsafe(ref w));
            b1 = Step(b1, todayB, Vector512.LoadUnsafe(ref w, 1));
            w = ref Unsafe.Add(ref w, 2);
        }
        for (; bar < barEnd; bar++) chains.Link(bar);
        first = a0 + a1;
        second = b0 + b1;
    }

    /// <summary>Adds one to the lanes where <paramref name="today"/> is above <paramref name="other"/> (a compare into a mask and a masked add).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<short> Step(Vector512<short> count, Vector512<short> today, Vector512<short> other) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(today, other), count + Vector512<short>.One, count);
}
