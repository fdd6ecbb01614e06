using Alvh.Pricing;

namespace Alvh.Core.Tests.Pricing;

public class BlackScholesTests
{
    [Fact]
    public void Hull_example_15_6()
    {
        // Hull, Options, Futures and Other Derivatives, Example 15.6: S = 42, K = 40, r = 10%,
        // σ = 20%, T = 0.5 → c = 4.76, p = 0.81 (published to the cent).
        double call = BlackScholes.Price(OptionRight.Call, 42, 40, 0.10, 0.0, 0.20, 0.5);
        double put = BlackScholes.Price(OptionRight.Put, 42, 40, 0.10, 0.0, 0.20, 0.5);
        call.Should().BeApproximately(4.76, 0.005);
        put.Should().BeApproximately(0.81, 0.005);

        // More digits: the closed form evaluated in 30-digit arithmetic (mpmath 1.3), confirmed by
        // QLNet's AnalyticEuropeanEngine below.
        call.Should().BeApproximately(4.7594223928715332, 1e-12);
        put.Should().BeApproximately(0.80859937290009358, 1e-12);
    }

    [Theory]
    // Haug, "The Complete Guide to Option Pricing Formulas" (1998), pp. 2-8, 24, 27, as tabulated in
    // QuantLib test-suite/europeanoption.cpp, testValues (tolerance 1e-4 there, as here).
    //          right, strike, spot,    q,    r,    t,  vol,   value
    [InlineData(OptionRight.Call, 65.00, 60.00, 0.00, 0.08, 0.25, 0.30, 2.1334)]
    [InlineData(OptionRight.Put, 95.00, 100.00, 0.05, 0.10, 0.50, 0.20, 2.4648)]
    [InlineData(OptionRight.Put, 19.00, 19.00, 0.10, 0.10, 0.75, 0.28, 1.7011)]
    [InlineData(OptionRight.Call, 19.00, 19.00, 0.10, 0.10, 0.75, 0.28, 1.7011)]
    [InlineData(OptionRight.Call, 1.60, 1.56, 0.08, 0.06, 0.50, 0.12, 0.0291)]
    [InlineData(OptionRight.Put, 70.00, 75.00, 0.05, 0.10, 0.50, 0.35, 4.0870)]
    [InlineData(OptionRight.Call, 100.00, 90.00, 0.10, 0.10, 0.10, 0.15, 0.0205)]
    [InlineData(OptionRight.Call, 100.00, 110.00, 0.10, 0.10, 0.10, 0.35, 11.1381)]
    [InlineData(OptionRight.Call, 100.00, 100.00, 0.10, 0.10, 0.50, 0.25, 6.6997)]
    [InlineData(OptionRight.Put, 100.00, 90.00, 0.10, 0.10, 0.10, 0.15, 9.9210)]
    [InlineData(OptionRight.Put, 100.00, 110.00, 0.10, 0.10, 0.50, 0.35, 5.7963)]
    [InlineData(OptionRight.Put, 100.00, 90.00, 0.10, 0.10, 0.50, 0.35, 14.4452)]
    [InlineData(OptionRight.Call, 40.00, 42.00, 0.08, 0.04, 0.75, 0.35, 5.0975)]
    public void Haug_values(OptionRight right, double strike, double spot, double dividendYield, double rate, double t, double vol, double expected)
    {
        BlackScholes.Price(right, spot, strike, rate, dividendYield, vol, t).Should().BeApproximately(expected, 1e-4);
    }

    [Fact]
    public void Haug_greek_values()
    {
        // Haug (1998) pp. 11-16, as tabulated in QuantLib europeanoption.cpp testGreekValues (tol 1e-4).
        BlackScholes.Greeks(OptionRight.Call, 105, 100, 0.10, 0.10, 0.36, 0.5).Delta.Should().BeApproximately(0.5946, 1e-4);
        BlackScholes.Greeks(OptionRight.Put, 105, 100, 0.10, 0.10, 0.36, 0.5).Delta.Should().BeApproximately(-0.3566, 1e-4);
        BlackScholes.Greeks(OptionRight.Call, 55, 60, 0.10, 0.0, 0.30, 0.75).Gamma.Should().BeApproximately(0.0278, 1e-4);
        BlackScholes.Greeks(OptionRight.Put, 55, 60, 0.10, 0.0, 0.30, 0.75).Gamma.Should().BeApproximately(0.0278, 1e-4);
        BlackScholes.Greeks(OptionRight.Call, 55, 60, 0.10, 0.0, 0.30, 0.75).Vega.Should().BeApproximately(18.9358, 1e-4);
        BlackScholes.Greeks(OptionRight.Put, 430, 405, 0.07, 0.05, 0.20, 1.0 / 12.0).Theta.Should().BeApproximately(-31.1924, 1e-4);
        BlackScholes.Greeks(OptionRight.Put, 430, 405, 0.07, 0.05, 0.20, 1.0 / 12.0).Theta.Should().BeApproximately(-0.0855 * 365, 365 * 1e-4);
        BlackScholes.Greeks(OptionRight.Call, 72, 75, 0.09, 0.0, 0.19, 1.0).Rho.Should().BeApproximately(38.7325, 1e-4);
    }

