using Alvh.Reports.Tests.Support;

namespace Alvh.Reports.Tests;

public sealed class TradeMarksTests
{
    [Fact]
    public void Condor_pnl_sums_fills_fees_and_settlements_per_expiry()
    {
        var (study, _) = SyntheticStudy.Build(days: 200);
        var result = study.Run("drip-condor").Backtest!;
        var pnl = TradeMarks.CondorPnl(result);
        var expiries = result.Ledger.Entries.Where(e => e.Sleeve == "condor").Select(e => e.Instrument.Expiry).Distinct().Count();
        pnl.Should().HaveCount(expiries);
        pnl.Sum().Should().BeApproximately(result.Ledger.Entries.Where(e => e.Sleeve == "condor").Sum(e => e.Cash), 1e-6);
    }

    [Fact]
    public void Layer_events_split_additions_from_monetisations()
    {
        var (study, _) = SyntheticStudy.Build();
        var result = study.Run("drip-alvh").Backtest!;
        var (additions, monetisations) = TradeMarks.LayerEvents(result);
        additions.Should().NotBeEmpty().And.BeInAscendingOrder();
        additions.Should().HaveCount(result.Trades.Count(t => TradeMarks.IsAddition(t.Reason)));
        monetisations.Should().HaveCount(result.Trades.Count(t => t.Reason.StartsWith("monetise", StringComparison.Ordinal)));
        additions.Intersect(monetisations).Should().BeEmpty();
    }
}
