using Alvh.Indicators;

namespace Alvh.Core.Tests.Indicators;

public class ZScoreTests
{
    [Fact]
    public void Standardises_the_current_value_within_its_window()
    {
        // Hand computation: window 2,4,4,4,5,5,7,9: mean 5, population σ 2 → z(9) = 2.
        ZScore.Compute([2.0, 4, 4, 4, 5, 5, 7, 9], 8)[7].Should().BeApproximately(2, 1e-12);
    }

    [Fact]
    public void Constant_window_is_zero_and_NaN_blanks_the_window()
    {
        ZScore.Compute(Enumerable.Repeat(1.0, 10).ToArray(), 5)[4..].Should().OnlyContain(x => x == 0);
        var z = ZScore.Compute([1.0, 2, double.NaN, 4, 5, 6], 2);
        z[1].Should().BeApproximately(1, 1e-12);
        z[2..4].Should().OnlyContain(x => double.IsNaN(x));
        z[4].Should().BeApproximately(1, 1e-12);
    }
}
