using Alvh.MarketData;

namespace Alvh.Engine;

/// <summary>
/// The market as a sleeve may see it on one day: every accessor stops at <see cref="Today"/>, so a
/// decision can only use data up to the decision time (no look-ahead by construction). The engine
/// advances <see cref="Today"/>; sleeves only read.
/// </summary>
public sealed class MarketView
{
    private readonly MarketDataSet _data;
    // The aligned series the sleeves asked for, by id instance: a sleeve passes the same string every bar,
    // so a reference compare finds it without hashing (the data set's own lookup hashes the id).
    private (string Id, double[]? Aligned)[] _seen = new (string, double[]?)[4];
    private int _seenCount;

    /// <summary>Creates a view positioned before the first day.</summary>
    public MarketView(MarketDataSet data)
    {
        _data = data;
        Today = -1;
    }

    /// <summary>The trading calendar (its days are public knowledge in advance).</summary>
    public TradingCalendar Calendar => _data.Calendar;

    /// <summary>Index of the current trading day on <see cref="Calendar"/>.</summary>
    public int Today { get; private set; }

    /// <summary>The current trading day.</summary>
    public DateOnly Date => _data.Calendar[Today];

    /// <summary>True when the data folder has the daily series <paramref name="id"/>.</summary>
    public bool Has(string id) => _data.Has(id);

    /// <summary>Close of <paramref name="id"/> <paramref name="lag"/> trading days ago (0 = today); NaN when missing.</summary>
    public double Close(string id, int lag = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lag);
        int i = Today - lag;
        return i < 0 || AlignedOrNull(id) is not { } aligned ? double.NaN : aligned[i];
    }

    /// <summary>The aligned closes of <paramref name="id"/> from the first trading day through today.</summary>
    public ReadOnlySpan<double> History(string id) => AlignedOrNull(id) is { } aligned ? aligned.AsSpan(0, Today + 1) : [];

    /// <summary>
    /// The last day of the span of closes being decided in one call (<see cref="ISpanSleeve.DecideSpan"/>);
    /// <see cref="Today"/> outside a span.
    /// </summary>
    public int SpanLast { get; private set; }

    /// <summary>
    /// The aligned closes of <paramref name="id"/> from the first trading day through <see cref="SpanLast"/>
    /// (through today outside a span). A span decision for day <c>d</c> reads indices up to <c>d</c> only:
    /// that is the span contract, held by tests that compare every span sleeve with its day-by-day decisions.
    /// </summary>
    public ReadOnlySpan<double> SpanHistory(string id) => AlignedOrNull(id) is { } aligned ? aligned.AsSpan(0, SpanLast + 1) : [];

    private double[]? AlignedOrNull(string id)
    {
        var seen = _seen;
        for (int i = 0; i < _seenCount; i++)
        {
            if (ReferenceEquals(seen[i].Id, id)) return seen[i].Aligned;
        }
        for (int i = 0; i < _seenCount; i++)
        {
            if (string.Equals(seen[i].Id, id, StringComparison.Ordinal)) return seen[i].Aligned;
        }
        var aligned = _data.Has(id) ? _data.Aligned(id) : null;
        if (_seenCount == seen.Length) Array.Resize(ref _seen, 2 * _seenCount);
        _seen[_seenCount++] = (id, aligned);
        return aligned;
    }

    /// <summary>Events of a kind on or before today plus scheduled ones (FOMC schedules are published in advance).</summary>
    public IReadOnlyList<MarketEvent> Events(string kind) => _data.EventsOfKind(kind);

    internal void MoveTo(int day) => Today = SpanLast = day;

    /// <summary>Opens a span of closes from today through <paramref name="last"/>; the next <see cref="MoveTo"/> closes it.</summary>
    internal void OpenSpan(int last) => SpanLast = last;
}
