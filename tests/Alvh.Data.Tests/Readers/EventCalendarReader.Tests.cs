using Alvh.Data.Readers;

namespace Alvh.Data.Tests.Readers;

// Layouts: FOMC meeting lists (start_date,end_date,type,...) as scraped from federalreserve.gov, and a
// generic date,event[,importance] calendar. Dates made up.
public class EventCalendarReaderTests
{
    [Fact]
    public void Fomc_events_fall_on_the_decision_day_and_are_sorted()
    {
        var text = "start_date,end_date,type,source,source_text\n" +
                   "2020-03-15,2020-03-15,unscheduled,x,March 15 call\n" +
                   "2020-01-28,2020-01-29,scheduled,x,January 28-29 Meeting\n";
        var cal = EventCalendarReader.Parse(text, "fomc", "fomc.csv").Value;
        cal.Events.Select(e => e.Date).Should().Equal(new DateOnly(2020, 1, 29), new DateOnly(2020, 3, 15));
        cal.Events[0].StartDate.Should().Be(new DateOnly(2020, 1, 28));
        cal.Events[0].Scheduled.Should().BeTrue();
        cal.Events[1].Scheduled.Should().BeFalse();
        cal.Events.Should().OnlyContain(e => e.Kind == "fomc");
    }

    [Fact]
    public void Generic_calendars_take_their_kind_from_the_file_id_or_a_kind_column()
    {
        var byId = EventCalendarReader.Parse("date,event,importance\n2024-01-11,CPI December,3\n", "cpi", "cpi.csv").Value;
        byId.Events[0].Kind.Should().Be("cpi");
        byId.Events[0].Importance.Should().Be(3);
        var byColumn = EventCalendarReader.Parse("date,event,kind\n2024-01-12,PPI December,PPI\n", "macro", "macro.csv").Value;
        byColumn.Events[0].Kind.Should().Be("ppi");
    }

    [Fact]
    public void A_repeated_meeting_is_dropped_and_not_counted_in_the_rows()
    {
        // The rows counted the repeat (data info showed 3 rows for 2 meetings), where the daily readers count the rows kept.
        var text = "start_date,end_date,type\n2020-01-28,2020-01-29,scheduled\n2020-01-28,2020-01-29,scheduled\n2020-03-15,2020-03-15,unscheduled\n";
        var loaded = EventCalendarReader.Parse(text, "fomc", "f.csv");
        loaded.Value.Events.Should().HaveCount(2);
        loaded.Rows.Should().Be(2);
        loaded.Issues.Should().ContainSingle().Which.Line.Should().Be(3);
    }

    [Fact]
    public void Unknown_meeting_type_is_an_error()
    {
        var act = () => EventCalendarReader.Parse("start_date,end_date,type\n2020-01-28,2020-01-29,maybe\n", "fomc", "f.csv");
        act.Should().Throw<Alvh.MarketData.DataFormatException>().Where(e => e.Line == 2 && e.Field == "type");
    }
}
