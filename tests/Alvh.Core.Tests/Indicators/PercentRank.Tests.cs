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

    [Theory]
    [InlineData(20)]
    [InlineData(252)]
    public void Unrounded_walk_matches_brute_force_counting(int period)
    {
        // Few ties: almost every bar is decided by its 16-bit keys alone.
        var x = TestSeries.RandomWalk(11, 3000, 0.001);
        var rank = PercentRank.Compute(x, period);
        for (int i = period - 1; i < x.Length; i++)
        {
            var window = x.AsSpan(i - period + 1, period).ToArray();
            if (window.Any(double.IsNaN)) continue;
            int below = window.Count(v => v < x[i]);
            int equal = window.Count(v => v == x[i]);
            rank[i].Should().Be(100.0 * (below + 0.5 * (equal - 1)) / (period - 1), $"index {i}");
        }
    }

    [Fact]
    public void Constant_is_fifty_and_NaN_blanks()
    {
        PercentRank.Compute(Enumerable.Repeat(2.0, 6).ToArray(), 3)[2..].Should().OnlyContain(x => x == 50);
        PercentRank.Compute([1.0, double.NaN, 2, 3, 4], 2).Should().Equal([double.NaN, double.NaN, double.NaN, 100, 100]);
    }

    [Theory]
    [InlineData(1, 2, 0.0, true)]
    [InlineData(2, 5, 0.0, true)]
    [InlineData(3, 20, 0.03, true)]
    [InlineData(4, 252, 0.002, true)]
    // Without infinities the batch counts on 16-bit keys (AVX-512 hardware) and recounts shared keys.
    [InlineData(5, 2, 0.0, false)]
    [InlineData(6, 20, 0.03, false)]
    [InlineData(7, 252, 0.002, false)]
    public void Counting_matches_brute_force_counting(int seed, int period, double nanRate, bool infinities)
    {
        // Values rounded to whole numbers so the window has many ties (including ±0 and infinities).
        var x = TestSeries.RandomWalk(seed, 3000, nanRate).Select(v => Math.Round(v - 100)).ToArray();
        x[700] = infinities ? double.PositiveInfinity : 1e300;
        x[900] = -0.0;
        x[1500] = infinities ? double.NegativeInfinity : -1e300;
        x[1501] = 1e-300;
        x[1502] = 2e-300;
        var rank = PercentRank.Compute(x, period);
        ShouldMatchNaiveCounting(x, period, rank);
    }

    public static TheoryData<int, int, int> Shapes()
    {
        var data = new TheoryData<int, int, int>();
        int seed = 100;
        foreach (int period in new[] { 2, 3, 20, 39, 40, 41, 64, 100, 252, 300 })
        {
            for (int shape = 0; shape < 6; shape++) data.Add(seed++, period, shape);
        }
        return data;
    }

    [Theory, MemberData(nameof(Shapes))]
    public void Seeded_shapes_match_naive_counting(int seed, int period, int shape)
    {
        // Shapes: 0 random walk, 1 rounded to a few levels (many exact ties), 2 constant, 3 NaN sprinkled,
        // 4 an outlier crowding every other value into one 16-bit key, 5 short series around the period.
        var random = new Random(seed);
        int length = shape == 5 ? period - 1 + random.Next(0, 70) : 1500;
        var x = TestSeries.RandomWalk(seed, length, shape == 3 ? 0.01 : 0.0);
        if (shape == 1) x = x.Select(v => Math.Round(v / 10)).ToArray();
        if (shape == 2) x = Enumerable.Repeat(-0.0, length).ToArray();
        if (shape == 4) x[length / 2] = 1e300;
        var rank = PercentRank.Compute(x, period);
        ShouldMatchNaiveCounting(x, period, rank);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(252)]
    public void Windows_match_naive_counting_at_every_block_boundary(int period)
    {
        // Bars are counted 32 at a time (64 for windows of 63 or more other bars), the last block ending
        // at the last bar and repeating some: lengths that end a pair or a block exactly and one bar
        // either side.
        int lags = period - 1;
        foreach (int extra in new[] { 0, 1, 31, 32, 33, 63, 64, 65, 95, 96, 97, 127, 128, 129 })
        {
            var x = TestSeries.RandomWalk(period + extra, lags + 128 + extra);
            ShouldMatchNaiveCounting(x, period, PercentRank.Compute(x, period));
        }
    }

    [Theory]
    [InlineData(64, 8)]
    [InlineData(100, 16)]
    [InlineData(252, 32)]
    [InlineData(252, 4)]
    public void Keys_sharing_a_bucket_match_naive_counting(int period, int bucketsUsed)
    {
        // With the range pinned to [0, 65535] a value's 16-bit key is its integer part, and bars whose
        // keys differ by a multiple of 4,096 share a bucket of the bars' key chains. Values 4,096·a + b +
        // q/4 put about period/bucketsUsed bars of each window in a bucket, under different keys (skipped
        // by the chain walk) and under the same key with values below, equal and above; four buckets make
        // chains longer than the walk's limit, so windows are recounted.
        var random = new Random(period * 100 + bucketsUsed);
        var x = new double[4000];
        for (int i = 0; i < x.Length; i++) x[i] = 4096 * random.Next(16) + random.Next(bucketsUsed) + 0.25 * random.Next(3);
        x[0] = 0;
        x[1] = 65535;
        ShouldMatchNaiveCounting(x, period, PercentRank.Compute(x, period));
    }

    /// <summary>
    /// The definition counted directly (O(n·w)): 100·(others strictly below + ½·others equal)/(period − 1)
    /// over the window ending at each bar; NaN in warm-up or when the window holds a NaN.
    /// </summary>
    private static void ShouldMatchNaiveCounting(double[] x, int period, double[] rank)
    {
        for (int i = 0; i < x.Length; i++)
        {
            var window = x.AsSpan(Math.Max(0, i - period + 1), Math.Min(i + 1, period)).ToArray();
            if (i < period - 1 || window.Any(double.IsNaN))
            {
                double.IsNaN(rank[i]).Should().BeTrue($"index {i}");
                continue;
            }
            int below = window.Count(v => v < x[i]);
            int equal = window.Count(v => v == x[i]);
            rank[i].Should().Be(100.0 * (below + 0.5 * (equal - 1)) / (period - 1), $"index {i}");
        }
    }
}
