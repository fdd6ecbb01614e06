using Alvh.Model;

namespace Alvh.Core.Tests.Model;

public class AtmVarianceCurveTests
{
    // Pillar vols 10% (9 d), 12% (30 d), 15% (93 d), 18% (186 d). By hand:
    // w9 = 0.01·9/365 = 2.46575e-4, w30 = 0.0144·30/365 = 1.183562e-3,
    // w93 = 0.0225·93/365 = 5.732877e-3, w186 = 0.0324·186/365 = 1.6510685e-2.
    private static readonly AtmVarianceCurve Curve = AtmVarianceCurve.FromVols(0.10, 0.12, 0.15, 0.18);

    [Fact]
    public void Pillars_are_reproduced()
    {
        Curve.Vol(9 / 365.0).Should().BeApproximately(0.10, 1e-14);
        Curve.Vol(30 / 365.0).Should().BeApproximately(0.12, 1e-14);
        Curve.Vol(93 / 365.0).Should().BeApproximately(0.15, 1e-14);
        Curve.Vol(186 / 365.0).Should().BeApproximately(0.18, 1e-14);
    }

    [Fact]
    public void Interpolates_linearly_in_total_variance()
    {
        // 60 days: w = w30 + (w93 − w30)·(60 − 30)/(93 − 30) = 1.183562e-3 + 4.549315e-3·30/63
        //        = 3.3499022e-3; σ = √(w / (60/365)) = 0.1427535.
        Curve.TotalVariance(60 / 365.0).Should().BeApproximately(0.0033499021526418784, 1e-15);
        Curve.Vol(60 / 365.0).Should().BeApproximately(0.14275353385668402, 1e-12);
    }

    [Fact]
    public void Extrapolates_with_flat_vol()
    {
        Curve.Vol(1 / 365.0).Should().BeApproximately(0.10, 1e-14);
        Curve.Vol(2.0).Should().BeApproximately(0.18, 1e-14);
        Curve.TotalVariance(0.0).Should().Be(0.0);
    }

    [Fact]
    public void Inverted_pillars_are_forced_non_decreasing_in_total_variance()
    {
        // VIX9D 80 vs VIX 40: w9 = 0.64·9/365 = 0.01578 > w30 = 0.16·30/365 = 0.01315 → w30 := w9.
        var c = AtmVarianceCurve.FromVols(0.80, 0.40, 0.35, 0.30);
        c.W30.Should().Be(c.W9);
        c.W93.Should().BeGreaterThanOrEqualTo(c.W30);
        c.W186.Should().BeGreaterThanOrEqualTo(c.W93);
    }
}
