using Alvh.Pricing;

namespace Alvh.Core.Tests.Pricing;

public class StrikeFromDeltaTests
{
    /// <summary>A skewed SPX-like smile: vol rises linearly in log-moneyness on the put side, with curvature.</summary>
    private readonly record struct SkewSmile(double Forward, double AtmVol, double Skew, double Curvature) : IVolSmile
    {
        public double Vol(double strike)
        {
            double k = Math.Log(strike / Forward);
            return Math.Max(0.02, AtmVol - Skew * k + Curvature * k * k);
        }
    }

    [Theory]
    [InlineData(OptionRight.Put, -0.16, DeltaConvention.Spot)]
    [InlineData(OptionRight.Put, -0.05, DeltaConvention.Forward)]
    [InlineData(OptionRight.Call, 0.10, DeltaConvention.Spot)]
    [InlineData(OptionRight.Call, 0.50, DeltaConvention.Forward)]
    [InlineData(OptionRight.Put, -0.90, DeltaConvention.Forward)]
    public void Flat_vol_closed_form_round_trips(OptionRight right, double delta, DeltaConvention convention)
    {
        const double spot = 4500, rate = 0.045, yield = 0.015, vol = 0.18, t = 45 / 365.0;
        double strike = StrikeFromDelta.ForFlatVol(right, delta, spot, rate, yield, vol, t, convention);
        double achieved = BlackScholes.Greeks(right, spot, strike, rate, yield, vol, t).Delta;
        if (convention == DeltaConvention.Forward)
        {
            achieved *= Math.Exp(yield * t);
        }

        achieved.Should().BeApproximately(delta, 1e-13);

        // The solver on a flat smile must agree with the closed form.
        double solved = StrikeFromDelta.ForSmile(right, delta, spot, rate, yield, t, _ => vol, convention);
        solved.Should().BeApproximately(strike, 1e-10 * strike);
    }

    [Theory]
    [InlineData(OptionRight.Put, -0.16)]
    [InlineData(OptionRight.Put, -0.05)]
    [InlineData(OptionRight.Put, -0.30)]
    [InlineData(OptionRight.Call, 0.16)]
    [InlineData(OptionRight.Call, 0.05)]
    public void Skewed_smile_round_trips(OptionRight right, double delta)
    {
        const double spot = 4500, rate = 0.045, yield = 0.015, t = 30 / 365.0;
        double forward = BlackScholes.Forward(spot, rate, yield, t);
        var smile = new SkewSmile(forward, AtmVol: 0.16, Skew: 0.9, Curvature: 1.5);

        double strike = StrikeFromDelta.ForSmile(right, delta, spot, rate, yield, t, smile);
        double vol = smile.Vol(strike);
        BlackScholes.Greeks(right, spot, strike, rate, yield, vol, t).Delta.Should().BeApproximately(delta, 1e-12);

        // The skew matters: the flat-vol answer at the ATM vol is a different strike.
        double flat = StrikeFromDelta.ForFlatVol(right, delta, spot, rate, yield, 0.16, t);
        Math.Abs(flat - strike).Should().BeGreaterThan(1.0);
    }

    [Fact]
    public void Black76_convention_via_dividend_yield_equal_to_rate()
    {
        // VIX call on the future: spot := future, q := r, so the spot delta is the discounted Black delta.
        const double future = 19.5, rate = 0.045, t = 28 / 365.0, vol = 0.9;
        double strike = StrikeFromDelta.ForFlatVol(OptionRight.Call, 0.25, future, rate, rate, vol, t);
        Black76.Greeks(OptionRight.Call, future, strike, rate, vol, t).Delta.Should().BeApproximately(0.25, 1e-13);
    }

    [Theory]
    [InlineData(OptionRight.Put, 0.2)]
    [InlineData(OptionRight.Call, -0.2)]
    [InlineData(OptionRight.Call, 1.0)]
    [InlineData(OptionRight.Put, -1.0)]
    public void Unattainable_delta_throws(OptionRight right, double delta)
    {
        var act = () => StrikeFromDelta.ForFlatVol(right, delta, 100, 0.03, 0.0, 0.2, 0.5);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("delta");
    }
}
