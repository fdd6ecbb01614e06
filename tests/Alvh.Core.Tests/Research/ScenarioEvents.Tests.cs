using Alvh.Calendars;
using Alvh.Engine;
using Alvh.MarketData;
using Alvh.Research.Scenarios;
using Alvh.Runs;

namespace Alvh.Core.Tests.Research;

/// <summary>
/// The macro events laid on a simulated path (<see cref="ScenarioEvents"/>): until 2026-11-28 a path had none, so the
/// condor's entry buffer and the ALVH's event tranche never fired in a Monte Carlo (review, h87). The fixture's events are
/// made up; the expected days are read off the Gregorian calendar and the NYSE holiday rules (Thanksgiving, the fourth
/// Thursday of November).
/// </summary>
public class ScenarioEventsTests
{
    private static MarketEvent Meeting(DateOnly start, DateOnly end, bool scheduled = true) =>
        new(end, "fomc", "made-up meeting", 3, start, scheduled);

    [Theory]
    // 2029-01-31 is January 2029's fifth Wednesday; January 2030 has one too (the 30th).
    [InlineData("2029-01-31", 2030, "2030-01-30")]
    // 2029-05-30 is May's fifth Wednesday; May 2031 has four (7, 14, 21, 28): its last.
    [InlineData("2029-05-30", 2031, "2031-05-28")]
    // 2029-03-21, March's third Wednesday, gives March 2030's third (the 20th).
    [InlineData("2029-03-21", 2030, "2030-03-20")]
    // 2029-11-01, November's first Thursday, gives 2030-11-07.
    [InlineData("2029-11-01", 2030, "2030-11-07")]
    public void An_event_moves_to_the_same_ordinal_weekday_of_its_month(string date, int year, string expected)
    {
        ScenarioEvents.SameWeekdayOfMonth(DateOnly.Parse(date), year).Should().Be(DateOnly.Parse(expected));
    }

    /// <summary>
    /// The paths of a run lay the same events on the same calendar: made once (the same calendars back for the same list
    /// and days), made again for another span or another list, and equal to a fresh layout.
    /// </summary>
    [Fact]
    public void A_run_s_paths_share_one_layout_of_their_events()
    {
        MarketEvent[] history = [Meeting(new(2029, 3, 20), new(2029, 3, 21)), Meeting(new(2029, 11, 20), new(2029, 11, 21))];
        var (first, last) = (new DateOnly(2029, 1, 2), new DateOnly(2032, 6, 30));

        var once = ScenarioEvents.LaidOnce(history, first, last);

        ScenarioEvents.LaidOnce(history, first, last).Should().BeSameAs(once);
        once.Single().Events.Should().Equal(ScenarioEvents.LayOut(history, first, last).Single().Events);
        var longer = ScenarioEvents.LaidOnce(history, first, last.AddYears(1));
        longer.Should().NotBeSameAs(once);
        longer.Single().Events.Should().HaveCount(once.Single().Events.Count + 2);
        ScenarioEvents.LaidOnce([.. history], first, last).Should().NotBeSameAs(once, "another list is laid out on its own");
    }

    [Fact]
    public void Published_dates_are_kept_and_later_years_repeat_the_last_scheduled_year()
    {
        MarketEvent[] history =
        [
            Meeting(new(2028, 6, 13), new(2028, 6, 14)),
            Meeting(new(2029, 3, 20), new(2029, 3, 21)),
            Meeting(new(2029, 6, 5), new(2029, 6, 6), scheduled: false), // an emergency action: history's alone
            // The fourth Thursday of November 2029 (22nd) gives 2030-11-28, Thanksgiving: moved to the Wednesday before.
            Meeting(new(2029, 11, 21), new(2029, 11, 22)),
        ];

        var laid = ScenarioEvents.LayOut(history, new DateOnly(2029, 1, 2), new DateOnly(2031, 3, 31));

        laid.Should().ContainSingle();
        laid[0].Id.Should().Be("fomc");
        laid[0].Events.Select(e => e.Date).Should().Equal(
            new DateOnly(2029, 3, 21), new DateOnly(2029, 11, 22), // published, inside the path
            new DateOnly(2030, 3, 20), new DateOnly(2030, 11, 27), // 2029's by rule; Thanksgiving 2030 is the 28th
            new DateOnly(2031, 3, 19));                           // the path ends on 2031-03-31
        NyseHolidays.IsHoliday(new DateOnly(2030, 11, 28)).Should().BeTrue();
        laid[0].Events.Select(e => e.Date.DayNumber - e.StartDate.DayNumber).Should().OnlyContain(d => d == 1, "a two-day meeting stays two days");
        laid[0].Events.Should().OnlyContain(e => e.Scheduled && e.Kind == "fomc");
        laid[0].Events[2].Name.Should().Be("fomc by rule (2029-03-21's weekday of the month)");
        ScenarioEvents.LayOut([], new DateOnly(2029, 1, 2), new DateOnly(2031, 3, 31)).Should().BeEmpty();
    }

