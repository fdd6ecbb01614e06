using Alvh.Pricing;

namespace Alvh.Core.Tests.Pricing;

public class ImpliedVolatilityTests
{
    public static TheoryData<double, int> MoneynessAndTenor()
    {
        var data = new TheoryData<double, int>();
        foreach (double moneyness in new[] { 0.5, 0.7, 0.9, 0.97, 1.0, 1.03, 1.1, 1.4, 2.0 })
        {
            foreach (int days in new[] { 1, 7, 30, 91, 365, 1095 })
            {
                data.Add(moneyness, days);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MoneynessAndTenor))]
    public void Black_scholes_round_trip_across_moneyness_and_tenor(double moneyness, int days)
    {
        double t = days / 365.0;
        foreach (var right in new[] { OptionRight.Call, OptionRight.Put })
        {
            foreach (double vol in new[] { 0.05, 0.12, 0.2, 0.35, 0.6, 1.0, 2.0 })
            {
                const double spot = 4500.0;
                double strike = spot * moneyness;
                double price = BlackScholes.Price(right, spot, strike, 0.04, 0.015, vol, t);
                var greeks = BlackScholes.Greeks(right, spot, strike, 0.04, 0.015, vol, t);
                var result = ImpliedVolatility.ForBlackScholes(right, price, spot, strike, 0.04, 0.015, t);

                result.Status.Should().Be(ImpliedVolStatus.Ok, "{0} K/S={1} T={2}d σ={3} price={4}", right, moneyness, days, vol, price);

                // The price must be reproduced to rounding; the vol is pinned only where the price
                // carries information about it: its error is bounded by (price rounding) / vega.
                double reprice = BlackScholes.Price(right, spot, strike, 0.04, 0.015, result.Vol, t);
                reprice.Should().BeApproximately(price, 1e-12 * spot);
                double volTolerance = Math.Max(1e-10, 1e-13 * spot / Math.Max(greeks.Vega, 1e-300));
                if (volTolerance < 0.01)
                {
                    result.Vol.Should().BeApproximately(vol, volTolerance, "{0} K/S={1} T={2}d σ={3}", right, moneyness, days, vol);
                }
            }
        }
    }

    [Fact]
    public void Black76_round_trip_on_random_inputs()
    {
        foreach (var o in RandomOptions.Generate(seed: 11, count: 2000))
        {
            double price = Black76.Price(o.Right, o.Spot, o.Strike, o.Rate, o.Vol, o.T);
            double vega = Black76.Greeks(o.Right, o.Spot, o.Strike, o.Rate, o.Vol, o.T).Vega;
            var result = ImpliedVolatility.ForBlack76(o.Right, price, o.Spot, o.Strike, o.Rate, o.T);
            result.Status.Should().Be(ImpliedVolStatus.Ok, "{0}", o);
            result.Iterations.Should().BeLessThan(100);
            double volTolerance = Math.Max(1e-10, 1e-13 * o.Spot / Math.Max(vega, 1e-300));
            if (volTolerance < 0.01)
            {
                result.Vol.Should().BeApproximately(o.Vol, volTolerance, "{0}", o);
            }
        }
    }

    [Fact]
    public void Deep_wing_prices_converge()
    {
        // A 1-day 15%-OTM SPX put at 15% vol is ~21 standard deviations out and worth ~1e-100:
        // the log-space Newton still recovers the vol (the price keeps ~15 significant digits).
        double price = BlackScholes.Price(OptionRight.Put, 4500, 3800, 0.04, 0.0, 0.15, 1 / 365.0);
        price.Should().BeGreaterThan(0).And.BeLessThan(1e-50);
        var result = ImpliedVolatility.ForBlackScholes(OptionRight.Put, price, 4500, 3800, 0.04, 0.0, 1 / 365.0);
        result.Status.Should().Be(ImpliedVolStatus.Ok);
        result.Vol.Should().BeApproximately(0.15, 1e-12);
        result.Iterations.Should().BeLessThan(30);
    }

    [Fact]
    public void Prices_outside_no_arbitrage_bounds_return_nan_with_reason()
    {
        const double spot = 100, strike = 90, rate = 0.05, yield = 0.01, t = 0.5;
        double discount = Math.Exp(-rate * t);
        double forward = spot * Math.Exp((rate - yield) * t);
        double intrinsicCall = discount * (forward - strike);

        var below = ImpliedVolatility.ForBlackScholes(OptionRight.Call, intrinsicCall - 0.01, spot, strike, rate, yield, t);
        below.Status.Should().Be(ImpliedVolStatus.BelowIntrinsic);
        double.IsNaN(below.Vol).Should().BeTrue();

        var negative = ImpliedVolatility.ForBlackScholes(OptionRight.Put, -0.5, spot, strike, rate, yield, t);
        negative.Status.Should().Be(ImpliedVolStatus.InvalidInput);
        double.IsNaN(negative.Vol).Should().BeTrue();

        var aboveCall = ImpliedVolatility.ForBlackScholes(OptionRight.Call, discount * forward, spot, strike, rate, yield, t);
        aboveCall.Status.Should().Be(ImpliedVolStatus.AboveUpperBound);
        double.IsNaN(aboveCall.Vol).Should().BeTrue();

        var abovePut = ImpliedVolatility.ForBlack76(OptionRight.Put, discount * strike + 1e-6, forward, strike, rate, t);
        abovePut.Status.Should().Be(ImpliedVolStatus.AboveUpperBound);

        ImpliedVolatility.ForBlack76(OptionRight.Put, 1.0, forward, strike, rate, 0.0).Status.Should().Be(ImpliedVolStatus.InvalidInput);
        ImpliedVolatility.ForBlack76(OptionRight.Put, double.NaN, forward, strike, rate, t).Status.Should().Be(ImpliedVolStatus.InvalidInput);
    }

    [Fact]
    public void Price_at_intrinsic_gives_zero_vol()
    {
        var result = ImpliedVolatility.ForBlack76(OptionRight.Call, 0.0, 100, 120, 0.03, 0.25);
        result.Status.Should().Be(ImpliedVolStatus.Ok);
        result.Vol.Should().Be(0.0);
    }
}
