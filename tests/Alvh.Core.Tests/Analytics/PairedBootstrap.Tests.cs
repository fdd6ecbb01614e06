using Alvh.Analytics;
using Alvh.Research;

namespace Alvh.Core.Tests.Analytics;

/// <summary>The paired stationary bootstrap of a CAGR difference (Politis and Romano 1994).</summary>
public class PairedBootstrapTests
{
    private static DateOnly[] Weekdays(int n)
    {
        var days = new DateOnly[n];
        var d = new DateOnly(2010, 1, 4);
        for (int i = 0; i < n; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) days[i++] = d;
        }
        return days;
    }

    /// <summary>Daily log returns drawn i.i.d. normal (Box–Muller on a seeded xoshiro256**), as an equity curve from 100.</summary>
    private static (double[] Equity, double[] Returns) Curve(int n, double mean, double sd, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var equity = new double[n];
        var returns = new double[n - 1];
        equity[0] = 100;
        for (int t = 1; t < n; t++)
        {
            double z = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
            returns[t - 1] = mean + (sd * z);
            equity[t] = equity[t - 1] * Math.Exp(returns[t - 1]);
        }
        return (equity, returns);
    }

    /// <summary>
    /// Against a flat curve (CAGR 0 in every resample) the interval is that of exp(S / years) − 1 for S the sum of the
    /// resampled log returns. For i.i.d. returns S is about normal with mean Σr and standard deviation s√m (the central
    /// limit theorem; the bootstrap estimates that spread: Efron and Tibshirani, An Introduction to the Bootstrap, 1993,
    /// ch. 6), so the 95% interval is about exp((Σr ± 1.96 s√m) / years) − 1. Within a tenth of its width: the blocks
    /// and the 2,000 draws move it a little.
    /// </summary>
    [Fact]
    public void Against_a_flat_curve_the_interval_is_the_normal_one_of_the_summed_returns()
    {
        const int n = 2_521;
        var dates = Weekdays(n);
        var (equity, returns) = Curve(n, 0.0004, 0.01, 7);
        var flat = Enumerable.Repeat(100.0, n).ToArray();
        double years = Returns.CalendarYears(dates[0], dates[^1]);
        double sum = returns.Sum(), mean = sum / returns.Length;
        double s = Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / (returns.Length - 1));
        double lower = Math.Exp((sum - (1.959964 * s * Math.Sqrt(returns.Length))) / years) - 1;
        double upper = Math.Exp((sum + (1.959964 * s * Math.Sqrt(returns.Length))) / years) - 1;

        var d = PairedBootstrap.CagrDifference(equity, flat, dates);

        d.Estimate.Should().BeApproximately(Returns.Cagr(equity, dates), 1e-12, "the flat curve's CAGR is 0");
        d.Lower.Should().BeApproximately(lower, 0.1 * (upper - lower));
        d.Upper.Should().BeApproximately(upper, 0.1 * (upper - lower));
        d.MeanBlock.Should().BeLessThan(5, "i.i.d. returns keep nothing together");
        d.Resamples.Should().Be(PairedBootstrap.DefaultResamples);
    }

    /// <summary>Two identical curves differ by exactly 0 in every resample; the same seed gives the same interval, another seed another.</summary>
    [Fact]
    public void Identical_curves_differ_by_nothing_and_the_seed_fixes_the_draws()
    {
        const int n = 500;
        var dates = Weekdays(n);
        var (a, _) = Curve(n, 0.0003, 0.012, 1);
        var (b, _) = Curve(n, 0.0002, 0.008, 2);

        var same = PairedBootstrap.CagrDifference(a, a, dates);
        var first = PairedBootstrap.CagrDifference(a, b, dates, seed: 5);
        var again = PairedBootstrap.CagrDifference(a, b, dates, seed: 5);
        var other = PairedBootstrap.CagrDifference(a, b, dates, seed: 6);

        (same.Estimate, same.Lower, same.Upper).Should().Be((0.0, 0.0, 0.0));
        same.HoldsZero.Should().BeTrue();
        again.Should().Be(first);
        other.Lower.Should().NotBe(first.Lower);
        first.Lower.Should().BeLessThan(first.Estimate).And.BeLessThan(first.Upper);
    }

    /// <summary>
    /// The estimate is the study's own CAGR difference to the last bit: the run metrics' CAGRs are <see cref="Returns.Cagr"/>
    /// ((E_last/E_first)^(1/years) − 1), and exp(Σ ln r / years) − 1 over the same curve differs from it by an ulp or two
    /// (on the 2006–2026 study, drip-condor-alvh − drip-same-vol: 0.0017058980696067483 against the metrics'
    /// 0.0017058980696065262). Exact equality (tolerance 0): a comparison must print the very figure the verdict's sentence
    /// before it reads. Seeds 3..12 give i.i.d. curves of 2,521 weekdays; the exp/log form missed on some of them.
    /// </summary>
    [Fact]
    public void The_estimate_is_the_difference_of_the_studys_cagrs_exactly()
    {
        const int n = 2_521;
        var dates = Weekdays(n);
        for (ulong seed = 3; seed < 13; seed++)
        {
            var (a, _) = Curve(n, 0.0004, 0.012, seed);
            var (b, _) = Curve(n, 0.0003, 0.010, seed + 100);

            var d = PairedBootstrap.CagrDifference(a, b, dates, resamples: 100);

            d.Estimate.Should().Be(Returns.Cagr(a, dates) - Returns.Cagr(b, dates), $"seed {seed}");
        }
    }

    [Fact]
    public void Curves_of_other_lengths_or_a_non_positive_equity_are_refused()
    {
        var dates = Weekdays(20);
        var a = Enumerable.Range(0, 20).Select(i => 100.0 + i).ToArray();

        ((Action)(() => PairedBootstrap.CagrDifference(a, a[..19], dates))).Should().Throw<ArgumentException>();
        var broken = (double[])a.Clone();
        broken[7] = 0;
        ((Action)(() => PairedBootstrap.CagrDifference(broken, a, dates))).Should().Throw<ArgumentException>().WithMessage("day 7*");
    }
}
