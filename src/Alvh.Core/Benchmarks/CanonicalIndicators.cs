using Alvh.Indicators;

namespace Alvh.Benchmarks;

/// <summary>
/// SMA(fast), SMA(slow) and MACD(12, 26, 9) of the close, fed one bar at a time from the sleeve's history
/// (the dropped value of each SMA window is read back from it), with the batch indicators' arithmetic, so
/// the values equal <see cref="Sma"/> and <see cref="Macd"/> bit for bit. MACD is computed for workload
/// parity with the peers, though no rule uses it.
/// </summary>
internal sealed class CanonicalIndicators(int fastPeriod, int slowPeriod)
{
    private WindowMean _fast = new(fastPeriod);
    private WindowMean _slow = new(slowPeriod);
    private MacdState _macd = new(12, 26, 9);

    /// <summary>Bars fed so far.</summary>
    public int Count { get; private set; }

    /// <summary>Fast SMA − slow SMA at the last bar (NaN in warm-up).</summary>
    public double Spread { get; private set; } = double.NaN;

    /// <summary>The spread one bar earlier.</summary>
    public double PreviousSpread { get; private set; } = double.NaN;

    /// <summary>MACD histogram at the last bar (kept so the work is observable).</summary>
    public double MacdHistogram { get; private set; } = double.NaN;

    /// <summary>True when the spread changed sign at the last bar (negative to positive, or positive to negative).</summary>
    public bool Crossed => (PreviousSpread < 0 && Spread > 0) || (PreviousSpread > 0 && Spread < 0);

    /// <summary>Feeds the closes from bar <see cref="Count"/> through the last of <paramref name="closes"/>.</summary>
    public void CatchUp(ReadOnlySpan<double> closes) => Scan(closes, closes.Length - 1, int.MaxValue);

    /// <summary>
    /// Feeds the closes from bar <see cref="Count"/> on, one bar at a time, and stops after bar
    /// <paramref name="last"/> or after the first bar from <paramref name="firstStop"/> on where the spread
    /// changes sign (<see cref="Crossed"/>), whichever comes first; returns the last bar fed. Each bar's
    /// values use the closes through that bar only. The state lives in locals for the loop (the SMA sums
    /// and EMAs stay in registers, as in a compiled loop), and is written back once.
    /// </summary>
    public int Scan(ReadOnlySpan<double> closes, int last, int firstStop)
    {
        var fast = _fast;
        var slow = _slow;
        var macd = _macd;
        double spread = Spread, previous = PreviousSpread, histogram = MacdHistogram;
        int i = Count;
        for (; i <= last; i++)
        {
            double fastMean = fast.Add(closes, i);
            double slowMean = slow.Add(closes, i);
            macd.Add(closes[i], out _, out _, out histogram);
            previous = spread;
            spread = fastMean - slowMean;
            if (i >= firstStop && ((previous < 0 && spread > 0) || (previous > 0 && spread < 0))) break;
        }
        int fed = Math.Min(i, last);
        _fast = fast;
        _slow = slow;
        _macd = macd;
        Spread = spread;
        PreviousSpread = previous;
        MacdHistogram = histogram;
        Count = fed + 1;
        return fed;
    }
}
