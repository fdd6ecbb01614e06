using Alvh.Costs;

namespace Alvh.Core.Tests.Costs;

public class OptionFillModelTests
{
    private static readonly BidAskModel Quotes = BidAskModel.Default;

    // Hand-computed from the documented defaults (BidAskParameters.Spx / Vix).
    [Theory]
    [InlineData(OptionProduct.Spx, 10.0, 45, 15, 0.25)] // max(0.05, 0.05 + 0.02 × 10)
    [InlineData(OptionProduct.Spx, 10.0, 45, 40, 0.50)] // × VIX 40 / 20
    [InlineData(OptionProduct.Spx, 10.0, 0, 15, 0.375)] // × 1.5 at 0 DTE
    [InlineData(OptionProduct.Spx, 10.0, 3.5, 15, 0.3125)] // × (1 + 0.5 × (1 − 3.5/7))
    [InlineData(OptionProduct.Spx, 0.0, 45, 15, 0.05)] // the floor: one tick of 0.05 below 3.00
    [InlineData(OptionProduct.Spx, 1.0, 45, 15, 0.07)] // 0.05 + 0.02
    [InlineData(OptionProduct.Vix, 1.0, 30, 18, 0.04)] // 0.01 + 0.03 × 1
    [InlineData(OptionProduct.Vix, 0.0, 30, 18, 0.01)] // one VIX tick below 3.00
    public void HalfSpread_FollowsTheDocumentedFormula(OptionProduct product, double mid, double days, double vix, double expected) =>
        Quotes.HalfSpread(product, mid, days, vix).Should().BeApproximately(expected, 1e-12);

    [Theory]
    [InlineData(FillConvention.Mid, 1, 10.0)]
    [InlineData(FillConvention.Touch, 1, 10.25)]
    [InlineData(FillConvention.Touch, -1, 9.75)]
    [InlineData(FillConvention.MidPlusFractionOfHalfSpread, 1, 10.125)] // k = 0.5
    [InlineData(FillConvention.MidPlusFractionOfHalfSpread, -1, 9.875)]
    public void Fill_PriceDependsOnTheConvention(FillConvention convention, int quantity, double expected)
    {
        var model = new OptionFillModel(Quotes, FeeSchedule.Spx, FeeSchedule.Vix, convention);

        model.Fill(new FillRequest(OptionProduct.Spx, 10.0, 45, 15, quantity)).Price.Should().BeApproximately(expected, 1e-12);
    }

    [Fact]
    public void Fill_CashFlowIncludesMultiplierAndFees()
    {
        var model = new OptionFillModel(Quotes, FeeSchedule.Spx, FeeSchedule.Vix, FillConvention.Touch);

        // Sell 2 SPX at the bid 9.75: +2 × 9.75 × 100 − 2 × (0.65 + 0.60 + 0.03).
        var fill = model.Fill(new FillRequest(OptionProduct.Spx, 10.0, 45, 15, -2));

        fill.Fees.Should().BeApproximately(2.56, 1e-12);
        fill.CashFlow.Should().BeApproximately(1950 - 2.56, 1e-9);
    }

    [Fact]
    public void Fill_SellNeverBelowZero() =>
        new OptionFillModel(Quotes, FeeSchedule.Spx, FeeSchedule.Vix, FillConvention.Touch)
            .Fill(new FillRequest(OptionProduct.Spx, 0.02, 1, 30, -1)).Price.Should().Be(0);

    [Fact]
    public void Fill_RejectsZeroQuantity()
    {
        var act = () => OptionFillModel.Default.Fill(new FillRequest(OptionProduct.Vix, 1, 30, 18, 0));

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Parameters_AreNamedWithUnitsAndReasons()
    {
        var parameters = OptionFillModel.Default.Parameters;

        parameters.Select(p => p.Name).Should().OnlyHaveUniqueItems();
        parameters.Should().OnlyContain(p => p.Unit.Length > 0 && p.Reason.Length > 0 && double.IsFinite(p.Value));
        parameters.Should().Contain(p => p.Name == "Spx.TickBelowThreshold" && p.Value == 0.05);
        parameters.Should().Contain(p => p.Name == "Spx.CommissionPerContract" && p.Value == 0.65);
        parameters.Should().HaveCount(10 * 2 + 3 * 2 + 2);
    }
}
