using Alvh.Model;

namespace Alvh.Core.Tests.Model;

public class SurfaceChecksTests
{
    [Fact]
    public void Random_arbitrage_free_parameter_sets_pass_every_check()
    {
        // Seeded property test: any SSVI shape with η(1 + |ρ|) ≤ 2 and any non-decreasing ATM
        // pillars must pass (Gatheral–Jacquier 2014, Theorem 4.1 and Corollary 4.1).
        var random = new Random(20260727);
        double U(double lo, double hi) => lo + (hi - lo) * random.NextDouble();
        for (int i = 0; i < 200; i++)
        {
            double rho = U(-0.95, 0.95), eta = U(0.05, 1.0) * 2.0 / (1.0 + Math.Abs(rho));
            double vol9 = U(0.04, 1.2), a = U(0.7, 1.6), b = U(0.7, 1.6), c = U(0.7, 1.6);
            var surface = new SpxSurface(new DateOnly(2020, 1, 2), 3000.0, U(0.0, 0.06), U(0.0, 0.04),
                AtmVarianceCurve.FromVols(vol9, vol9 * a, vol9 * a * b, vol9 * a * b * c), new SsviShape(rho, eta, 0.5));
            var result = SurfaceChecks.Check(surface, strikesPerTenor: 81);
            result.Passed.Should().BeTrue($"case {i}: rho {rho}, eta {eta}, vol9 {vol9}: {result.FirstViolation}");
        }
    }

    [Fact]
    public void A_shape_beyond_the_butterfly_bound_is_caught()
    {
        // η(1 + |ρ|) = 7.6 > 2: Durrleman's density condition g(k) ≥ 0 fails near the money
        // (computed numerically: min g ≈ −1.5 at k ≈ −0.0015 for 30 days at 15% ATM).
        var surface = new SpxSurface(new DateOnly(2020, 1, 2), 3000.0, 0.0, 0.0,
            AtmVarianceCurve.FromVols(0.15, 0.15, 0.15, 0.15), new SsviShape(-0.9, 4.0, 0.5));
        surface.Shape.IsArbitrageFree.Should().BeFalse();
        SurfaceChecks.Check(surface).Passed.Should().BeFalse();
    }

    [Fact]
    public void Total_variance_falling_with_tenor_is_caught_by_the_calendar_check()
    {
        // ATM total variance 0.002 at 9 days but 0.001 at 30 days: a calendar spread at the money
        // would cost less than nothing.
        var inverted = new SpxSurface(new DateOnly(2020, 1, 2), 3000.0, 0.0, 0.0,
            new AtmVarianceCurve(0.002, 0.001, 0.003, 0.004), new SsviShape(-0.5, 1.0, 0.5));
        SurfaceChecks.Check(inverted).Passed.Should().BeFalse();
        SurfaceChecks.Check(inverted).FirstViolation.Should().Contain("total variance decreases");
    }
}
