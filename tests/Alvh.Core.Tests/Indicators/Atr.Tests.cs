using Alvh.Indicators;

namespace Alvh.Core.Tests.Indicators;

public class AtrTests
{
    [Fact]
    public void Wilder_average_of_true_ranges()
    {
        // Hand computation, period 3: TR = 2 (H−L, first bar), max(3, |12−9|, |9−9|) = 3,
        // max(2, |13−11|, |11−11|) = 2 → first ATR 7/3; TR = max(4, |14−12|, |10−12|) = 4 →
        // ATR = (7/3·2 + 4)/3 = 26/9.
        var atr = Atr.Compute([10.0, 12, 13, 14], [8.0, 9, 11, 10], [9.0, 11, 12, 13], 3);
        double.IsNaN(atr[1]).Should().BeTrue();
        atr[2].Should().BeApproximately(7.0 / 3, 1e-12);
        atr[3].Should().BeApproximately(26.0 / 9, 1e-12);
    }

    [Fact]
    public void Gap_uses_the_previous_close()
    {
        // Bar 2 gaps up from close 10 to a 15–16 range: TR = 16 − 10 = 6.
        var atr = Atr.Compute([11.0, 16], [9.0, 15], [10.0, 15.5], 1);
        atr[1].Should().Be(6);
    }

    [Fact]
    public void NaN_bar_is_skipped()
    {
        var atr = Atr.Compute([10.0, double.NaN, 12, 13, 14], [8.0, 1, 9, 11, 10], [9.0, 1, 11, 12, 13], 3);
        double.IsNaN(atr[1]).Should().BeTrue();
        atr[3].Should().BeApproximately(7.0 / 3, 1e-12);
        atr[4].Should().BeApproximately(26.0 / 9, 1e-12);
    }

    [Fact]
    public void Constant_bars_and_short_series()
    {
        Atr.Compute([5.0, 5, 5, 5], [4.0, 4, 4, 4], [4.5, 4.5, 4.5, 4.5], 2)[1..].Should().OnlyContain(x => x == 1);
        Atr.Compute([5.0], [4.0], [4.5], 14).Should().OnlyContain(x => double.IsNaN(x));
    }
}
