using Alvh.Model;
using Alvh.Pricing;

namespace Alvh.Core.Tests.Model;

public class SpxSurfaceTests
{
    private static SpxSurface Calm => new(new DateOnly(2017, 7, 3), 2400.0, 0.01, 0.02,
        AtmVarianceCurve.FromVols(0.08, 0.09, 0.11, 0.13), SurfaceParameters.Default.ShapeFor(11.0));

    [Fact]
    public void Forward_is_spot_grown_at_r_minus_q()
    {
        // F = 2400 · e^{(0.01 − 0.02)·0.5} = 2400 · 0.995012479 = 2388.02995 (by hand).
        Calm.Forward(0.5).Should().BeApproximately(2388.0299500, 1e-6);
        Calm.Forward(0.5).Should().BeApproximately(BlackScholes.Forward(2400.0, 0.01, 0.02, 0.5), 1e-12);
    }

    [Fact]
    public void Atm_vol_at_the_forward_is_the_curve_vol()
    {
        double t = 45 / 365.0;
        var s = Calm;
        s.Vol(s.Forward(t), t).Should().BeApproximately(s.AtmVol(t), 1e-14);
        s.TotalVariance(0.0, t).Should().BeApproximately(s.Atm.TotalVariance(t), 1e-16);
    }

    [Fact]
    public void Put_skew_smile_is_decreasing_left_of_the_minimum_and_higher_for_puts()
    {
        var s = Calm;
        double t = 30 / 365.0, f = s.Forward(t);
        double previous = double.PositiveInfinity;
        for (double m = 0.70; m <= 1.02; m += 0.005)
        {
            double vol = s.Vol(f * m, t);
            vol.Should().BeLessThan(previous, "vol falls with strike below the forward under a put skew");
            previous = vol;
        }
        s.Vol(0.95 * f, t).Should().BeGreaterThan(s.Vol(1.05 * f, t));
    }

    [Fact]
    public void Smile_view_gives_the_same_vols_and_works_with_StrikeFromDelta()
    {
        var s = Calm;
        double t = 30 / 365.0;
        var smile = s.Smile(t);
        smile.Vol(2300.0).Should().Be(s.Vol(2300.0, t));
        double strike = s.StrikeForDelta(OptionRight.Put, -0.25, t);
        var greeks = BlackScholes.Greeks(OptionRight.Put, s.Spot, strike, s.Rate, s.DividendYield, s.Vol(strike, t), t);
        greeks.Delta.Should().BeApproximately(-0.25, 1e-9);
    }

    [Fact]
    public void Ssvi_shapes_of_the_defaults_are_arbitrage_free_at_every_vix()
    {
        for (double vix = 5; vix <= 100; vix += 0.5) SurfaceParameters.Default.ShapeFor(vix).IsArbitrageFree.Should().BeTrue();
    }
}
