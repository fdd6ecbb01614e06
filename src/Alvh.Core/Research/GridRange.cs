using System.Collections;
using System.Globalization;

namespace Alvh.Research;

/// <summary>
/// The values of a range axis (<c>{from, to, step}</c> in a grid file), computed when asked for instead of held:
/// value <c>k</c> is <c>from + k·step</c> rounded to 12 decimals, written in its shortest round-trip form. An axis
/// of 100,000 values held as text took about 5 MB, and checking it for repeats about 40 MB more for a moment, so a
/// sweep's memory grew with its grid file.
/// </summary>
public sealed class GridRange : IReadOnlyList<GridValue>
{
    /// <summary>Creates the range.</summary>
    /// <exception cref="ArgumentException">A bound or step that is not finite, a step that is not positive, or no values.</exception>
    public GridRange(double from, double step, int count)
    {
        if (!double.IsFinite(from) || !double.IsFinite(step) || !(step > 0)) throw new ArgumentException("a range needs a finite start and a finite step > 0");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        From = from;
        Step = step;
        Count = count;
    }

    /// <summary>The first value.</summary>
    public double From { get; }

    /// <summary>The step between values.</summary>
    public double Step { get; }

    /// <summary>Number of values.</summary>
    public int Count { get; }

    /// <summary>Value <paramref name="index"/> as a number.</summary>
    public double NumberAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return Math.Round(From + index * Step, 12);
    }

    /// <summary>Value <paramref name="index"/>.</summary>
    public GridValue this[int index]
    {
        get
        {
            double v = NumberAt(index);
            return new GridValue(v.ToString("R", CultureInfo.InvariantCulture), v);
        }
    }

    /// <summary>
    /// The first index whose value equals the one before it once rounded (a step too small for 12 decimals), or -1.
    /// The values never decrease, so a repeat is always next to its twin.
    /// </summary>
    public int FirstRepeat()
    {
        for (int k = 1; k < Count; k++)
        {
            if (NumberAt(k) == NumberAt(k - 1)) return k;
        }
        return -1;
    }

    /// <inheritdoc />
    public IEnumerator<GridValue> GetEnumerator()
    {
        for (int k = 0; k < Count; k++) yield return this[k];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
