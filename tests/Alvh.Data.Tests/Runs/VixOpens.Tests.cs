using Alvh.Data.Catalog;
using Alvh.Runs;

namespace Alvh.Data.Tests.Runs;

/// <summary>
/// The VIX opens the option model reads at the open, on the real history (PROVENANCE.md: before 1992-01-02 the VIX's
/// OPEN = HIGH = LOW = CLOSE; `alvh data info` lists opens outside the day's range).
/// </summary>
public class VixOpensTests
{
    [SkippableFact]
    public void Opens_outside_the_days_range_or_equal_to_the_close_before_1992_are_not_read()
    {
        var data = MarketDataLoader.Load(SharedData.Require());
        var market = MarketContext.Build(data).Options;
        var vix = data.Get("vix");
        int Day(DateOnly d) => data.Calendar.IndexOf(d);
        int Row(DateOnly d) => Array.IndexOf(vix.Dates, d);

        // 2006-02-08 opened at 41.60 against a high of 13.61: it widened that morning's spreads threefold.
        var bad = new DateOnly(2006, 2, 8);
        vix.Open![Row(bad)].Should().BeGreaterThan(vix.High![Row(bad)], "the file's row is as described");
        market.VixOpen(Day(bad)).Should().Be(double.NaN);
        // 1991-06-03: one number for the whole day, the close, not known at the open.
        market.VixOpen(Day(new DateOnly(1991, 6, 3))).Should().Be(double.NaN);
        // An ordinary day keeps its open.
        var normal = new DateOnly(2020, 3, 16);
        market.VixOpen(Day(normal)).Should().Be(vix.Open[Row(normal)]);
    }
}
