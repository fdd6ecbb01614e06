using Alvh.Regimes;

namespace Alvh.Engine;

/// <summary>The indicator settings behind the sleeves' gates and triggers, with their conventional defaults.</summary>
public sealed record SignalParameters
{
    /// <summary>RSI period (Wilder's 14).</summary>
    public int RsiPeriod { get; init; } = 14;

    /// <summary>MACD fast EMA (Appel's 12).</summary>
    public int MacdFast { get; init; } = 12;

    /// <summary>MACD slow EMA (Appel's 26).</summary>
    public int MacdSlow { get; init; } = 26;

    /// <summary>MACD signal EMA (Appel's 9).</summary>
    public int MacdSignal { get; init; } = 9;

    /// <summary>Look-back of the breadth divergence (price at an N-day high without the advance–decline line), trading days.</summary>
    public int BreadthLookback { get; init; } = 20;

    /// <summary>VIX level bands.</summary>
    public VixRegimeBands Bands { get; init; } = VixRegimeBands.Default;

    /// <summary>Event kinds that count as macro events (scheduled FOMC decisions, CPI and PPI releases when a calendar is present).</summary>
    public IReadOnlyList<string> MacroEventKinds { get; init; } = ["fomc", "cpi", "ppi"];
}
