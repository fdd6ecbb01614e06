using Alvh.Data.Catalog;
using Alvh.Data.Readers;
using Alvh.Engine;
using Alvh.MarketData;

namespace Alvh.Data.Tests.Readers;

// Layout: date,advances,declines (NYSE advancing/declining issues, as vendors publish them). Values made up.
public class BreadthReaderTests
{
    [Fact]
    public void Reads_net_advances_whose_running_sum_is_the_advance_decline_line()
    {
        var r = BreadthReader.Parse("date,advances,declines\n2020-01-02,2000,1000\n2020-01-03,900,2100\n", "breadth", "b.csv");
        r.Series.Close.Should().Equal(1000.0, -1200.0);
    }

    [Fact]
    public void Negative_or_fractional_counts_are_errors()
    {
        var act = () => BreadthReader.Parse("date,advances,declines\n2020-01-02,-5,1000\n", "breadth", "b.csv");
        act.Should().Throw<DataFormatException>().Where(e => e.Line == 2 && e.Field == "advances");
    }

    [Fact]
    public void A_breadth_file_is_recognised_by_header_and_feeds_the_divergence_signal()
    {
        using var d = new TempFolder();
        var days = Enumerable.Range(0, 30).Select(i => new DateOnly(2020, 1, 1).AddDays(i)).Where(x => x.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToArray();
        // Price makes a new high on the last day while breadth (net advances negative) falls: a bearish divergence.
        var spy = string.Join("\n", days.Select((x, i) => $"{x:yyyy-MM-dd},{100 + i},{101 + i},{99 + i},{100 + i},1000"));
        var breadth = string.Join("\n", days.Select((x, i) => $"{x:yyyy-MM-dd},{(i < 10 ? 2000 : 1000)},{(i < 10 ? 1000 : 2000)}"));
        d.Write("spx-daily.csv", "Date,Open,High,Low,Close,Volume\n" + spy + "\n");
        d.Write("nyse-ad.csv", "date,advances,declines\n" + breadth + "\n");
        var set = MarketDataLoader.Load(d.Path);
        set.Get("breadth").Count.Should().Be(days.Length);
        var signals = Signals.Build(set, new SignalParameters { BreadthLookback = 5 });
        signals.BreadthDivergence[^1].Should().Be(-1, "SPX is at its 5-day high and the A/D line is falling");
        // Net advances go from +1,000 to −1,000 on day 10: a −200% "move" was reported as an outlier.
        set.Series.Single(s => s.Id == "breadth").Issues.Should().NotContain(i => i.Kind == "outlier");
    }
}
