using Alvh.Engine;
using Alvh.Sleeves;

namespace Alvh.Core.Tests.Sleeves;

/// <summary>
/// The rules as the reports print them: in words and units a reader can take in (a review found C#'s True/False,
/// "take profit 0.5" for half the credit, "1 days", and a per-layer budget that read as three times the whole).
/// </summary>
public class AssumptionTextTests
{
    [Fact]
    public void Rules_read_in_words_and_units()
    {
        var all = new AlvhParameters().ToAssumptions().Concat(new CondorParameters { EventBufferDays = 1 }.ToAssumptions()).Concat(new DripSleeve().Parameters).ToList();
        all.Should().NotContain(a => a.Value.Contains("True") || a.Value.Contains("False"), "yes or no, not C#'s booleans");
        all.Single(a => a.Name == "management").Value.Should().StartWith("take profit at 50% of the credit, stop at a loss of 2x the credit");
        all.Single(a => a.Name == "gates").Value.Should().Contain("event buffer 1 trading day").And.NotContain("1 days").And.NotContain("1 trading days");
        all.Single(a => a.Name == "budgetPerYear").Unit.Should().Be("of equity/yr, all layers together");
        all.Single(a => a.Name == "tranches").Value.Should().Contain("MACD(VIX) cross up yes");
        new CondorParameters { EventBufferDays = -1 }.ToAssumptions().Single(a => a.Name == "gates").Value.Should().Contain("no event buffer");
    }

    /// <summary>A take profit or a stop of 0 is none (the sleeve skips it): it read "take profit at 0% of the credit, stop at a loss of 0x the credit".</summary>
    [Fact]
    public void A_take_profit_or_a_stop_of_zero_reads_as_none()
    {
        new CondorParameters { TakeProfit = 0, StopLoss = 0 }.ToAssumptions().Single(a => a.Name == "management").Value
            .Should().StartWith("no take profit, no stop loss, close at").And.NotContain("0%").And.NotContain("0x");
    }
    /// <summary>
    /// The DRIP's dividend rule says when, at what price and at what cost a dividend is reinvested, as the engine does it
    /// (BacktestEngine.Flows.cs, Dividends: the pay date's close, or the ex-date's under ReinvestOnExDate, a trade of cost
    /// 0). It said "DRIP plans reinvest on the pay date" under every reinvesting policy, the ex-date's too, and named no
    /// price or cost, where the sleeve's other SPY trades pay a 1 bp half-spread at the open (h106's ledger audit).
    /// </summary>
    [Fact]
    public void The_dividend_rule_names_the_day_price_and_cost_of_a_reinvestment()
    {
        string Reason(DividendPolicy policy) => new DripSleeve(dividends: policy).Parameters.Single(a => a.Name == "dividends").Reason;
        Reason(DividendPolicy.ReinvestOnPayDate).Should().Contain("pay date").And.Contain("close").And.Contain("no half-spread or commission");
        Reason(DividendPolicy.ReinvestOnExDate).Should().Contain("ex-date").And.NotContain("pay date").And.Contain("close").And.Contain("no half-spread or commission");
        Reason(DividendPolicy.Cash).Should().Contain("not reinvested");
    }
}