    [Fact]
    public void Agrees_with_QLNet_AnalyticEuropeanEngine_on_random_inputs()
    {
        // Oracle: QLNet 1.13.2 AnalyticEuropeanEngine (flat Actual/365 curves, T = days/365).
        foreach (var o in RandomOptions.Generate(seed: 42, count: 400))
        {
            var expected = QLNetOracle.AnalyticEuropean(o.Right, o.Spot, o.Strike, o.Rate, o.DividendYield, o.Vol, o.Days);
            var actual = BlackScholes.Greeks(o.Right, o.Spot, o.Strike, o.Rate, o.DividendYield, o.Vol, o.T);
            double scale = Math.Max(1.0, o.Spot);
            actual.Price.Should().BeApproximately(expected.Price, 1e-9 * scale, "price of {0}", o);
            BlackScholes.Price(o.Right, o.Spot, o.Strike, o.Rate, o.DividendYield, o.Vol, o.T).Should().BeApproximately(expected.Price, 1e-9 * scale);
            actual.Delta.Should().BeApproximately(expected.Delta, 1e-9, "delta of {0}", o);
            actual.Gamma.Should().BeApproximately(expected.Gamma, 1e-9, "gamma of {0}", o);
            actual.Vega.Should().BeApproximately(expected.Vega, 1e-9 * scale, "vega of {0}", o);
            actual.Theta.Should().BeApproximately(expected.Theta, 1e-9 * scale, "theta of {0}", o);
            actual.Rho.Should().BeApproximately(expected.Rho, 1e-9 * scale, "rho of {0}", o);
        }
    }

    [Fact]
    public void Hull_example_agrees_with_QLNet()
    {
        // T = 0.5 is not a whole number of days on Actual/365; 182.5 days → use QLNet's BlackCalculator
        // directly on the forward instead: F = 42 e^{0.05}, D = e^{−0.05}, stdDev = 0.2 √0.5.
        double forward = 42 * Math.Exp(0.05), discount = Math.Exp(-0.05), stdDev = 0.2 * Math.Sqrt(0.5);
        BlackScholes.Price(OptionRight.Call, 42, 40, 0.10, 0.0, 0.20, 0.5)
            .Should().BeApproximately(QLNetOracle.BlackFormula(OptionRight.Call, forward, 40, stdDev, discount), 1e-12);
        BlackScholes.Price(OptionRight.Put, 42, 40, 0.10, 0.0, 0.20, 0.5)
            .Should().BeApproximately(QLNetOracle.BlackFormula(OptionRight.Put, forward, 40, stdDev, discount), 1e-12);
    }

    [Fact]
    public void Greeks_match_central_finite_differences()
    {
        foreach (var o in RandomOptions.Generate(seed: 1, count: 300))
        {
            double Price(double spot = double.NaN, double rate = double.NaN, double vol = double.NaN, double t = double.NaN)
                => BlackScholes.Price(o.Right, double.IsNaN(spot) ? o.Spot : spot, o.Strike, double.IsNaN(rate) ? o.Rate : rate,
                    o.DividendYield, double.IsNaN(vol) ? o.Vol : vol, double.IsNaN(t) ? o.T : t);

            var g = BlackScholes.Greeks(o.Right, o.Spot, o.Strike, o.Rate, o.DividendYield, o.Vol, o.T);
            double hs = 1e-4 * o.Spot, hd = 1e-5 * o.Spot;
            double delta = (Price(spot: o.Spot + hd) - Price(spot: o.Spot - hd)) / (2 * hd);
            double gamma = (Price(spot: o.Spot + hs) - 2 * Price() + Price(spot: o.Spot - hs)) / (hs * hs);
            double vega = (Price(vol: o.Vol + 1e-5) - Price(vol: o.Vol - 1e-5)) / 2e-5;
            double rho = (Price(rate: o.Rate + 1e-6) - Price(rate: o.Rate - 1e-6)) / 2e-6;
            double ht = Math.Min(1e-5, 0.5 * o.T);
            double theta = -(Price(t: o.T + ht) - Price(t: o.T - ht)) / (2 * ht);

            // Tolerances: O(h²) truncation plus rounding ε·V/h, scaled by the size of the quantity.
            g.Delta.Should().BeApproximately(delta, 1e-7, "delta of {0}", o);
            g.Gamma.Should().BeApproximately(gamma, 1e-4 * Math.Max(g.Gamma, 1e-3 / o.Spot), "gamma of {0}", o);
            g.Vega.Should().BeApproximately(vega, 1e-6 * o.Spot, "vega of {0}", o);
            g.Rho.Should().BeApproximately(rho, 1e-6 * o.Spot, "rho of {0}", o);
            g.Theta.Should().BeApproximately(theta, 1e-4 * o.Spot * Math.Max(1.0, 1.0 / o.T), "theta of {0}", o);
        }
    }

