using Alvh.Pricing;

namespace Alvh.Core.Tests.Pricing;

public class Black76Tests
{
    [Fact]
    public void Hull_example_black_model_on_futures()
    {
        // Hull, OFOD, worked example for Black's model in the chapter on futures options: European put on a futures,
        // F = 20, K = 20, r = 9%, σ = 25%, T = 4/12 → 1.12 (published to the cent; 1.11664145655894 in 30-digit mpmath).
        Black76.Price(OptionRight.Put, 20, 20, 0.09, 0.25, 4.0 / 12.0).Should().BeApproximately(1.12, 0.005);
        // The closed form by hand: d1 = −d2 = σ√T/2 = 0.0721688, p = e^(−0.03)·20·(2N(0.0721688) − 1); the 30-digit
        // value above (double-precision erfc gives 1.1166414565589438 too).
        Black76.Price(OptionRight.Put, 20, 20, 0.09, 0.25, 4.0 / 12.0).Should().BeApproximately(1.11664145655894, 1e-12);
    }

    [Fact]
    public void Agrees_with_QLNet_blackFormula_and_BlackCalculator_on_random_inputs()
    {
        // Oracle: QLNet 1.13.2 Utils.blackFormula and BlackCalculator (value, deltaForward, gammaForward, vega).
        foreach (var o in RandomOptions.Generate(seed: 76, count: 1000))
        {
            double forward = o.Spot;
            double discount = Math.Exp(-o.Rate * o.T);
            double stdDev = o.Vol * Math.Sqrt(o.T);
            double scale = Math.Max(1.0, forward);

            double expected = QLNetOracle.BlackFormula(o.Right, forward, o.Strike, stdDev, discount);
            Black76.Price(o.Right, forward, o.Strike, o.Rate, o.Vol, o.T).Should().BeApproximately(expected, 1e-9 * scale, "price of {0}", o);
            Black76.PriceFromStdDev(o.Right, forward, o.Strike, stdDev, discount).Should().BeApproximately(expected, 1e-9 * scale);

            var calculator = QLNetOracle.BlackCalculator(o.Right, forward, o.Strike, stdDev, discount, o.T);
            var g = Black76.Greeks(o.Right, forward, o.Strike, o.Rate, o.Vol, o.T);
            g.Price.Should().BeApproximately(calculator.Value, 1e-9 * scale);
            g.Delta.Should().BeApproximately(calculator.DeltaForward, 1e-9, "delta of {0}", o);
            g.Gamma.Should().BeApproximately(calculator.GammaForward, 1e-9, "gamma of {0}", o);
            g.Vega.Should().BeApproximately(calculator.Vega, 1e-9 * scale, "vega of {0}", o);
        }
    }

    [Fact]
    public void Equals_black_scholes_with_dividend_yield_equal_to_rate()
    {
        // With q = r the BSM forward equals spot, so Black-76 on F = S is the same price and delta.
        foreach (var o in RandomOptions.Generate(seed: 77, count: 500))
        {
            var bsm = BlackScholes.Greeks(o.Right, o.Spot, o.Strike, o.Rate, o.Rate, o.Vol, o.T);
            var black = Black76.Greeks(o.Right, o.Spot, o.Strike, o.Rate, o.Vol, o.T);
            black.Price.Should().BeApproximately(bsm.Price, 1e-12 * o.Spot);
            black.Delta.Should().BeApproximately(bsm.Delta, 1e-14);
            black.Gamma.Should().BeApproximately(bsm.Gamma, 1e-12 * bsm.Gamma + 1e-300);
            black.Vega.Should().BeApproximately(bsm.Vega, 1e-12 * o.Spot);
        }
    }

    [Fact]
    public void Greeks_match_central_finite_differences()
    {
        foreach (var o in RandomOptions.Generate(seed: 78, count: 300))
        {
            double forward = o.Spot;
            double Price(double f, double rate, double vol, double t) => Black76.Price(o.Right, f, o.Strike, rate, vol, t);
            var g = Black76.Greeks(o.Right, forward, o.Strike, o.Rate, o.Vol, o.T);
            double h = 1e-4 * forward, hd = 1e-5 * forward;
            double p0 = Price(forward, o.Rate, o.Vol, o.T);
            double delta = (Price(forward + hd, o.Rate, o.Vol, o.T) - Price(forward - hd, o.Rate, o.Vol, o.T)) / (2 * hd);
            double gamma = (Price(forward + h, o.Rate, o.Vol, o.T) - 2 * p0 + Price(forward - h, o.Rate, o.Vol, o.T)) / (h * h);
            double vega = (Price(forward, o.Rate, o.Vol + 1e-5, o.T) - Price(forward, o.Rate, o.Vol - 1e-5, o.T)) / 2e-5;
            double rho = (Price(forward, o.Rate + 1e-6, o.Vol, o.T) - Price(forward, o.Rate - 1e-6, o.Vol, o.T)) / 2e-6;
            double ht = Math.Min(1e-5, 0.5 * o.T);
            double theta = -(Price(forward, o.Rate, o.Vol, o.T + ht) - Price(forward, o.Rate, o.Vol, o.T - ht)) / (2 * ht);

            g.Delta.Should().BeApproximately(delta, 1e-7, "delta of {0}", o);
            g.Gamma.Should().BeApproximately(gamma, 1e-4 * Math.Max(g.Gamma, 1e-3 / forward), "gamma of {0}", o);
            g.Vega.Should().BeApproximately(vega, 1e-6 * forward, "vega of {0}", o);
            g.Rho.Should().BeApproximately(rho, 1e-6 * forward, "rho of {0}", o);
            g.Theta.Should().BeApproximately(theta, 1e-4 * forward * Math.Max(1.0, 1.0 / o.T), "theta of {0}", o);
        }
    }

    [Fact]
    public void Put_call_parity_on_the_forward()
    {
        foreach (var o in RandomOptions.Generate(seed: 79, count: 2000))
        {
            double call = Black76.Price(OptionRight.Call, o.Spot, o.Strike, o.Rate, o.Vol, o.T);
            double put = Black76.Price(OptionRight.Put, o.Spot, o.Strike, o.Rate, o.Vol, o.T);
            (call - put).Should().BeApproximately(Math.Exp(-o.Rate * o.T) * (o.Spot - o.Strike), 1e-12 * (o.Spot + o.Strike));
        }
    }

    [Fact]
    public void Expiry_gives_intrinsic_without_nan()
    {
        var call = Black76.Greeks(OptionRight.Call, 20, 18, 0.05, 0.8, 0.0);
        call.Price.Should().Be(2.0);
        call.Delta.Should().Be(1.0);
        call.Gamma.Should().Be(0.0);
        var put = Black76.Greeks(OptionRight.Put, 20, 18, 0.05, 0.0, 0.25);
        put.Price.Should().Be(0.0);
        put.Delta.Should().Be(0.0);
        new[] { put.Theta, put.Rho, call.Theta, call.Rho }.Should().OnlyContain(x => double.IsFinite(x));
    }
}
