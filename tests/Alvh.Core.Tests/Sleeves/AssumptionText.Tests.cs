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
}
