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
        var one = CanonicalBenchmark.MonteCarlo(6, seed: 3, bars: 600, threads: 1);
        var two = CanonicalBenchmark.MonteCarlo(6, seed: 3, bars: 600, threads: 2);
        two.Select(r => r.LedgerSha256).Should().Equal(one.Select(r => r.LedgerSha256));
        two.Select(r => r.FinalValue).Should().Equal(one.Select(r => r.FinalValue));
    }
}
