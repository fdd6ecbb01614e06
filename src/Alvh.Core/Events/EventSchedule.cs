using Alvh.MarketData;

namespace Alvh.Events;

/// <summary>
/// Event-proximity queries over a list of <see cref="MarketEvent"/> on a <see cref="TradingCalendar"/>.
/// Kinds are matched case-insensitively. Distances are counted in <b>trading days</b> of the calendar:
/// an event dated on a non-trading day counts on the next trading day; events outside the calendar's
/// range are ignored by the trading-day queries (but not by <see cref="NextOnOrAfter"/>). A query date
/// that is not a trading day is measured from the next trading day for <see cref="EventSide.After"/>
/// and from the previous one for <see cref="EventSide.Before"/>. Per kind, the constructor precomputes
/// for every trading day the distance to the previous and the next event, so queries are O(1) after
/// one binary search. Immutable and thread-safe.
/// </summary>
public sealed class EventSchedule
{
    /// <summary>Distance reported when there is no such event in the calendar.</summary>
    public const int None = int.MaxValue;

    private readonly TradingCalendar _calendar;
    private readonly Dictionary<string, MarketEvent[]> _eventsByKind = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int[]> _daysUntilNext = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int[]> _daysSincePrevious = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Builds the schedule; events need not be sorted.</summary>
    public EventSchedule(IReadOnlyList<MarketEvent> events, TradingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(calendar);
        _calendar = calendar;
        foreach (var group in events.GroupBy(e => e.Kind, StringComparer.OrdinalIgnoreCase))
        {
            var sorted = group.OrderBy(e => e.Date).ToArray();
            _eventsByKind[group.Key] = sorted;
            var until = new int[calendar.Count];
            var since = new int[calendar.Count];
            var isEventDay = new bool[calendar.Count];
            foreach (var e in sorted)
            {
                if (calendar.Count == 0 || e.Date < calendar.First || e.Date > calendar.Last) continue;
                isEventDay[calendar.IndexOnOrAfter(e.Date)] = true;
            }
            int next = None;
            for (int i = calendar.Count - 1; i >= 0; i--)
            {
                if (isEventDay[i]) next = i;
                until[i] = next == None ? None : next - i;
            }
            int previous = -1;
            for (int i = 0; i < calendar.Count; i++)
            {
                if (isEventDay[i]) previous = i;
                since[i] = previous < 0 ? None : i - previous;
            }
            _daysUntilNext[group.Key] = until;
            _daysSincePrevious[group.Key] = since;
        }
    }

    /// <summary>The calendar the distances are counted on.</summary>
    public TradingCalendar Calendar => _calendar;

    /// <summary>The event kinds present.</summary>
    public IEnumerable<string> Kinds => _eventsByKind.Keys;

    /// <summary>
    /// Per trading day (index of <see cref="Calendar"/>): trading days until the next event of
    /// <paramref name="kind"/> (0 on an event day), or <see cref="None"/>. Shared: do not mutate.
    /// </summary>
    public ReadOnlySpan<int> TradingDaysUntilNextByDay(string kind) =>
        _daysUntilNext.TryGetValue(kind, out var a) ? a : NoneArray();

    /// <summary>
    /// Per trading day: trading days since the last event of <paramref name="kind"/> (0 on an event
    /// day), or <see cref="None"/>. Shared: do not mutate.
    /// </summary>
    public ReadOnlySpan<int> TradingDaysSincePreviousByDay(string kind) =>
        _daysSincePrevious.TryGetValue(kind, out var a) ? a : NoneArray();

    /// <summary>Trading days from <paramref name="date"/> until the next event of <paramref name="kind"/> (0 when on the date), or null when none in the calendar.</summary>
    public int? TradingDaysUntilNext(string kind, DateOnly date)
    {
        int i = _calendar.IndexOnOrAfter(date);
        if (i >= _calendar.Count || !_daysUntilNext.TryGetValue(kind, out var until)) return null;
        return until[i] == None ? null : until[i];
    }

    /// <summary>Trading days from the last event of <paramref name="kind"/> on or before <paramref name="date"/> (0 when on the date), or null.</summary>
    public int? TradingDaysSincePrevious(string kind, DateOnly date)
    {
        int i = _calendar.IndexOnOrBefore(date);
        if (i < 0 || !_daysSincePrevious.TryGetValue(kind, out var since)) return null;
        return since[i] == None ? null : since[i];
    }

    /// <summary>
    /// True when an event of <paramref name="kind"/> falls within <paramref name="tradingDays"/> trading
    /// days of <paramref name="date"/> on the given side (the date itself included; 0 means "on the day").
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tradingDays"/> is negative.</exception>
    public bool IsWithin(string kind, DateOnly date, int tradingDays, EventSide side = EventSide.Both)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tradingDays);
        bool after = side != EventSide.Before && TradingDaysUntilNext(kind, date) is int u && u <= tradingDays;
        bool before = side != EventSide.After && TradingDaysSincePrevious(kind, date) is int s && s <= tradingDays;
        return after || before;
    }

    /// <summary>The first event of <paramref name="kind"/> dated on or after <paramref name="date"/>, or null (calendar dates; no calendar needed).</summary>
    public MarketEvent? NextOnOrAfter(string kind, DateOnly date)
    {
        if (!_eventsByKind.TryGetValue(kind, out var events)) return null;
        int lo = 0, hi = events.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (events[mid].Date < date) lo = mid + 1;
            else hi = mid;
        }
        return lo < events.Length ? events[lo] : null;
    }

    private int[] NoneArray()
    {
        var a = new int[_calendar.Count];
        Array.Fill(a, None);
        return a;
    }
}
