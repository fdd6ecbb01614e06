using Alvh.Research;

namespace Alvh.Core.Tests.Research;

public class Xoshiro256StarStarTests
{
    /// <summary>
    /// The outputs of the reference C implementation (prng.di.unimi.it/xoshiro256starstar.c) from the state
    /// {1, 2, 3, 4}, as the rand_xoshiro crate's "reference" test lists them.
    /// </summary>
    [Fact]
    public void Matches_the_reference_implementation_from_state_1_2_3_4()
    {
        var random = new Xoshiro256StarStar(1, 2, 3, 4);
        ulong[] expected =
        [
            11520, 0, 1509978240, 1215971899390074240, 1216172134540287360,
            607988272756665600, 16172922978634559625, 8476171486693032832,
            10595114339597558777, 2904607092377533576,
        ];
        expected.Select(_ => random.NextUInt64()).Should().Equal(expected);
        FluentActions.Invoking(() => new Xoshiro256StarStar(0, 0, 0, 0)).Should().Throw<ArgumentException>();
    }

    /// <summary>
    /// SplitMix64 (prng.di.unimi.it/splitmix64.c) from state 0 gives 0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4,
    /// 0x06C45D188009454F, and from 1234567 the sequence in Java's SplittableRandom tests and rand_xoshiro's; a seeded
    /// generator's state is its first four outputs.
    /// </summary>
    [Fact]
    public void Seeding_is_SplitMix64_as_the_authors_advise()
    {
        ulong state = 0;
        new[] { Xoshiro256StarStar.SplitMix64(ref state), Xoshiro256StarStar.SplitMix64(ref state), Xoshiro256StarStar.SplitMix64(ref state) }
            .Should().Equal(0xE220A8397B1DCDAFUL, 0x6E789E6AA1B965F4UL, 0x06C45D188009454FUL);
        state = 1234567;
        Enumerable.Range(0, 5).Select(_ => Xoshiro256StarStar.SplitMix64(ref state))
            .Should().Equal(6457827717110365317UL, 3203168211198807973UL, 9817491932198370423UL, 4593380528125082431UL, 16408922859458223821UL);

        state = 1234567;
        var expanded = new Xoshiro256StarStar(Xoshiro256StarStar.SplitMix64(ref state), Xoshiro256StarStar.SplitMix64(ref state),
            Xoshiro256StarStar.SplitMix64(ref state), Xoshiro256StarStar.SplitMix64(ref state));
        var seeded = new Xoshiro256StarStar(1234567);
        Enumerable.Range(0, 8).Select(_ => seeded.NextUInt64()).Should().Equal(Enumerable.Range(0, 8).Select(_ => expanded.NextUInt64()));
    }

    /// <summary>
    /// Doubles are k/2^53 for the top 53 bits, so they lie in [0, 1); bounded integers are in range and uniform: over
    /// 600,000 draws of [0, 3) and of [0, 2^31 − 1) split at its thirds, each third's count is within 5 standard
    /// deviations of 200,000 (σ = √(n p (1 − p)) ≈ 365).
    /// </summary>
    [Fact]
    public void Doubles_and_bounded_integers_are_uniform_and_in_range()
    {
        var random = new Xoshiro256StarStar(20261127);
        const int n = 600_000;
        double sigma = Math.Sqrt(n / 3.0 * (2.0 / 3.0));
        var small = new int[3];
        var large = new int[3];
        double min = 1, max = 0, sum = 0;
        for (int i = 0; i < n; i++)
        {
            int k = random.NextInt(3);
            small[k]++;
            int big = random.NextInt(int.MaxValue);
            big.Should().BeInRange(0, int.MaxValue - 1);
            large[(int)(big / (int.MaxValue / 3.0))]++;
            double u = random.NextDouble();
            min = Math.Min(min, u);
            max = Math.Max(max, u);
            sum += u;
        }
        small.Should().OnlyContain(c => Math.Abs(c - n / 3.0) < 5 * sigma);
        large.Should().OnlyContain(c => Math.Abs(c - n / 3.0) < 5 * sigma);
        min.Should().BeGreaterThanOrEqualTo(0);
        max.Should().BeLessThan(1);
        // The mean of n uniforms has standard deviation 1/√(12 n) ≈ 0.00037.
        (sum / n).Should().BeApproximately(0.5, 5 / Math.Sqrt(12.0 * n));
        random.NextInt(1).Should().Be(0);
        FluentActions.Invoking(() => random.NextInt(0)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
