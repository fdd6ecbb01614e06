using Alvh.Model;

namespace Alvh.Core.Tests.Model;

public class CarryRatesTests
{
    [Fact]
    public void Discount_yield_of_5_percent_converts_by_the_bank_discount_definition()
    {
        // Treasury bank-discount basis: P = 1 − d·t/360. By hand: 0.05 × 91/360 = 0.012638888…,
        // P = 0.987361111…; ln P = −0.0127194390747; r = 0.0127194390747 / (91/365) = 0.0510175303544.
        double price = 1.0 - 0.05 * 91.0 / 360.0;
        price.Should().BeApproximately(0.9873611111111111, 1e-15);
        CarryRates.FromDiscountYield(5.00).Should().BeApproximately(0.0510175303544, 1e-12);
    }

    [Fact]
    public void Zero_discount_yield_is_a_zero_rate() => CarryRates.FromDiscountYield(0.0).Should().Be(0.0);

    [Fact]
    public void Fed_funds_converts_from_act_360_overnight_compounding()
    {
        // 365 · ln(1 + 0.05/360) = 365 · 1.38879e-4… = 0.0506909243 (by hand, series ln(1+x) ≈ x − x²/2).
        CarryRates.FromFedFunds(5.0).Should().BeApproximately(0.0506909243229, 1e-12);
    }

    [Fact]
    public void Dividend_yield_is_continuous()
        => CarryRates.ContinuousFromSimpleYield(0.02).Should().BeApproximately(Math.Log(1.02), 1e-15);
}
