using Alvh.Benchmarks;

namespace Alvh.Core.Tests.Benchmarks;

/// <summary>The Monte Carlo's seeded paths: reproducible, independent per path, and thread-count free.</summary>
public class GbmPathsTests
{
    [Fact]
    public void A_path_depends_only_on_the_seed_and_its_number()
    {
        var (o1, c1) = (new double[500], new double[500]);
        var (o2, c2) = (new double[500], new double[500]);
        GbmPaths.Fill(7, 3, 0.0003, 0.011, o1, c1);
        GbmPaths.Fill(7, 3, 0.0003, 0.011, o2, c2);
        c1.Should().Equal(c2);
        o1[0].Should().Be(GbmPaths.StartPrice);
        o1.Skip(1).Should().Equal(c1.Take(499), "no gaps: each open is the previous close");
        GbmPaths.Fill(7, 4, 0.0003, 0.011, o2, c2);
        c2.Should().NotEqual(c1);
    }

    [Fact]
    public void Log_returns_have_the_requested_drift_and_volatility()
    {
        // 200,000 draws: standard errors 0.011 / sqrt(n) = 2.5e-5 for the mean, about 1.7e-5 for the volatility.
        var (o, c) = (new double[200_000], new double[200_000]);
        GbmPaths.Fill(1, 0, 0.0003, 0.011, o, c);
        var r = Enumerable.Range(0, c.Length).Select(i => Math.Log(c[i] / o[i])).ToArray();
        double mean = r.Average();
        double sd = Math.Sqrt(r.Sum(x => (x - mean) * (x - mean)) / (r.Length - 1));
        mean.Should().BeApproximately(0.0003 - 0.5 * 0.011 * 0.011, 1.2e-4);
        sd.Should().BeApproximately(0.011, 1e-4);
    }

    [Fact]
    public void Monte_carlo_results_do_not_depend_on_the_thread_count()
    {
        var one = CanonicalBenchmark.MonteCarlo(6, seed: 3, bars: 600, threads: 1, keepRecords: true);
        var two = CanonicalBenchmark.MonteCarlo(6, seed: 3, bars: 600, threads: 2, keepRecords: true);
        two.Select(r => r.LedgerSha256).Should().Equal(one.Select(r => r.LedgerSha256));
        two.Select(r => r.FinalValue).Should().Equal(one.Select(r => r.FinalValue));
    }

    /// <summary>
    /// The documented algorithm written out one bar at a time with the scalar maths library (the peers'
    /// form): the vector path must follow it to 1e-12 relative after 1,003 bars (each bar's growth agrees to
    /// a few ulp; the tail of three bars runs in a part-filled vector).
    /// </summary>
    [Theory]
    [InlineData(1UL, 0)]
    [InlineData(42UL, 17)]
    public void Paths_follow_the_documented_algorithm(ulong seed, int path)
    {
        const ulong gamma = 0x9E3779B97F4A7C15UL;
        static ulong Mix(ulong z)
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        int bars = 1_003;
        var (open, close) = (new double[bars], new double[bars]);
        GbmPaths.Fill(seed, path, 0.0003, 0.011, open, close);
        ulong state = Mix(seed + ((ulong)(path + 1) * gamma));
        double price = 100, mean = 0.0003 - (0.5 * 0.011 * 0.011);
        for (int t = 0; t < bars; t++)
        {
            state += gamma;
            double a = (Mix(state) >> 11) * (1.0 / (1UL << 53));
            state += gamma;
            double b = (Mix(state) >> 11) * (1.0 / (1UL << 53));
            double z = Math.Sqrt(-2.0 * Math.Log(1.0 - a)) * Math.Cos(2.0 * Math.PI * b);
            open[t].Should().BeApproximately(price, 1e-12 * price);
            price *= Math.Exp(mean + (0.011 * z));
            close[t].Should().BeApproximately(price, 1e-12 * price);
        }
    }
}
