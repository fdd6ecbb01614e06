using Alvh.Data.Readers;
using Alvh.MarketData;

namespace Alvh.Data.Tests.Csv;

// Made-up rows in the FOMC list's and FRED's layouts.
public class CsvTableTests
{
    [Fact]
    public void An_unclosed_quote_is_an_error_at_its_line_not_the_end_of_the_file()
    {
        // The open quote ran its field to the end of the file: the list ended at line 3 (2 meetings of 4) without a word.
        var text = "start_date,end_date,type,source,source_text\r\n" +
                   "2020-01-28,2020-01-29,scheduled,x,January 28-29 Meeting\r\n" +
                   "2020-03-03,2020-03-03,unscheduled,x,\"March 3 call\r\n" +
                   "2020-03-15,2020-03-15,unscheduled,x,March 15 call\r\n" +
                   "2020-04-28,2020-04-29,scheduled,x,April 28-29 Meeting\r\n";
        var act = () => EventCalendarReader.Parse(text, "fomc", "fomc.csv");
        act.Should().Throw<DataFormatException>()
            .Where(e => e.File == "fomc.csv" && e.Line == 3 && e.Field == "source_text")
            .WithMessage("fomc.csv:3: field 'source_text': a quoted field runs on past the end of its line (an unclosed quote?); a row is one line");
    }

    [Fact]
    public void Quoted_fields_on_one_line_and_CRLF_line_ends_are_read()
    {
        var fred = FredReader.Parse("DATE,DTB3\r\n2020-01-02,\"1.52\"\r\n2020-01-03,1.50\r\n", "dtb3", "dtb3.csv");
        fred.Series.Close.Should().Equal(1.52, 1.50);
        var fomc = EventCalendarReader.Parse("start_date,end_date,type,source,source_text\n2020-01-28,2020-01-29,scheduled,x,\"January 28-29, Meeting\"\n", "fomc", "fomc.csv");
        fomc.Value.Events.Should().ContainSingle();
    }
}