    [Fact]
    public void Put_call_parity_and_price_bounds_hold()
    {
        foreach (var o in RandomOptions.Generate(seed: 2, count: 2000))
        {
            double call = BlackScholes.Price(OptionRight.Call, o.Spot, o.Strike, o.Rate, o.DividendYield, o.Vol, o.T);
            double put = BlackScholes.Price(OptionRight.Put, o.Spot, o.Strike, o.Rate, o.DividendYield, o.Vol, o.T);
            double spotDiscounted = o.Spot * Math.Exp(-o.DividendYield * o.T);
            double strikeDiscounted = o.Strike * Math.Exp(-o.Rate * o.T);
            double tolerance = 1e-12 * (o.Spot + o.Strike);

            (call - put).Should().BeApproximately(spotDiscounted - strikeDiscounted, tolerance, "parity for {0}", o);
            call.Should().BeInRange(Math.Max(0, spotDiscounted - strikeDiscounted) - tolerance, spotDiscounted + tolerance);
            put.Should().BeInRange(Math.Max(0, strikeDiscounted - spotDiscounted) - tolerance, strikeDiscounted + tolerance);
        }
    }

    [Fact]
    public void Price_is_monotone_in_strike_and_vol()
    {
        foreach (var o in RandomOptions.Generate(seed: 3, count: 500))
        {
            double previousCall = double.PositiveInfinity, previousPut = double.NegativeInfinity;
            for (double k = 0.5; k <= 2.0; k += 0.05)
            {
                double call = BlackScholes.Price(OptionRight.Call, o.Spot, k * o.Spot, o.Rate, o.DividendYield, o.Vol, o.T);
                double put = BlackScholes.Price(OptionRight.Put, o.Spot, k * o.Spot, o.Rate, o.DividendYield, o.Vol, o.T);
                call.Should().BeLessThanOrEqualTo(previousCall + 1e-12 * o.Spot);
                put.Should().BeGreaterThanOrEqualTo(previousPut - 1e-12 * o.Spot);
                previousCall = call;
                previousPut = put;
            }

            double previous = 0.0;
            for (double vol = 0.01; vol <= 2.0; vol += 0.05)
            {
                double price = BlackScholes.Price(o.Right, o.Spot, o.Strike, o.Rate, o.DividendYield, vol, o.T);
                price.Should().BeGreaterThanOrEqualTo(previous - 1e-12 * o.Spot);
                previous = price;
            }
        }
    }

    [Theory]
    [InlineData(0.0, 0.2)]
    [InlineData(0.5, 0.0)]
    [InlineData(0.0, 0.0)]
    public void Expiry_and_zero_vol_give_discounted_intrinsic_on_the_forward_without_nan(double t, double vol)
    {
        foreach (var right in new[] { OptionRight.Call, OptionRight.Put })
        {
            foreach (double strike in new[] { 80.0, 100.0, 120.0 })
            {
                double forward = 100 * Math.Exp((0.05 - 0.02) * t);
                double sign = right == OptionRight.Call ? 1 : -1;
                double intrinsic = Math.Exp(-0.05 * t) * Math.Max(sign * (forward - strike), 0);
                var g = BlackScholes.Greeks(right, 100, strike, 0.05, 0.02, vol, t);
                BlackScholes.Price(right, 100, strike, 0.05, 0.02, vol, t).Should().BeApproximately(intrinsic, 1e-12);
                g.Price.Should().BeApproximately(intrinsic, 1e-12);
                new[] { g.Delta, g.Gamma, g.Vega, g.Theta, g.Rho }.Should().OnlyContain(x => double.IsFinite(x));
                g.Gamma.Should().Be(0);
                g.Vega.Should().Be(0);
            }
        }
    }

    [Fact]
    public void Zero_vol_greeks_are_limits_of_small_vol()
    {
        // Deep in/out of the money the vol → 0 limit of the greeks is the intrinsic payoff's.
        foreach (double strike in new[] { 80.0, 120.0 })
        {
            foreach (var right in new[] { OptionRight.Call, OptionRight.Put })
            {
                var limit = BlackScholes.Greeks(right, 100, strike, 0.05, 0.02, 0.0, 0.5);
                var small = BlackScholes.Greeks(right, 100, strike, 0.05, 0.02, 1e-4, 0.5);
                limit.Delta.Should().BeApproximately(small.Delta, 1e-12);
                limit.Theta.Should().BeApproximately(small.Theta, 1e-9);
                limit.Rho.Should().BeApproximately(small.Rho, 1e-9);
            }
        }
    }
}
