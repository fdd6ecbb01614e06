using System.Globalization;
using Alvh.Calendars;
using Alvh.MarketData;

namespace Alvh.Research.Scenarios;

/// <summary>
/// The scheduled macro events of a simulated path, so that the strategy's event rules (the condor's entry buffer, the ALVH's
/// tranche before an event) run on a path as they run on history. Each kind the history schedules (the shared data: FOMC
/// meetings) keeps its published dates that fall on the path (the Federal Reserve publishes a year's meetings in advance:
/// the shared data list 2026's eight), and every later year repeats the last scheduled year's: each event on the same
/// ordinal weekday of the same month (2026-01-28, January's fourth Wednesday, gives 2027-01-27), the month's last such
/// weekday when it has fewer (April 2026's fifth Wednesday gives 2027-04-28), moved to the business day before when that
/// is an NYSE holiday, with the meeting's length kept. A kind whose history has none (CPI and PPI on the shared data)
/// gets none. Unscheduled events (emergency FOMC actions) are history's, never laid on a path.
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
            int lastYear = ofKind[^1].Date.Year;
            var pattern = ofKind.Where(e => e.Date.Year == lastYear).ToArray();
            var laid = ofKind.Where(e => e.Date >= first && e.Date <= last).ToList();
            for (int year = lastYear + 1; year <= last.Year; year++)
            {
                foreach (var e in pattern)
                {
                    var date = NyseHolidays.OnOrBeforeBusinessDay(SameWeekdayOfMonth(e.Date, year));
                    if (date < first || date > last) continue;
                    string name = string.Create(CultureInfo.InvariantCulture, $"{e.Kind} by rule ({e.Date:yyyy-MM-dd}'s weekday of the month)");
                    laid.Add(e with { Date = date, StartDate = date.AddDays(e.StartDate.DayNumber - e.Date.DayNumber), Name = name });
                }
            }
            calendars.Add(new EventCalendar(kind, "simulated", laid));
        }
        return calendars;
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
