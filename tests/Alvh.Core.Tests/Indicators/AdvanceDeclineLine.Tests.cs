using Alvh.Indicators;

namespace Alvh.Core.Tests.Indicators;

public class AdvanceDeclineLineTests
{
    [Fact]
    public void Cumulates_net_advances_and_holds_over_NaN_days()
    {
        // Hand computation: 300−200 = 100, +(150−250) = 0, NaN day held, +(400−100) = 300.
        var line = AdvanceDeclineLine.Compute([300.0, 150, double.NaN, 400], [200.0, 250, 100, 100]);
        line.Should().Equal([100.0, 0, double.NaN, 300]);
    }

    [Fact]
    public void Bearish_divergence_when_price_makes_a_new_high_but_breadth_does_not()
    {
        double[] price = [10, 11, 12, 11, 13];   // day 4: 13 is the 5-day high
        double[] breadth = [0, 5, 9, 7, 8];      // 8 is below the 5-day high of 9
        var signal = BreadthDivergence.Compute(price, breadth, 5);
        signal.Should().Equal(0, 0, 0, 0, -1);
    }

    [Fact]
    public void Bullish_divergence_and_confirmation()
    {
        double[] price = [13, 12, 11, 12, 10, 14];
        // Day 3: price 12 at its 3-day high, breadth 5 below its high 7 → −1. Day 4: price at its 3-day
        // low, breadth 4 above its low 3 → +1. Day 5: both at their highs → 0.
        double[] breadth = [9, 7, 3, 5, 4, 10];
        BreadthDivergence.Compute(price, breadth, 3).Should().Equal(0, 0, 0, -1, 1, 0);
    }

    [Fact]
    public void NaN_in_the_window_gives_no_signal_and_constant_series_none()
    {
        double[] price = [10, 11, double.NaN, 13, 14, 15];
        double[] breadth = [5, 4, 3, 2, 1, 0];
        BreadthDivergence.Compute(price, breadth, 2).Should().Equal(0, -1, 0, 0, -1, -1);
        BreadthDivergence.Compute(Enumerable.Repeat(1.0, 10).ToArray(), Enumerable.Repeat(2.0, 10).ToArray(), 3)
            .Should().OnlyContain(x => x == 0);
    }
}
