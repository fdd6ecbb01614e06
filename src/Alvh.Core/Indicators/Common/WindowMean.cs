using System.Runtime.CompilerServices;

namespace Alvh.Indicators;

/// <summary>
/// State and step of a rolling mean over a series the caller keeps whole (the batch input, or a sleeve's
/// history through today): the value leaving the window is read back from the series, so no ring buffer
/// is needed. The arithmetic is <see cref="WindowSum"/>'s — an exact oldest-first sum on the first clean
/// window, then <c>sum += value − dropped</c>, NaN while a NaN is in the window — so batch loops, streams
/// and cursors give the same bits.
/// </summary>
internal struct WindowMean(int period)
{
    private readonly int _period = period;
    private int _lastMissing = -1;
    private bool _synced;
    private double _sum;

    /// <summary>Window length, values.</summary>
    public readonly int Period => _period;

    /// <summary>True when the last window was full and clean: the next clean value only replaces the dropped one.</summary>
    public readonly bool Synced => _synced;

    /// <summary>The running sum of a synced window.</summary>
    public readonly double Sum => _sum;

    /// <summary>
    /// The mean of the window ending at <paramref name="i"/> (NaN in warm-up or with a NaN in it). Calls must
    /// come for consecutive <paramref name="i"/> from 0, over the same series.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Add(ReadOnlySpan<double> values, int i) =>
        // The division is off the running sum's dependency chain, so it costs nothing here; a
        // separate vector pass was measured slower (the divider is no faster per lane in SIMD).
        AddSum(values, i) / _period;

    /// <summary>The sum of the window ending at <paramref name="i"/> (NaN in warm-up or with a NaN in it); see <see cref="Add"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double AddSum(ReadOnlySpan<double> values, int i)
    {
        double value = values[i];
        if (double.IsNaN(value)) _lastMissing = i;
        if (i - _lastMissing < _period)
        {
            _synced = false;
            return double.NaN;
        }
        _sum = _synced ? WindowSum.Replace(_sum, value, values[i - _period]) : WindowSum.Exact(values.Slice(i - _period + 1, _period), default);
        _synced = true;
        return _sum;
    }

    /// <summary>Sets the sum of a synced window (a hot loop that ran the replacements on a local puts it back).</summary>
    public void SetSyncedSum(double sum) => _sum = _synced ? sum : throw new InvalidOperationException("the window is not synced");
}
