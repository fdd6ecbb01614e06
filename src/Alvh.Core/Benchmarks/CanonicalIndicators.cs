using Alvh.Indicators;

namespace Alvh.Benchmarks;

/// <summary>
/// SMA(fast), SMA(slow) and MACD(12, 26, 9) of the close, fed one bar at a time (the streaming forms
/// equal the batch ones exactly). MACD is computed for workload parity with the peers, though no rule uses it.
/// </summary>
internal sealed class CanonicalIndicators(int fastPeriod, int slowPeriod)
{
    private readonly SmaStream _fast = new(fastPeriod);
    private readonly SmaStream _slow = new(slowPeriod);
    private readonly MacdStream _macd = new(12, 26, 9);

    /// <summary>Bars fed so far.</summary>
    public int Count { get; private set; }

    /// <summary>Fast SMA − slow SMA at the last bar (NaN in warm-up).</summary>
    public double Spread { get; private set; } = double.NaN;

    /// <summary>The spread one bar earlier.</summary>
    public double PreviousSpread { get; private set; } = double.NaN;

    /// <summary>MACD histogram at the last bar (kept so the work is observable).</summary>
    public double MacdHistogram { get; private set; } = double.NaN;

    /// <summary>Feeds the closes from bar <see cref="Count"/> through the last of <paramref name="closes"/>.</summary>
    public void CatchUp(ReadOnlySpan<double> closes)
    {
        for (int i = Count; i < closes.Length; i++)
        {
            double close = closes[i];
            double fast = _fast.Add(close);
            double slow = _slow.Add(close);
            MacdHistogram = _macd.Add(close).Histogram;
            PreviousSpread = Spread;
            Spread = fast - slow;
        }
        Count = closes.Length;
    }
}
