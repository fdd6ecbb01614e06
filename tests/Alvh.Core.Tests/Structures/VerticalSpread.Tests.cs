using Alvh.Pricing;
using Alvh.Structures;

namespace Alvh.Core.Tests.Structures;

public class VerticalSpreadTests
{
    private static readonly DateOnly Expiry = new(2024, 3, 15);

    [Fact]
    public void BullPutCredit_HandComputed()
    {
        // Sell the 4000 put at 12, buy the 3900 put at 4: credit 8, max loss 100 − 8 = 92, break-even 4000 − 8.
        var spread = VerticalSpread.FromStrikes(OptionRight.Put, Expiry, longStrike: 3900, shortStrike: 4000).WithPrices(4, 12);

        spread.IsCredit.Should().BeTrue();
        spread.NetCredit.Should().Be(8);
        spread.Profile.MaxProfit.Should().Be(8);
        spread.Profile.MaxLoss.Should().Be(92);
        spread.DefinedRiskMargin.Should().Be(92);
        spread.Profile.BreakEvens.Should().Equal(3992);
        spread.Profile.ProfitAt(3950).Should().Be(-42); // −50 + 8
    }

    [Fact]
    public void BullCallDebit_HandComputed()
    {
        // Buy the 4000 call at 30, sell the 4050 call at 12: debit 18, max profit 50 − 18 = 32, break-even 4018.
        var spread = VerticalSpread.FromStrikes(OptionRight.Call, Expiry, longStrike: 4000, shortStrike: 4050, quantity: 2).WithPrices(30, 12);

        spread.IsCredit.Should().BeFalse();
        spread.NetCredit.Should().Be(-36);
        spread.Profile.MaxProfit.Should().Be(64);
        spread.Profile.MaxLoss.Should().Be(36);
        spread.DefinedRiskMargin.Should().Be(36);
        spread.Profile.BreakEvens.Should().Equal(4018);
    }

    [Fact]
    public void CreditByDelta_BuildsTheProtectiveLegFurtherOut()
    {
        var market = new OptionMarket(20, 0.04, 0.04, 30 / 365.0, new FlatSmile(0.9)); // a VIX-like future: q = r
        var spread = VerticalSpread.CreditByDelta(market, OptionRight.Call, Expiry, 0.3, 2, StrikeGrid.Vix);

        spread.LongLeg.Strike.Should().Be(spread.ShortLeg.Strike + 2);
        spread.IsCredit.Should().BeTrue();
        spread.NetCredit.Should().BePositive();
    }

    [Fact]
    public void EqualStrikes_AreRejected()
    {
        var act = () => VerticalSpread.FromStrikes(OptionRight.Put, Expiry, 4000, 4000);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void UnpricedLegs_HaveNoCredit()
    {
        var act = () => VerticalSpread.FromStrikes(OptionRight.Put, Expiry, 3900, 4000).NetCredit;

        act.Should().Throw<InvalidOperationException>();
    }
}
