using Alvh.Data.Catalog;
using Alvh.Runs;
using Alvh.Strategies;

namespace Alvh.Data.Tests.Runs;

/// <summary>The metrics' series a market context keeps for the runs of one period (ALVH_DATA).</summary>
public class SeriesForTests
{
    private static readonly Lazy<MarketContext> Context = new(() => MarketContext.Build(MarketDataLoader.Load(SharedData.Require())));

    /// <summary>
    /// Dates beyond the default period (the days with both an S&amp;P 500 and a VIX close) are held to it: a --to past the
    /// S&amp;P 500's last close ran on with SPY and the VIX futures alone, and a --from before the VIX began ran ungated.
    /// </summary>
    [SkippableFact]
    public void Dates_outside_the_default_period_are_held_to_it()
    {
        SharedData.Require();
        var market = Context.Value;
        var (first, last) = market.DefaultPeriod();

        var late = market.Run(Presets.Drip, last.AddDays(-30), last.AddYears(1)).Dates();
        var early = market.Run(Presets.Drip, first.AddYears(-10), first.AddDays(30)).Dates();

        late[^1].Should().Be(last);
        early[0].Should().Be(first);
    }

    /// <summary>
    /// Two runs of one period get the one series, equal in every array to a series built afresh from the rates
    /// (the exponential per date); a run of another period gets its own. Reference: <see cref="RunSeries"/>'s own
    /// constructor without the calendar's growth table.
    /// </summary>
    [SkippableFact]
    public void Runs_of_one_period_share_a_series_equal_to_a_fresh_one()
    {
        SharedData.Require();
        var market = Context.Value;
        var (from, to) = (new DateOnly(2015, 1, 2), new DateOnly(2016, 12, 30));
        var first = market.Run(Presets.Drip, from, to).Dates();
        var second = market.Run(Presets.Drip with { Capital = 250_000 }, from, to).Dates();
        var series = market.SeriesFor(first);
        market.SeriesFor(second).Should().BeSameAs(series);
        var fresh = new RunSeries(market.Data, market.Rates, first, [], market.SpxTotalReturn);
        series.BillReturns.Should().Equal(fresh.BillReturns);
        series.Benchmark.Should().Equal(fresh.Benchmark);
        series.Vix.Should().Equal(fresh.Vix);
        series.BillReturns.Count(r => r != 0).Should().BeGreaterThan(first.Length / 2, "2015-2016 T-bill rates are above zero on most days");

        var other = market.Run(Presets.Drip, from, new DateOnly(2016, 6, 30)).Dates();
        var otherSeries = market.SeriesFor(other);
        otherSeries.Should().NotBeSameAs(series);
        otherSeries.Dates.Should().Equal(other);
    }
}
