using Alvh.Data.Catalog;
using Alvh.Engine;
using Alvh.Runs;
using Alvh.Strategies;

namespace Alvh.Data.Tests.Runs;

/// <summary>The engine's daily columns on the full system over real history (ALVH_DATA).</summary>
public class DailyColumnsTests
{
    private static readonly Lazy<MarketContext> Context = new(() => MarketContext.Build(MarketDataLoader.Load(SharedData.Require())));

    [SkippableFact]
    public void Cash_replayed_from_the_ledger_is_the_ledger_total_at_every_close()
    {
        // The cash column is not written by the loop but replayed from the ledger. Reference: the ledger's
        // own TotalCash() at the close of a run, taken for runs ending on several dates (no look-ahead, so a
        // shorter run is the same book up to its end): each must equal the replayed row of the longer run
        // to the bit. Four sleeves with interest, dividends, transfers, fills and settlements.
        SharedData.Require();
        var market = Context.Value;
        var from = new DateOnly(2019, 6, 3);
        var full = market.Run(Presets.DripCondorAlvh, from, new DateOnly(2020, 12, 31));
        var table = full.Daily.Should().BeOfType<DailyTable>().Subject;
        table.Cash[^1].Should().Be(full.Ledger.TotalCash());
        foreach (var end in new[] { new DateOnly(2019, 6, 3), new DateOnly(2019, 12, 31), new DateOnly(2020, 3, 18), new DateOnly(2020, 9, 30) })
        {
            var shorter = market.Run(Presets.DripCondorAlvh, from, end);
            int row = shorter.Daily.Count - 1;
            table.Dates[row].Should().Be(shorter.Daily[row].Date);
            table.Cash[row].Should().Be(shorter.Ledger.TotalCash(), $"the cash at the close of {end:yyyy-MM-dd}");
            table.Equity[row].Should().Be(shorter.FinalEquity);
        }
        // Rows read through the list interface carry the same columns.
        full.Daily[100].Cash.Should().Be(table.Cash[100]);
        full.Daily[100].SleeveValues.Sum().Should().BeApproximately(table.Equity[100], 1e-6);
        full.Daily[100].Drawdown.Should().Be(table.Drawdown[100]);
    }
}
