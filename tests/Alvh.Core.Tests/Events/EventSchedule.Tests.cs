using Alvh.Events;
using Alvh.MarketData;

namespace Alvh.Core.Tests.Events;

public class EventScheduleTests
{
    // Synthetic calendar: weekdays of two weeks in 2030 (Mon 2030-01-07 … Fri 2030-01-18), Wed 01-09 a holiday.
    private static readonly TradingCalendar Calendar = new(
        Enumerable.Range(7, 12).Select(d => new DateOnly(2030, 1, d))
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && d.Day != 9).ToArray());

    private static MarketEvent Event(int day, string kind) =>
        new(new DateOnly(2030, 1, day), kind, kind.ToUpperInvariant(), 1, new DateOnly(2030, 1, day), true);

    // FOMC on Thu 01-10 (trading index 2); CPI on Sun 01-13 (counts on Mon 01-14, index 4).
    private static readonly EventSchedule Schedule = new([Event(13, "cpi"), Event(10, "fomc")], Calendar);

    [Fact]
    public void Trading_days_until_and_since()
    {
        Schedule.TradingDaysUntilNext("fomc", new DateOnly(2030, 1, 7)).Should().Be(2); // Mon → Tue → Thu (Wed holiday)
        Schedule.TradingDaysUntilNext("FOMC", new DateOnly(2030, 1, 10)).Should().Be(0);
        Schedule.TradingDaysUntilNext("fomc", new DateOnly(2030, 1, 11)).Should().BeNull();
        Schedule.TradingDaysSincePrevious("fomc", new DateOnly(2030, 1, 14)).Should().Be(2); // Thu → Fri → Mon
        Schedule.TradingDaysUntilNext("cpi", new DateOnly(2030, 1, 12)).Should().Be(0);     // Saturday → Monday
        Schedule.TradingDaysUntilNext("ppi", new DateOnly(2030, 1, 7)).Should().BeNull();
    }

    [Fact]
    public void Within_before_after_both()
    {
        var tue = new DateOnly(2030, 1, 8);
        var fri = new DateOnly(2030, 1, 11);
        Schedule.IsWithin("fomc", tue, 1, EventSide.After).Should().BeTrue();
        Schedule.IsWithin("fomc", tue, 0, EventSide.After).Should().BeFalse();
        Schedule.IsWithin("fomc", tue, 5, EventSide.Before).Should().BeFalse();
        Schedule.IsWithin("fomc", fri, 1, EventSide.Before).Should().BeTrue();
        Schedule.IsWithin("fomc", fri, 1, EventSide.After).Should().BeFalse();
        Schedule.IsWithin("fomc", fri, 1).Should().BeTrue();
        var act = () => Schedule.IsWithin("fomc", fri, -1);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Next_event_by_calendar_date_and_per_day_arrays()
    {
        Schedule.NextOnOrAfter("cpi", new DateOnly(2030, 1, 13))!.Value.Date.Should().Be(new DateOnly(2030, 1, 13));
        Schedule.NextOnOrAfter("cpi", new DateOnly(2030, 1, 14)).Should().BeNull();
        Schedule.TradingDaysUntilNextByDay("fomc").ToArray().Should().Equal(2, 1, 0, EventSchedule.None, EventSchedule.None,
            EventSchedule.None, EventSchedule.None, EventSchedule.None, EventSchedule.None);
        Schedule.TradingDaysSincePreviousByDay("cpi").ToArray().Should().Equal(EventSchedule.None, EventSchedule.None,
            EventSchedule.None, EventSchedule.None, 0, 1, 2, 3, 4);
    }
}