    /// <summary>
    /// A schedule that ends inside its year (made up: a file of the meetings held so far, the last on 2029-06-20) repeats
    /// its last twelve months, not its last calendar year: later years keep the eight meetings, and the rest of 2029 gets
    /// 2028's July to December. Repeating 2029's four gave four a year and no meeting from July to December 2029.
    /// Expected days from the calendar: 2028-07-26 is July's fourth Wednesday (2029-07-25), 2028-09-20 September's third
    /// (2029-09-19), 2028-11-01 November's first (2029-11-07), 2028-12-13 December's second (2029-12-12); 2029-01-31 is
    /// January's fifth Wednesday, and January 2030's fifth is the 30th; June 2030's third Wednesday is Juneteenth (the 19th),
    /// so the Tuesday.
    /// </summary>
    [Fact]
    public void A_schedule_ending_inside_its_year_repeats_its_last_twelve_months()
    {
        MarketEvent[] history =
        [
            Meeting(new(2028, 3, 20), new(2028, 3, 21)), // outside the twelve months
            Meeting(new(2028, 7, 25), new(2028, 7, 26)),
            Meeting(new(2028, 9, 19), new(2028, 9, 20)),
            Meeting(new(2028, 10, 31), new(2028, 11, 1)),
            Meeting(new(2028, 12, 12), new(2028, 12, 13)),
            Meeting(new(2029, 1, 30), new(2029, 1, 31)),
            Meeting(new(2029, 3, 20), new(2029, 3, 21)),
            Meeting(new(2029, 5, 1), new(2029, 5, 2)),
            Meeting(new(2029, 6, 19), new(2029, 6, 20)),
        ];

        var laid = ScenarioEvents.LayOut(history, new DateOnly(2029, 6, 1), new DateOnly(2030, 12, 31));

        laid[0].Events.Select(e => e.Date).Should().Equal(
            new DateOnly(2029, 6, 20),                                                     // published
            new DateOnly(2029, 7, 25), new DateOnly(2029, 9, 19), new DateOnly(2029, 11, 7), new DateOnly(2029, 12, 12),
            new DateOnly(2030, 1, 30), new DateOnly(2030, 3, 20), new DateOnly(2030, 5, 1), new DateOnly(2030, 6, 18),
            new DateOnly(2030, 7, 24), new DateOnly(2030, 9, 18), new DateOnly(2030, 11, 6), new DateOnly(2030, 12, 11));
        ScenarioEvents.Pattern(history).Should().HaveCount(8);
    }

    /// <summary>
    /// On the shared data (fomc-meetings.csv lists the Federal Reserve's eight 2026 meetings, through 2026-12-09; PROVENANCE.md)
    /// a 10-year path from the anchor of 2026-02-11 holds the seven meetings left in 2026, then eight a year, and the
    /// strategy's signals count the trading days to them.
    /// </summary>
    [SkippableFact]
    public void A_ten_year_path_holds_the_published_meetings_then_eight_a_year()
    {
        var market = MarketContext.Build(Alvh.Data.Catalog.MarketDataLoader.Load(SharedData.Require()));
        var anchor = ScenarioAnchor.From(market);
        var days = ScenarioCalendar.Days(anchor.LastHistoricalDay, 10);
        var path = new BlockBootstrap(HistoricalDays.From(market.Data, new DateOnly(1990, 1, 2)), anchor).Generate(days, 7);

        var (data, _) = ScenarioMarket.Build(path, anchor);

        var meetings = data.EventsOfKind("fomc");
        meetings.Count(e => e.Date.Year == 2026).Should().Be(7, "2026-01-28 is before the path starts on 2026-02-12");
        meetings.Where(e => e.Date.Year == 2026).Should().Equal(market.Data.EventsOfKind("fomc").Where(e => e.Scheduled && e.Date > anchor.LastHistoricalDay));
        Enumerable.Range(2027, 9).Select(y => meetings.Count(e => e.Date.Year == y)).Should().OnlyContain(c => c == 8);
        // Wednesdays, as 2026's decision days, on the path's trading days; 2030's June meeting falls on Juneteenth
        // (Wednesday 2030-06-19) and moves to the Tuesday.
        meetings.Should().OnlyContain(e => data.Calendar.IndexOf(e.Date) >= 0);
        meetings.Where(e => e.Date.DayOfWeek != DayOfWeek.Wednesday).Select(e => e.Date).Should().Equal(new DateOnly(2030, 6, 18));
        NyseHolidays.IsHoliday(new DateOnly(2030, 6, 19)).Should().BeTrue();
        var signals = Signals.Build(data, new SignalParameters());
        int first = data.Calendar.IndexOf(meetings[0].Date);
        signals.DaysToMacroEvent[first].Should().Be(0);
        signals.DaysToMacroEvent[first - 1].Should().Be(1);
    }

    /// <summary>
    /// The anchor keeps the scheduled events of the kinds the signals read (fomc, cpi, ppi, in any case): an earnings file
    /// laid on a path was named in the assumptions as driving the event gates, which never read it (review h88). The shared
    /// data with a made-up earnings calendar beside its FOMC meetings.
    /// </summary>
    [SkippableFact]
    public void The_anchor_keeps_the_kinds_the_signals_read()
    {
        var real = Alvh.Data.Catalog.MarketDataLoader.Load(SharedData.Require());
        var day = new DateOnly(2026, 3, 2);
        var earnings = new EventCalendar("earnings", "earnings.csv", [new MarketEvent(day, "earnings", "made up", 1, day, true), new MarketEvent(day, "CPI", "made up", 2, day, true)]);
        var data = new MarketDataSet(real.Folder, real.Calendar, real.Daily, real.Dividends, real.VxFutures, real.Vx, real.VxContinuous, real.Shiller,
            [.. real.Events, earnings], real.Series, real.RulesApplied, real.DividendSeries);

        var anchor = ScenarioAnchor.From(MarketContext.Build(data));

        anchor.ScheduledEvents.Select(e => e.Kind).Distinct().Should().BeEquivalentTo(["fomc", "CPI"], "earnings is read by no signal; CPI is, whatever its case");
        anchor.ScheduledEvents.Should().OnlyContain(e => e.Scheduled, "the history's unscheduled FOMC actions are left out");
    }
}
