using Alvh.Regimes;

namespace Alvh.Core.Tests.Regimes;

public class VixRegimeBandsTests
{
    [Fact]
    public void Default_bands_include_their_lower_bound()
    {
        var bands = VixRegimeBands.Default;
        bands.Classify([12.0, 15, 19.99, 20, 25, 34.9, 35, 80, double.NaN]).Should().Equal(
            VixRegime.Calm, VixRegime.Normal, VixRegime.Normal, VixRegime.Elevated, VixRegime.High,
            VixRegime.High, VixRegime.Extreme, VixRegime.Extreme, VixRegime.Unknown);
    }

    [Fact]
    public void Custom_bands_are_validated()
    {
        new VixRegimeBands(CalmBelow: 12).Classify(13).Should().Be(VixRegime.Normal);
        var act = () => new VixRegimeBands(NormalBelow: 10).Validate();
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("NormalBelow");
    }
}
