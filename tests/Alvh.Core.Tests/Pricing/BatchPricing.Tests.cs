using Alvh.Pricing;

namespace Alvh.Core.Tests.Pricing;

/// <summary>Batch kernels (BlackScholes.Batch.cs, Black76.Batch.cs) against the scalar kernels.</summary>
public class BatchPricingTests
{
    private sealed class Inputs
    {
        public Inputs(int seed, int count)
        {
            var options = RandomOptions.Generate(seed, count).ToArray();
            Rights = options.Select(o => o.Right).ToArray();
            Spots = options.Select(o => o.Spot).ToArray();
            Strikes = options.Select(o => o.Strike).ToArray();
            Rates = options.Select(o => o.Rate).ToArray();
            Yields = options.Select(o => o.DividendYield).ToArray();
            Vols = options.Select(o => o.Vol).ToArray();
            Times = options.Select(o => o.T).ToArray();
        }

        public OptionRight[] Rights { get; }
        public double[] Spots { get; }
        public double[] Strikes { get; }
        public double[] Rates { get; }
        public double[] Yields { get; }
        public double[] Vols { get; }
        public double[] Times { get; }
    }

    // The documented agreement of the SIMD kernels with the scalar ones (BlackScholes.PriceBatchSimd remarks).
    private static double Tolerance(double price, double spot, double strike) => 1e-12 * price + 1e-15 * (spot + strike);

    [Theory]
    [InlineData(1, 100_003)]
    [InlineData(2, 3)]
    [InlineData(3, 0)]
    [InlineData(4, 10_006)] // a remainder of six: the four-lane kernel runs after the eight-lane one
    public void Black_scholes_scalar_batch_equals_scalar_kernel_and_simd_is_within_tolerance(int seed, int count)
    {
        var x = new Inputs(seed, count);
        var scalar = new double[count];
        var simd = new double[count];
        BlackScholes.PriceBatch(x.Rights, x.Spots, x.Strikes, x.Rates, x.Yields, x.Vols, x.Times, scalar);
        BlackScholes.PriceBatchSimd(x.Rights, x.Spots, x.Strikes, x.Rates, x.Yields, x.Vols, x.Times, simd);

        double worstRelative = 0;
        for (int i = 0; i < count; i++)
        {
            scalar[i].Should().Be(BlackScholes.Price(x.Rights[i], x.Spots[i], x.Strikes[i], x.Rates[i], x.Yields[i], x.Vols[i], x.Times[i]));
            simd[i].Should().BeApproximately(scalar[i], Tolerance(scalar[i], x.Spots[i], x.Strikes[i]), "option {0}", i);
            if (scalar[i] > 1e-6 * x.Spots[i])
            {
                worstRelative = Math.Max(worstRelative, Math.Abs(simd[i] / scalar[i] - 1));
            }
        }

        // Where the price is not negligible the agreement is much tighter than documented.
        worstRelative.Should().BeLessThan(5e-13);
    }

    /// <summary>
    /// The four-lane kernel takes two groups a turn with their steps interleaved (35 M options/s against 23 M on the AVX2
    /// reference VM): the same operations in the same order per group, so a chain priced eight at a time equals, to the
    /// bit, the same options priced four at a time (where AVX-512 takes the eight, within the documented tolerance).
    /// </summary>
    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void Eight_options_at_a_time_equal_four_at_a_time(int seed)
    {
        var x = new Inputs(seed, 4_096);
        var eights = new double[4_096];
        var fours = new double[4_096];
        BlackScholes.PriceBatchSimd(x.Rights, x.Spots, x.Strikes, x.Rates, x.Yields, x.Vols, x.Times, eights);
        for (int i = 0; i < 4_096; i += 4)
        {
            var r = new Range(i, i + 4);
            BlackScholes.PriceBatchSimd(x.Rights.AsSpan(r), x.Spots.AsSpan(r), x.Strikes.AsSpan(r), x.Rates.AsSpan(r), x.Yields.AsSpan(r), x.Vols.AsSpan(r), x.Times.AsSpan(r), fours.AsSpan(r));
        }
        for (int i = 0; i < 4_096; i++)
        {
            if (System.Runtime.Intrinsics.X86.Avx512F.IsSupported) eights[i].Should().BeApproximately(fours[i], Tolerance(fours[i], x.Spots[i], x.Strikes[i]), "option {0}", i);
            else eights[i].Should().Be(fours[i], "option {0}", i);
        }
    }

    [Fact]
    public void Black76_simd_is_within_tolerance_of_scalar()
    {
        var x = new Inputs(seed: 9, count: 100_001);
        var scalar = new double[x.Spots.Length];
        var simd = new double[x.Spots.Length];
        Black76.PriceBatch(x.Rights, x.Spots, x.Strikes, x.Rates, x.Vols, x.Times, scalar);
        Black76.PriceBatchSimd(x.Rights, x.Spots, x.Strikes, x.Rates, x.Vols, x.Times, simd);
        for (int i = 0; i < scalar.Length; i++)
        {
            simd[i].Should().BeApproximately(scalar[i], Tolerance(scalar[i], x.Spots[i], x.Strikes[i]), "option {0}", i);
        }
    }

