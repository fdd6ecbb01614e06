using Alvh.Research.Scenarios;

namespace Alvh.Core.Tests.Research;

public class MonteCarloStatisticsTests
{
    private static double[] Ranks(int n) => Enumerable.Range(1, n).Select(i => (double)i).ToArray();

    [Theory]
    // Distribution-free 95% intervals of the median by ranks: Campbell & Gardner, "Calculating confidence intervals
    // for some non-parametric analyses", BMJ 296 (1988) 1454-1456, table: n = 10 -> x(2), x(9); n = 100 -> x(40), x(61).
    // Coverage = P(r <= B <= s - 1), B ~ Binomial(n, 1/2): 1 - 2 * 11/1024 for n = 10; 1 - 2 * 0.017600 for n = 100.
    [InlineData(10, 2, 9, 0.978515625)]
    [InlineData(100, 40, 61, 0.964800)]
    [InlineData(6, 1, 6, 0.96875)] // the smallest sample with a 95% interval: 1 - 2/64
    public void Median_interval_takes_the_tabled_ranks(int n, int lower, int upper, double coverage)
    {
        var i = Interval.OfQuantile(Ranks(n), 0.5);
        i.Lower.Should().Be(lower);
        i.Upper.Should().Be(upper);
        i.Coverage.Should().BeApproximately(coverage, 5e-6);
    }

    [Theory]
    // Large samples (q^n underflows a double from n = 1,075 at q = 1/2), against exact binomial sums in mpmath 1.3 at
    // 40 digits (the distribution function summed term by term, ranks as in Conover 3.2).
    [InlineData(1075, 0.5, 505, 571, 0.95593352062015141)]
    [InlineData(100_000, 0.5, 49690, 50311, 0.95044428533047507)]
    [InlineData(100_000, 0.95, 94864, 95136, 0.95154072408323013)]
    [InlineData(1000, 0.05, 37, 65, 0.95809526822265415)]
    public void Quantile_intervals_of_large_samples_take_the_exact_ranks(int n, double q, int lower, int upper, double coverage)
    {
        var i = Interval.OfQuantile(Ranks(n), q);
        i.Lower.Should().Be(lower);
        i.Upper.Should().Be(upper);
        // The binomial terms are summed in logs from (1 - q)^n = exp(n ln(1 - q)): at n = 100,000 that exponent carries
        // about 1e-11 of rounding, which is the coverage's accuracy (the ranks are exact).
        i.Coverage.Should().BeApproximately(coverage, 1e-10);
    }

    [Fact]
    public void A_tail_equal_to_the_bound_up_to_rounding_counts_as_within_it()
    {
        // n = 6 at level 1 - 2/64: P(B <= 0) = 1/64 exactly, computed as exp(6 ln 1/2) = 0.015625000000000007.
        var i = Interval.OfQuantile(Ranks(6), 0.5, 1 - 2 / 64.0);
        i.Lower.Should().Be(1);
        i.Upper.Should().Be(6);
        i.Coverage.Should().BeApproximately(1 - 2 / 64.0, 1e-15);
    }

    [Fact]
    public void Too_few_values_give_no_interval()
    {
        Interval.OfQuantile(Ranks(5), 0.5).Should().Be(Interval.None); // 1 - 2/32 < 95%
        Interval.OfQuantile(Ranks(20), 0.95).Should().Be(Interval.None, "no rank above x(20) exists for the top tail");
        Interval.OfMean([1.0]).Should().Be(Interval.None);
        Interval.OfMean([1.0, double.PositiveInfinity]).Should().Be(Interval.None);
        Distribution.Of([1, 2, 3]).MedianCi.Should().Be(Interval.None);
    }

    [Fact]
    public void Quantile_intervals_cover_as_often_as_they_say()
    {
        // Seeded simulation: samples of 60 uniforms, intervals for the 0.25, 0.5 and 0.9 quantiles (true values q).
        // The share of intervals that contain q must match the coverage they report within 4 standard errors.
        var random = new Random(20261127);
        foreach (double q in (double[])[0.25, 0.5, 0.9])
        {
            const int trials = 4000;
            int covered = 0;
            double coverage = double.NaN;
            for (int t = 0; t < trials; t++)
            {
                var sample = new double[60];
                for (int k = 0; k < sample.Length; k++) sample[k] = random.NextDouble();
                Array.Sort(sample);
                var i = Interval.OfQuantile(sample, q);
                coverage = i.Coverage;
                if (i.Lower <= q && q < i.Upper) covered++;
            }
            coverage.Should().BeGreaterThanOrEqualTo(0.95);
            ((double)covered / trials).Should().BeApproximately(coverage, 4 * Math.Sqrt(coverage * (1 - coverage) / trials), $"q = {q}");
        }
    }

