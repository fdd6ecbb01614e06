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

    /// <summary>
    /// Equal by value, the event kinds as a sequence: the record compared that list by reference, so two settings alike
    /// differed (each run's signals, shared per data set and settings, would have been built again).
    /// </summary>
    public bool Equals(SignalParameters? other) =>
        other is not null && RsiPeriod == other.RsiPeriod && MacdFast == other.MacdFast && MacdSlow == other.MacdSlow && MacdSignal == other.MacdSignal
        && BreadthLookback == other.BreadthLookback && Bands == other.Bands && MacroEventKinds.SequenceEqual(other.MacroEventKinds, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(RsiPeriod);
        hash.Add(MacdFast);
        hash.Add(MacdSlow);
        hash.Add(MacdSignal);
        hash.Add(BreadthLookback);
        hash.Add(Bands);
        foreach (var kind in MacroEventKinds) hash.Add(kind, StringComparer.Ordinal);
        return hash.ToHashCode();
    }
}