    [Fact]
    public void Simd_handles_degenerate_lanes_and_tail_regions()
    {
        // Mixed lanes: expiry, zero vol, far wings (|d| > √32 and beyond underflow), ATM (central region).
        OptionRight[] rights = [OptionRight.Call, OptionRight.Put, OptionRight.Call, OptionRight.Put, OptionRight.Call, OptionRight.Put, OptionRight.Call, OptionRight.Put, OptionRight.Call];
        double[] spots = [100, 100, 100, 100, 100, 100, 100, 100, 100];
        double[] strikes = [90, 110, 100, 100, 300, 30, 160, 60, 100.5];
        double[] rates = [0.05, 0.05, 0.0, 0.0, 0.05, 0.05, 0.05, 0.05, 0.03];
        double[] yields = [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.01];
        double[] vols = [0.2, 0.0, 0.3, 0.3, 0.1, 0.1, 0.15, 0.15, 0.2];
        double[] times = [0.0, 0.5, 1.0, 1.0, 0.05, 0.05, 0.25, 0.25, 0.1];
        var scalar = new double[9];
        var simd = new double[9];
        BlackScholes.PriceBatch(rights, spots, strikes, rates, yields, vols, times, scalar);
        BlackScholes.PriceBatchSimd(rights, spots, strikes, rates, yields, vols, times, simd);
        for (int i = 0; i < 9; i++)
        {
            double.IsFinite(simd[i]).Should().BeTrue();
            simd[i].Should().BeApproximately(scalar[i], Tolerance(scalar[i], spots[i], strikes[i]), "lane {0}", i);
        }

        // The ±6σ lanes are in Cody's asymptotic region and keep relative accuracy.
        simd[6].Should().BeApproximately(scalar[6], 1e-12 * scalar[6]);
        simd[7].Should().BeApproximately(scalar[7], 1e-12 * scalar[7]);
    }

    [Fact]
    public void Simd_eight_and_four_lane_groups_agree_on_tail_regions()
    {
        // The non-degenerate options of the test above twice over (14): on AVX-512 hardware the first
        // eight go through the eight-lane kernel (far wings and ATM in one group), the next four through
        // the four-lane kernel and the last two through the scalar one.
        OptionRight[] baseRights = [OptionRight.Call, OptionRight.Put, OptionRight.Call, OptionRight.Put, OptionRight.Call, OptionRight.Put, OptionRight.Call];
        double[] baseStrikes = [100, 100, 300, 30, 160, 60, 100.5];
        double[] baseRates = [0.0, 0.0, 0.05, 0.05, 0.05, 0.05, 0.03];
        double[] baseYields = [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.01];
        double[] baseVols = [0.3, 0.3, 0.1, 0.1, 0.15, 0.15, 0.2];
        double[] baseTimes = [1.0, 1.0, 0.05, 0.05, 0.25, 0.25, 0.1];
        var rights = baseRights.Concat(baseRights).ToArray();
        var spots = Enumerable.Repeat(100.0, 14).ToArray();
        var strikes = baseStrikes.Concat(baseStrikes).ToArray();
        var rates = baseRates.Concat(baseRates).ToArray();
        var yields = baseYields.Concat(baseYields).ToArray();
        var vols = baseVols.Concat(baseVols).ToArray();
        var times = baseTimes.Concat(baseTimes).ToArray();
        var scalar = new double[14];
        var simd = new double[14];
        BlackScholes.PriceBatch(rights, spots, strikes, rates, yields, vols, times, scalar);
        BlackScholes.PriceBatchSimd(rights, spots, strikes, rates, yields, vols, times, simd);
        for (int i = 0; i < 14; i++)
        {
            simd[i].Should().BeApproximately(scalar[i], Tolerance(scalar[i], spots[i], strikes[i]), "lane {0}", i);
        }

        // ±6σ options (indices 4, 5 and 11, 12) keep relative accuracy in both kernels.
        foreach (int i in new[] { 4, 5, 11, 12 })
        {
            simd[i].Should().BeApproximately(scalar[i], 1e-12 * scalar[i], "lane {0}", i);
        }
    }

    [Fact]
    public void Mismatched_lengths_throw()
    {
        var act = () => BlackScholes.PriceBatchSimd(new OptionRight[2], new double[2], new double[2], new double[2], new double[2], new double[2], new double[1], new double[2]);
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Batch_pricing_does_not_allocate()
    {
        var x = new Inputs(seed: 5, count: 4096);
        var output = new double[4096];
        BlackScholes.PriceBatchSimd(x.Rights, x.Spots, x.Strikes, x.Rates, x.Yields, x.Vols, x.Times, output); // JIT warm-up
        Black76.PriceBatchSimd(x.Rights, x.Spots, x.Strikes, x.Rates, x.Vols, x.Times, output);
        BlackScholes.PriceBatch(x.Rights, x.Spots, x.Strikes, x.Rates, x.Yields, x.Vols, x.Times, output);
        // The fewest bytes of three rounds: a CI run once saw 7,864 bytes in one round, a one-off of the runtime (the
        // kernels allocate nothing of their own, and a kernel that did would allocate in every round).
        long fewest = long.MaxValue;
        for (int round = 0; round < 3; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            BlackScholes.PriceBatchSimd(x.Rights, x.Spots, x.Strikes, x.Rates, x.Yields, x.Vols, x.Times, output);
            Black76.PriceBatchSimd(x.Rights, x.Spots, x.Strikes, x.Rates, x.Vols, x.Times, output);
            BlackScholes.PriceBatch(x.Rights, x.Spots, x.Strikes, x.Rates, x.Yields, x.Vols, x.Times, output);
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        fewest.Should().Be(0);
    }
}
