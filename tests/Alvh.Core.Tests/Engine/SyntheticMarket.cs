using Alvh.MarketData;

namespace Alvh.Core.Tests.Engine;

/// <summary>Builds small MarketDataSets in memory from typed values (no files, no real data).</summary>
public static class SyntheticMarket
{
    public static MarketDataSet Build(DateOnly[] days, double[] spyOpen, double[] spyClose, IReadOnlyList<Dividend>? dividends = null, double[]? vix = null)
    {
        var spy = new DailySeries("spy", "spy.csv", days, spyClose, spyOpen, spyClose.Select((c, i) => Math.Max(c, spyOpen[i])).ToArray(),
            spyClose.Select((c, i) => Math.Min(c, spyOpen[i])).ToArray(), days.Select(_ => 1e6).ToArray());
        var daily = new List<DailySeries> { spy };
        if (vix is not null) daily.Add(new DailySeries("vix", "vix.csv", days, vix));
        var divs = dividends is null ? null : new DividendSeries("spy-dividends", "d.csv", dividends);
        return new MarketDataSet("memory", new TradingCalendar(days), daily, divs, [], null, null, null, [], [], []);
    }

    public static DateOnly[] Weekdays(DateOnly from, int count)
    {
        var days = new List<DateOnly>();
        for (var d = from; days.Count < count; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) days.Add(d);
        }
        return [.. days];
    }
}
