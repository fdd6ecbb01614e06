using Alvh.Pricing;
using Alvh.Structures;

namespace Alvh.Core.Tests.Structures;

public class SingleOptionTests
{
    private static readonly DateOnly Expiry = new(2024, 3, 15);

    [Fact]
    public void LongCall_UnboundedProfit_LossIsThePremium()
    {
        var call = SingleOption.Create(OptionRight.Call, Expiry, 25, 10).WithPrice(1.5); // ten VIX calls at 1.50

        call.Profile.MaxProfit.Should().Be(double.PositiveInfinity);
        call.Profile.MaxLoss.Should().Be(15);
        call.Profile.BreakEvens.Should().Equal(26.5);
        call.Margin(18).Should().Be(15);
    }

    [Fact]
    public void ShortCall_HasUnboundedLoss() =>
        SingleOption.Create(OptionRight.Call, Expiry, 4300, -1).WithPrice(5).Profile.MaxLoss.Should().Be(double.PositiveInfinity);

    [Theory]
    // Cboe uncovered broad-based index rule: value + max(15% × S − OTM, 10% × (S for calls, K for puts)).
    [InlineData(OptionRight.Put, 3800, 10, 410)] // 15% × 4000 − 200 = 400 ≥ 10% × 3800 = 380
    [InlineData(OptionRight.Call, 4300, 5, 405)] // 15% × 4000 − 300 = 300 < 10% × 4000 = 400
    [InlineData(OptionRight.Put, 4100, 120, 720)] // in the money: 120 + 600
    public void ShortIndexOption_Margin(OptionRight right, double strike, double price, double expected) =>
        SingleOption.Create(right, Expiry, strike, -1).WithPrice(price).Margin(4000).Should().BeApproximately(expected, 1e-9);
}
