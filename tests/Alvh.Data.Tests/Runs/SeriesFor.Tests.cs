using Alvh.Data.Catalog;
using Alvh.Runs;
using Alvh.Strategies;

namespace Alvh.Data.Tests.Runs;

/// <summary>The metrics' series a market context keeps for the runs of one period (ALVH_DATA).</summary>
public class SeriesForTests
{
    private static readonly Lazy<MarketContext> Context = new(() => MarketContext.Build(MarketDataLoader.Load(SharedData.Require())));

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
        var fresh = new RunSeries(market.Data, market.Rates, first);
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
