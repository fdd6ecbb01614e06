using Alvh.Indicators;

namespace Alvh.Core.Tests.Indicators;

public class PercentRankTests
{
    [Fact]
    public void Ranks_the_current_value_among_the_others()
    {
        // Hand computation, window 5: [3,1,4,1,5] → 5 is above all 4 others → 100;
        // [1,4,1,5,2] → 2 is above two 1s → 50; [4,1,5,2,1] → 1 is tied with one 1 → ½/4 = 12.5.
        var rank = PercentRank.Compute([3.0, 1, 4, 1, 5, 2, 1], 5);
        double.IsNaN(rank[3]).Should().BeTrue();
        rank[4].Should().Be(100);
        rank[5].Should().Be(50);
        rank[6].Should().Be(12.5);
    }

    [Fact]
    public void Constant_is_fifty_and_NaN_blanks()
    {
        PercentRank.Compute(Enumerable.Repeat(2.0, 6).ToArray(), 3)[2..].Should().OnlyContain(x => x == 50);
        PercentRank.Compute([1.0, double.NaN, 2, 3, 4], 2).Should().Equal([double.NaN, double.NaN, double.NaN, 100, 100]);
    }
}
