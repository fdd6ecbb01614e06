using Alvh.Engine;

namespace Alvh.Core.Tests.Engine;

/// <summary>The engine's printed assumptions (summary.json's <c>assumptions</c>).</summary>
public class BacktestConfigTests
{
    /// <summary>
    /// The index's dividends are a model (IndexDividends.FromShiller and ContinuedWithSpy): one twelfth of Shiller's trailing
    /// dividend on each month's first trading day, paid that day. A cboe-bxm run's ledger holds them (2012-02-01: 26.7367 / 12
    /// = 2.2281 per unit, shiller-sp500-monthly.csv's 2012-01 Dividend), yet the assumptions named only SPY's pay dates
    /// (h106's ledger audit).
    /// </summary>
    [Fact]
    public void The_index_dividend_model_is_printed()
    {
        var rule = new BacktestConfig().Assumptions().Single(a => a.Name == "indexDividends");
        rule.Value.Should().Contain("Shiller").And.Contain("/ 12").And.Contain("first trading day").And.Contain("SPY's distributions");
    }
}
