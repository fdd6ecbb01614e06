using Alvh.Engine;
using Alvh.MarketData;
using Alvh.Runs;

namespace Alvh.Core.Tests.Research;

/// <summary>The series a run's metrics are measured against, on the run's own dates.</summary>
public class RunSeriesTests
{
    private static (MarketDataSet Data, DateOnly[] Days) Market(int count)
    {
        var days = new DateOnly[count];
        var day = new DateOnly(2021, 1, 4);
        for (int i = 0; i < count; i++)
        {
            days[i] = day;
            day = day.AddDays(day.DayOfWeek == DayOfWeek.Friday ? 3 : 1);
        }
        var spx = days.Select((_, i) => 3000.0 + i).ToArray();
        var vix = days.Select((_, i) => 20.0 + (0.01 * i)).ToArray();
        var series = new[] { new DailySeries("spx", "spx.csv", days, spx), new DailySeries("vix", "vix.csv", days, vix) };
        return (new MarketDataSet("test", new TradingCalendar(days), series, null, [], null, null, null, [], [], []), days);
    }

    /// <summary>
    /// A stretch of the calendar, every other day of it, and a stretch whose first day is not the calendar's first:
    /// each date's benchmark and VIX are the closes of that very day (the walk along the calendar and the binary
    /// search agree), and the bill return spans the calendar days since the previous date at the rate of that date's
    /// trading day: exp(r·days/365) − 1, with r = 0.05 over a weekend (3 days) = 4.1104e-4.
    /// </summary>
    [Fact]
    public void Each_date_reads_its_own_day_whether_the_dates_are_a_stretch_or_not()
    {
        var (data, days) = Market(60);
        var rates = Enumerable.Repeat(0.05, days.Length).ToArray();
        DateOnly[][] cases = [days[10..40], days.Where((_, i) => i % 2 == 0).ToArray(), days[1..], [days[5], days[9], days[10], days[11], days[30]]];
        foreach (var dates in cases)
        {
            var series = new RunSeries(data, rates, dates);
            for (int k = 0; k < dates.Length; k++)
            {
                int i = Array.IndexOf(days, dates[k]);
                series.Benchmark[k].Should().Be(3000.0 + i);
                series.Vix[k].Should().Be(20.0 + (0.01 * i));
                double expected = k == 0 ? 0 : Math.Exp(0.05 * (dates[k].DayNumber - dates[k - 1].DayNumber) / 365.0) - 1;
                series.BillReturns[k].Should().Be(expected);
            }
        }
        // Monday 2021-01-11 after Friday 2021-01-08: three calendar days.
        var weekend = new RunSeries(data, rates, [days[4], days[5]]);
        weekend.BillReturns[1].Should().BeApproximately(4.1104e-4, 1e-8);
    }

    /// <summary>
    /// The calendar's precomputed growth (<see cref="BillGrowth.ForCalendar"/>) gives every date the bill return the
    /// per-date exponential gives, to the bit: on stretches, on dates with gaps (computed there), where the rate is
    /// missing (0) and past the end of the rates (0). Rates are drawn from a seeded generator.
    /// </summary>
    [Fact]
    public void The_precomputed_growth_gives_the_same_bill_returns_as_the_exponential()
    {
        var (data, days) = Market(80);
        var random = new Random(20261127);
        var rates = Enumerable.Range(0, 70).Select(_ => random.NextDouble() < 0.1 ? double.NaN : (random.NextDouble() * 0.08) - 0.01).ToArray();
        var growth = BillGrowth.ForCalendar(data.Calendar, rates);
        double.IsNaN(growth[0]).Should().BeTrue();
        DateOnly[][] cases = [days, days[10..40], days.Where((_, i) => i % 3 != 1).ToArray(), days[60..], [days[5], days[9], days[10], days[11], days[79]]];
        foreach (var dates in cases)
        {
            var expected = new RunSeries(data, rates, dates);
            var fromTable = new RunSeries(data, rates, dates, growth);
            fromTable.BillReturns.Should().Equal(expected.BillReturns);
        }
        var act = () => new RunSeries(data, rates, days, growth[1..]);
        act.Should().Throw<ArgumentException>().WithMessage("*growth has 79 days, the calendar 80*");
    }

    /// <summary>
    /// The total return index by hand: closes 100, 102, 101, 103 with a dividend of 1 going ex on the third day. Level
    /// 100, 102, 102 × (101 + 1) / 102 = 102, then 102 × 103 / 101 = 104.0198; a day without a close (NaN) carries
    /// nothing and the next close compounds from the last one.
    /// </summary>
    [Fact]
    public void The_total_return_index_reinvests_each_dividend_at_its_ex_dates_close()
    {
        var (data, days) = Market(5);
        double[] closes = [100, 102, 101, double.NaN, 103];
        var level = RunSeries.TotalReturnIndex(closes, [new Dividend(days[2], 1.0, days[2].AddDays(20))], data.Calendar);
        level[0].Should().Be(100);
        level[1].Should().Be(102);
        level[2].Should().BeApproximately(102, 1e-12);
        double.IsNaN(level[3]).Should().BeTrue();
        level[4].Should().BeApproximately(102 * 103 / 101.0, 1e-12);
        var series = new RunSeries(data, days.Select(_ => 0.0).ToArray(), days[1..3], [], level);
        series.Benchmark.Should().Equal(level[1], level[2]);
    }
}
