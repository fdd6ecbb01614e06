using System.Globalization;
using Alvh.Calendars;
using Alvh.MarketData;

namespace Alvh.Research.Scenarios;

/// <summary>
/// The scheduled macro events of a simulated path, so that the strategy's event rules (the condor's entry buffer, the ALVH's
/// tranche before an event) run on a path as they run on history. Each kind the history schedules (the shared data: FOMC
/// meetings) keeps its published dates that fall on the path (the Federal Reserve publishes a year's meetings in advance:
/// the shared data list 2026's eight), and after them repeats the last twelve months of the schedule (<see cref="Pattern"/>:
/// on the shared data 2026's meetings, January to December) year after year: each event on the same ordinal weekday of the
/// same month (2026-01-28, January's fourth Wednesday, gives 2027-01-27), the month's last such weekday when it has fewer
/// (April 2026's fifth Wednesday gives 2027-04-28), moved to the business day before when that is an NYSE holiday, with the
/// meeting's length kept. The twelve months, not the last calendar year: a schedule that ends inside its year (a file of
/// the meetings held so far) would otherwise give later years that year's few meetings and the rest of that year none. A
/// kind whose history has none (CPI and PPI on the shared data) gets none. Unscheduled events (emergency FOMC actions) are
/// history's, never laid on a path.
/// </summary>
public static class ScenarioEvents
{
    /// <summary>
    /// The events of <paramref name="scheduled"/>'s kinds on the days <paramref name="first"/> to <paramref name="last"/>:
    /// one calendar per kind, in the order the kinds first appear.
    /// </summary>
    /// <param name="scheduled">The history's scheduled events (unscheduled ones are ignored).</param>
    /// <param name="first">The path's first day.</param>
    /// <param name="last">The path's last day.</param>
    public static IReadOnlyList<EventCalendar> LayOut(IReadOnlyList<MarketEvent> scheduled, DateOnly first, DateOnly last)
    {
        ArgumentNullException.ThrowIfNull(scheduled);
        var calendars = new List<EventCalendar>();
        foreach (var kind in scheduled.Where(e => e.Scheduled).Select(e => e.Kind).Distinct(StringComparer.Ordinal))
        {
            var ofKind = scheduled.Where(e => e.Scheduled && e.Kind == kind).OrderBy(e => e.Date).ToArray();
            var laid = ofKind.Where(e => e.Date >= first && e.Date <= last).ToList();
            // Each event of the last twelve months comes back a year, two years, ... later: the months after the last
            // published event first, so a schedule that ends in June still has its July to December on the path.
            var byRule = new List<MarketEvent>();
            foreach (var e in Pattern(ofKind))
            {
                for (int year = e.Date.Year + 1; year <= last.Year; year++)
                {
                    var date = NyseHolidays.OnOrBeforeBusinessDay(SameWeekdayOfMonth(e.Date, year));
                    if (date < first || date > last) continue;
                    string name = string.Create(CultureInfo.InvariantCulture, $"{e.Kind} by rule ({e.Date:yyyy-MM-dd}'s weekday of the month)");
                    byRule.Add(e with { Date = date, StartDate = date.AddDays(e.StartDate.DayNumber - e.Date.DayNumber), Name = name });
                }
            }
            laid.AddRange(byRule.OrderBy(e => e.Date));
            calendars.Add(new EventCalendar(kind, "simulated", laid));
        }
        return calendars;
    }

    /// <summary>
    /// <see cref="LayOut"/>, made once for the paths of a run: every path of a Monte Carlo has the same calendar and the
    /// anchor's same event list, and laying them out again for each path took 0.25 ms (the history's 800 meetings sorted,
    /// each date moved off the holidays). Held beside the event list (weakly: it goes with the list), one calendar span at a
    /// time; safe across threads (an immutable entry swapped whole).
    /// </summary>
    internal static IReadOnlyList<EventCalendar> LaidOnce(IReadOnlyList<MarketEvent> scheduled, DateOnly first, DateOnly last)
    {
        ArgumentNullException.ThrowIfNull(scheduled);
        var slot = Laid.GetValue(scheduled, static _ => new LaidSlot());
        if (slot.Entry is { } held && held.First == first && held.Last == last) return held.Calendars;
        var entry = new LaidEntry(first, last, LayOut(scheduled, first, last));
        slot.Entry = entry;
        return entry.Calendars;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<MarketEvent>, LaidSlot> Laid = [];

    private sealed record LaidEntry(DateOnly First, DateOnly Last, IReadOnlyList<EventCalendar> Calendars);

    private sealed class LaidSlot
    {
        public volatile LaidEntry? Entry;
    }

    /// <summary>
    /// The events a kind repeats each year after its schedule ends: those of the twelve calendar months through the month of
    /// its last event (a whole calendar year when the schedule ends in December, as the shared data's 2026 does), in date
    /// order.
    /// </summary>
    /// <param name="ofKind">The scheduled events of one kind, in date order (at least one).</param>
    internal static MarketEvent[] Pattern(IReadOnlyList<MarketEvent> ofKind)
    {
        ArgumentNullException.ThrowIfNull(ofKind);
        var end = ofKind[^1].Date;
        var from = new DateOnly(end.Year, end.Month, 1).AddMonths(-11);
        return ofKind.Where(e => e.Date >= from).ToArray();
    }

    /// <summary>
    /// The day of <paramref name="year"/> that is the same ordinal weekday of the same month as <paramref name="date"/> (the
    /// month's last such weekday when it has fewer).
    /// </summary>
    internal static DateOnly SameWeekdayOfMonth(DateOnly date, int year)
    {
        int ordinal = (date.Day - 1) / 7 + 1;
        int days = DateTime.DaysInMonth(year, date.Month);
        var firstOfMonth = new DateOnly(year, date.Month, 1);
        int offset = ((int)date.DayOfWeek - (int)firstOfMonth.DayOfWeek + 7) % 7;
        int day = 1 + offset + 7 * (ordinal - 1);
        while (day > days) day -= 7;
        return new DateOnly(year, date.Month, day);
    }
}
