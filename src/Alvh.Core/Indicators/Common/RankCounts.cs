using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Alvh.Indicators;

/// <summary>
/// Exact counts of window values below and equal to a value, by vector compares, shared by the batch
/// <see cref="PercentRank"/> and <see cref="PercentRankStream"/>. The counts are integers, so the order in
/// which the window is visited (input slice or ring buffer) cannot change the result: both forms give
/// the same bits. Why counting rather than a sorted window: a sorted window needs data-dependent binary
/// searches and shifts per bar (≈ 100–400 ns at 252 bars), while a compare is one vector instruction per
/// eight values with no branch to mispredict.
/// </summary>
internal static class RankCounts
{
    /// <summary>
    /// Percentile rank (percent) from counts in a window of <paramref name="n"/> values that holds the
    /// current one: 100·(count strictly below + ½·(count equal − 1))/(n − 1); <paramref name="equal"/>
    /// counts the current value itself once.
    /// </summary>
    public static double Percent(int below, int equal, int n) => 100.0 * (below + 0.5 * (equal - 1)) / (n - 1);

    /// <summary>
    /// Counts values of <paramref name="window"/> strictly below <paramref name="value"/> and equal to it
    /// (IEEE comparisons: −0 equals +0; NaN is neither).
    /// </summary>
    public static void Count(ReadOnlySpan<double> window, double value, out int below, out int equal)
    {
        ref double start = ref MemoryMarshal.GetReference(window);
        int length = window.Length;
        int i = 0;
        long belowCount = 0, notAboveCount = 0;
        if (Vector512.IsHardwareAccelerated && length >= Vector512<double>.Count)
        {
            var current = Vector512.Create(value);
            var belowLanes = Vector512<long>.Zero;
            var notAboveLanes = Vector512<long>.Zero;
            for (; i <= length - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                var other = Vector512.LoadUnsafe(ref start, (nuint)i);
                belowLanes -= Vector512.LessThan(other, current).AsInt64();
                notAboveLanes -= Vector512.LessThanOrEqual(other, current).AsInt64();
            }
            belowCount = Vector512.Sum(belowLanes);
            notAboveCount = Vector512.Sum(notAboveLanes);
        }
        else if (Vector256.IsHardwareAccelerated && length >= Vector256<double>.Count)
        {
            var current = Vector256.Create(value);
            var belowLanes = Vector256<long>.Zero;
            var notAboveLanes = Vector256<long>.Zero;
            for (; i <= length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var other = Vector256.LoadUnsafe(ref start, (nuint)i);
                belowLanes -= Vector256.LessThan(other, current).AsInt64();
                notAboveLanes -= Vector256.LessThanOrEqual(other, current).AsInt64();
            }
            belowCount = Vector256.Sum(belowLanes);
            notAboveCount = Vector256.Sum(notAboveLanes);
        }
        for (; i < length; i++)
        {
            double other = Unsafe.Add(ref start, i);
            if (other < value) belowCount++;
            if (other <= value) notAboveCount++;
        }
        below = (int)belowCount;
        equal = (int)(notAboveCount - belowCount);
    }

    /// <summary>
    /// Percentile ranks (percent, see <see cref="Percent"/>) of every
    /// <c>values[i]</c>, i ≥ period − 1, among <c>values[i − period + 1 ..= i]</c>, ignoring NaN (the caller
    /// blanks windows that hold one). Eight bars at a time: for each lag d the bars i..i+7 are compared
    /// with i−d..i+7−d, so each lane accumulates its own bar's counts and no horizontal sum is needed.
    /// </summary>
    public static void PercentRanks(ReadOnlySpan<double> values, int period, Span<double> output)
    {
        ref double start = ref MemoryMarshal.GetReference(values);
        ref double result = ref MemoryMarshal.GetReference(output);
        int length = values.Length;
        int lags = period - 1;
        int i = lags;
        if (Vector512.IsHardwareAccelerated)
        {
            var half = Vector512.Create(0.5);
            var hundred = Vector512.Create(100.0);
            var others = Vector512.Create((double)lags);
            for (; i <= length - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                var current = Vector512.LoadUnsafe(ref start, (nuint)i);
                var belowLanes = Vector512<long>.Zero;
                var notAboveLanes = Vector512<long>.Zero;
                ref double window = ref Unsafe.Add(ref start, i - lags);
                for (int k = 0; k < lags; k++)
                {
                    var other = Vector512.LoadUnsafe(ref window, (nuint)k);
                    belowLanes -= Vector512.LessThan(other, current).AsInt64();
                    notAboveLanes -= Vector512.LessThanOrEqual(other, current).AsInt64();
                }
                // Same operations, in the same order, as Percent: below + ½·(others equal).
                var below = Vector512.ConvertToDouble(belowLanes);
                var equalOthers = Vector512.ConvertToDouble(notAboveLanes - belowLanes);
                (hundred * (below + half * equalOthers) / others).StoreUnsafe(ref result, (nuint)i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var half = Vector256.Create(0.5);
            var hundred = Vector256.Create(100.0);
            var others = Vector256.Create((double)lags);
            for (; i <= length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var current = Vector256.LoadUnsafe(ref start, (nuint)i);
                var belowLanes = Vector256<long>.Zero;
                var notAboveLanes = Vector256<long>.Zero;
                ref double window = ref Unsafe.Add(ref start, i - lags);
                for (int k = 0; k < lags; k++)
                {
                    var other = Vector256.LoadUnsafe(ref window, (nuint)k);
                    belowLanes -= Vector256.LessThan(other, current).AsInt64();
                    notAboveLanes -= Vector256.LessThanOrEqual(other, current).AsInt64();
                }
                var below = Vector256.ConvertToDouble(belowLanes);
                var equalOthers = Vector256.ConvertToDouble(notAboveLanes - belowLanes);
                (hundred * (below + half * equalOthers) / others).StoreUnsafe(ref result, (nuint)i);
            }
        }
        for (; i < length; i++)
        {
            Count(values.Slice(i - lags, period), values[i], out int below, out int equal);
            output[i] = Percent(below, equal, period);
        }
    }
}
