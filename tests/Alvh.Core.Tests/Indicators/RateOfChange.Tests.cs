using Alvh.Indicators;

namespace Alvh.Core.Tests.Indicators;

public class RateOfChangeTests
{
    [Fact]
    public void Percent_change_over_the_period()
    {
        // Hand computation: 110/100 − 1 = 10 %, 99/105 − 1 = −5.714 %.
        var roc = RateOfChange.Compute([100.0, 105, 110, 99], 2);
        double.IsNaN(roc[1]).Should().BeTrue();
        roc[2].Should().BeApproximately(10, 1e-12);
        roc[3].Should().BeApproximately(100 * (99.0 / 105 - 1), 1e-12);
    }

    [Fact]
    public void NaN_or_zero_base_gives_NaN()
    {
        var roc = RateOfChange.Compute([0.0, double.NaN, 5, 6], 1);
        double.IsNaN(roc[1]).Should().BeTrue();
        double.IsNaN(roc[2]).Should().BeTrue();
        roc[3].Should().BeApproximately(20, 1e-12);
        RateOfChange.Compute(Enumerable.Repeat(3.0, 5).ToArray(), 2)[2..].Should().OnlyContain(x => x == 0);
    }
}