    [Fact]
    public void Mean_interval_is_the_t_interval()
    {
        // 1..10: mean 5.5, s = sqrt(110/12) = 3.0276504, t(0.975, 9) = 2.2621572, half-width 2.2621572 * 3.0276504 / sqrt(10).
        var i = Interval.OfMean(Ranks(10));
        double half = 2.2621571628 * Math.Sqrt(110 / 12.0) / Math.Sqrt(10);
        i.Lower.Should().BeApproximately(5.5 - half, 1e-9);
        i.Upper.Should().BeApproximately(5.5 + half, 1e-9);
        i.Coverage.Should().Be(0.95);
        var d = Distribution.Of(Ranks(10).Reverse().Append(double.NaN));
        d.Count.Should().Be(10);
        d.MeanCi.Should().Be(i);
        d.MedianCi.Lower.Should().Be(2);
    }

    /// <summary>
    /// A path's CAGR: (final / capital)^(1/years) − 1 over calendar years (1.21 after 2 years: 10%); a path that ends with no
    /// wealth, or a debt, counts as −100% a year rather than NaN, which every distribution would leave out.
    /// </summary>
    [Fact]
    public void A_ruined_path_counts_as_all_lost()
    {
        DateOnly[] dates = [new(2020, 1, 1), new(2021, 1, 1), new(2022, 1, 1)];
        double years = (dates[2].DayNumber - dates[0].DayNumber) / 365.25;

        var grown = MonteCarlo.Outcome([100, 110, 121], dates, 100);
        var ruined = MonteCarlo.Outcome([100, 40, -10], dates, 100);
        var nothing = MonteCarlo.Outcome([100, 40, 0], dates, 100);

        grown.Cagr.Should().BeApproximately(Math.Pow(1.21, 1 / years) - 1, 1e-15);
        grown.Cagr.Should().BeApproximately(0.1, 2e-4, "two calendar years, one of them leap");
        ruined.Cagr.Should().Be(-1);
        ruined.TerminalWealth.Should().BeApproximately(-0.1, 1e-15);
        ruined.MaxDrawdown.Should().BeApproximately(-1.1, 1e-12, "from 100 to -10");
        nothing.Cagr.Should().Be(-1);
        Distribution.Of([grown.Cagr, ruined.Cagr, nothing.Cagr]).Count.Should().Be(3);
    }

    [Fact]
    public void Paired_outcomes_difference_each_path_with_its_own_baseline()
    {
        PathOutcome[] strategy = [new(0.05, -0.20, 1.5), new(0.02, -0.30, 1.2), new(0.04, -0.10, 1.4), new(0.01, -0.05, 1.1)];
        PathOutcome[] baseline = [new(0.07, -0.25, 2.0), new(0.03, -0.20, 1.3), new(0.04, -0.10, 1.4), new(0.02, 0.0, 1.2)];

        var paired = PairedOutcomes.Of(strategy, baseline);

        paired.Paths.Should().Be(4);
        // CAGR differences -0.02, -0.01, 0, -0.01: sorted -0.02, -0.01, -0.01, 0 -> median -0.01, mean -0.01.
        paired.CagrDifference.P50.Should().BeApproximately(-0.01, 1e-15);
        paired.CagrDifference.Mean.Should().BeApproximately(-0.01, 1e-15);
        // Drawdown differences +0.05, -0.10, 0, -0.05; cut 1 - 0.20/0.25 = 0.2, 1 - 0.30/0.20 = -0.5, 0, and none where drip never fell.
        paired.DrawdownDifference.P50.Should().BeApproximately(-0.025, 1e-15);
        paired.DrawdownCut.Count.Should().Be(3);
        paired.DrawdownCut.P50.Should().BeApproximately(0, 1e-15);
        paired.DrawdownCut.Mean.Should().BeApproximately(-0.1, 1e-15);
        // Ratios 0.75, 0.923, 1, 0.917: P5 interpolates 15% of the way from 0.75 to 1.1/1.2.
        paired.TerminalWealthRatio.P5.Should().BeApproximately(0.75 + 0.15 * (1.1 / 1.2 - 0.75), 1e-12);
        paired.ShallowerDrawdown.Estimate.Should().Be(0.25, "strictly shallower on path 0 only");
        paired.HigherTerminalWealth.Estimate.Should().Be(0);
        paired.EqualDrawdown.Should().Be(1, "path 2 ties");
        paired.EqualTerminalWealth.Should().Be(1);
        // Ratio of means: 1 - (-0.65/4) / (-0.55/4) and (5.2/4) / (5.9/4).
        paired.MeanDrawdownCut.Should().BeApproximately(1 - 0.65 / 0.55, 1e-14);
        paired.MeanWealthRatio.Should().BeApproximately(5.2 / 5.9, 1e-14);
        FluentActions.Invoking(() => PairedOutcomes.Of(strategy, baseline[..3])).Should().Throw<ArgumentException>();
    }
}
