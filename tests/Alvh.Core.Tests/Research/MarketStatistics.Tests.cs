using Alvh.Core.Tests.Model;
using Alvh.Research.Scenarios;

namespace Alvh.Core.Tests.Research;

public class MarketStatisticsTests
{
    /// <summary>
    /// 42 days alternating +1% and −1% log returns, log VIX moving −2× the return from 20 (so VIX alternates
    /// 20·e^−0.02 and 20): every statistic follows from its definition by hand.
    /// </summary>
    private static (double[] Returns, double[] Changes, double[] Closes) Alternating(int n = 42)
    {
        var r = new double[n];
        var c = new double[n];
        var v = new double[n];
        double logVix = Math.Log(20);
        for (int i = 0; i < n; i++)
        {
            r[i] = i % 2 == 0 ? 0.01 : -0.01;
            c[i] = -2 * r[i];
            logVix += c[i];
            v[i] = Math.Exp(logVix);
        }
        return (r, c, v);
    }

    [Fact]
    public void Alternating_days_give_the_statistics_worked_out_by_hand()
    {
        var (r, c, v) = Alternating();
        var m = MarketStatistics.Of(r, c, v);
        double low = 20 * Math.Exp(-0.02);
        // Mean log return 0; sample variance 42 * 1e-4 / 41, annualised by 252.
        m.SpxDrift.Should().BeApproximately(0, 1e-15);
        m.RealizedVolatility.Should().BeApproximately(0.01 * Math.Sqrt(42.0 / 41) * Math.Sqrt(252), 1e-14);
        m.MeanVix.Should().BeApproximately((low + 20) / 2, 1e-12);
        // Every 21-day window holds 21 squared returns of 1e-4: 100 * sqrt(252 / 21 * 21e-4) = 100 * 0.01 * sqrt(252).
        // Windows start on days 0..20 (21 of them): 11 on the low VIX (even days), 10 on 20.
        double realized = Math.Sqrt(252);
        m.VixPremium.Should().BeApproximately((11 * low + 10 * 20) / 21 - realized, 1e-12);
        m.ReturnVixCorrelation.Should().BeApproximately(-1, 1e-12, "the VIX change is exactly -2 x the return");
        m.CrashDaysPerYear.Should().Be(0);
        // 21 closes at the low level and 21 at 20: h = 41 * 0.95 = 38.95 falls between two 20s.
        m.VixP95.Should().BeApproximately(20, 1e-12);
        m.VixHalfLifeDays.Should().Be(double.NaN, "log VIX flips sign around its mean every day: the lag-one slope is -1, no decay");
        // Returns alternate +1%, -1% (log) from a peak at 0: each down day falls 1% in log terms from the peak before it.
        m.SpxMaxDrawdown.Should().BeApproximately(Math.Exp(-0.01) - 1, 1e-15);
    }

    /// <summary>
    /// The deepest fall from a running peak, worked by hand: log returns +10%, -30%, +15%, -5%, +25% climb to 0.10, fall
    /// to -0.20 (0.30 below the peak), recover to -0.05, dip to -0.10 (0.20 below) and end at 0.15, a new peak: the drawdown
    /// is exp(-0.30) - 1 = -25.92%. A fall on the first day counts from the previous close (a peak of 0).
    /// </summary>
    [Fact]
    public void The_maximum_drawdown_is_the_deepest_fall_from_a_running_peak()
    {
        double[] r = [0.10, -0.30, 0.15, -0.05, 0.25];
        double[] c = [0, 0, 0, 0, 0];
        double[] v = [20, 20, 20, 20, 20];
        MarketStatistics.Of(r, c, v).SpxMaxDrawdown.Should().BeApproximately(Math.Exp(-0.30) - 1, 1e-15);
        MarketStatistics.Of([-0.05, 0.01], [0, 0], [20, 20]).SpxMaxDrawdown.Should().BeApproximately(Math.Exp(-0.05) - 1, 1e-15);
        MarketStatistics.Of([0.01, 0.02], [0, 0], [20, 20]).SpxMaxDrawdown.Should().Be(0, "a market that only rises never falls from a peak");
    }

    [Fact]
    public void Crash_days_are_counted_at_minus_four_percent_or_worse()
    {
        var (r, c, v) = Alternating(252);
        r[10] = Math.Log(0.96);          // exactly -4%: counts
        r[20] = Math.Log(0.96) + 1e-9;   // just above: does not
        r[30] = Math.Log(0.80);          // -20%
        MarketStatistics.Of(r, c, v).CrashDaysPerYear.Should().BeApproximately(2, 1e-12, "2 days in 252 is 2 a year");
    }

    [Fact]
    public void Half_life_of_a_simulated_ar1_is_its_theoretical_value()
    {
        // An AR(1) x_t = rho x_{t-1} + e_t has half-life ln(1/2) / ln(rho) (the lag at which a shock has halved;
        // Hamilton, Time Series Analysis, 1994, 3.4). rho = 0.98: 34.31 days. The least-squares rho over 200,000
        // days has a standard error of sqrt((1 - rho^2) / n) = 0.00045, about 0.8 days of half-life.
        var random = new Random(7);
        int n = 200_000;
        var logVix = new double[n];
        double x = 0;
        for (int t = 0; t < n; t++)
        {
            double z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            x = 0.98 * x + 0.05 * z;
            logVix[t] = Math.Log(20) + x;
        }
        var v = logVix.Select(x => Math.Exp(x)).ToArray();
        var c = logVix.Select((l, t) => t == 0 ? 0 : l - logVix[t - 1]).ToArray();
        var r = new double[n];
        MarketStatistics.Of(r, c, v).VixHalfLifeDays.Should().BeApproximately(Math.Log(0.5) / Math.Log(0.98), 3.5);
    }

    [Fact]
    public void Every_statistic_matches_a_direct_computation_on_random_days()
    {
        // A second, plain implementation of each definition (full sort, a fresh sum per window, two-pass moments).
        var random = new Random(11);
        for (int trial = 0; trial < 20; trial++)
        {
            int n = 30 + random.Next(600);
            var r = Enumerable.Range(0, n).Select(_ => 0.02 * (random.NextDouble() - 0.5) * (random.Next(10) == 0 ? 5 : 1)).ToArray();
            var c = Enumerable.Range(0, n).Select(i => -3 * r[i] + 0.05 * (random.NextDouble() - 0.5)).ToArray();
            var v = new double[n];
            double level = 12 + 30 * random.NextDouble();
            for (int i = 0; i < n; i++) v[i] = level = Math.Max(5, Math.Round(level * Math.Exp(c[i]), random.Next(3))); // rounded: ties in the percentile
            for (int i = 0; i < n; i++) c[i] = i == 0 ? c[0] : Math.Log(v[i] / v[i - 1]);
            var m = MarketStatistics.Of(r, c, v);

            double mr = r.Average(), mc = c.Average();
            m.SpxDrift.Should().BeApproximately(mr * 252, 1e-12);
            m.RealizedVolatility.Should().BeApproximately(Math.Sqrt(r.Sum(x => (x - mr) * (x - mr)) / (n - 1) * 252), 1e-12);
            m.MeanVix.Should().BeApproximately(v.Average(), 1e-10);
            double premium = Enumerable.Range(0, n - 21).Average(t => v[t] - 100 * Math.Sqrt(Enumerable.Range(t + 1, 21).Sum(k => r[k] * r[k]) * 252 / 21));
            m.VixPremium.Should().BeApproximately(premium, 1e-9);
            double cov = r.Zip(c, (a, b) => (a - mr) * (b - mc)).Sum();
            m.ReturnVixCorrelation.Should().BeApproximately(cov / Math.Sqrt(r.Sum(x => (x - mr) * (x - mr)) * c.Sum(x => (x - mc) * (x - mc))), 1e-12);
            m.CrashDaysPerYear.Should().BeApproximately(r.Count(x => Math.Exp(x) - 1 <= -0.04) * 252.0 / n, 1e-12);
            var sorted = v.Order().ToArray();
            double h = (n - 1) * 0.95;
            int lo = (int)h;
            m.VixP95.Should().BeApproximately(sorted[lo] + (h - lo) * (sorted[Math.Min(lo + 1, n - 1)] - sorted[lo]), 1e-12);
            var lv = v.Select(x => Math.Log(x)).ToArray();
            double ml = lv.Average();
            double rho = Enumerable.Range(1, n - 1).Sum(i => (lv[i] - ml) * (lv[i - 1] - ml)) / Enumerable.Range(0, n - 1).Sum(i => (lv[i] - ml) * (lv[i] - ml));
            double halfLife = rho > 0 && rho < 1 ? Math.Log(0.5) / Math.Log(rho) : double.NaN;
            if (double.IsNaN(halfLife)) m.VixHalfLifeDays.Should().Be(double.NaN);
            else m.VixHalfLifeDays.Should().BeApproximately(halfLife, 1e-9 * Math.Max(1, halfLife));
            // The drawdown on the price level itself: each close against the highest close so far (the start at 1).
            double price = 1, high = 1, drawdown = 0;
            foreach (double x in r)
            {
                price *= Math.Exp(x);
                high = Math.Max(high, price);
                drawdown = Math.Min(drawdown, price / high - 1);
            }
            m.SpxMaxDrawdown.Should().BeApproximately(drawdown, 1e-12);
        }
    }

    [Fact]
    public void Moving_every_return_or_scaling_the_vix_changes_only_what_it_should()
    {
        // Properties: a constant added to each day's return moves the drift by 252 times it and leaves the volatility;
        // VIX scaled by k scales its mean and percentile and leaves its changes' correlation and its half-life.
        var random = new Random(3);
        for (int trial = 0; trial < 20; trial++)
        {
            int n = 100 + random.Next(400);
            var r = Enumerable.Range(0, n).Select(_ => 0.02 * (random.NextDouble() - 0.5)).ToArray();
            var c = r.Select(x => -4 * x + 0.03 * (random.NextDouble() - 0.5)).ToArray();
            var v = new double[n];
            double level = 20;
            for (int i = 0; i < n; i++) v[i] = level *= Math.Exp(c[i] - 0.05 * Math.Log(level / 20));
            var m = MarketStatistics.Of(r, c, v);
            double a = 0.001 * random.NextDouble(), k = 0.5 + 2 * random.NextDouble();
            var shifted = MarketStatistics.Of(r.Select(x => x + a).ToArray(), c, v);
            shifted.SpxDrift.Should().BeApproximately(m.SpxDrift + 252 * a, 1e-12);
            shifted.RealizedVolatility.Should().BeApproximately(m.RealizedVolatility, 1e-12);
            var scaled = MarketStatistics.Of(r, c, v.Select(x => k * x).ToArray());
            scaled.MeanVix.Should().BeApproximately(k * m.MeanVix, 1e-9);
            scaled.VixP95.Should().BeApproximately(k * m.VixP95, 1e-9);
            scaled.ReturnVixCorrelation.Should().Be(m.ReturnVixCorrelation);
            scaled.VixHalfLifeDays.Should().BeApproximately(m.VixHalfLifeDays, 1e-6 * m.VixHalfLifeDays);
        }
    }

    [Fact]
    public void The_percentile_s_selection_puts_the_sorted_value_at_k()
    {
        var random = new Random(5);
        for (int trial = 0; trial < 500; trial++)
        {
            int n = 1 + random.Next(300);
            var values = Enumerable.Range(0, n).Select(_ => (double)random.Next(trial % 2 == 0 ? 5 : 1000)).ToArray(); // many ties half the time
            int k = random.Next(n);
            var copy = values.ToArray();
            double selected = Alvh.Analytics.TailRisk.Select(copy, k);
            var sorted = values.Order().ToArray();
            selected.Should().Be(sorted[k]);
            copy.Take(k).All(x => x <= selected).Should().BeTrue("no larger value before k");
            copy.Skip(k + 1).All(x => x >= selected).Should().BeTrue("no smaller value after k");
            copy.Order().Should().Equal(sorted, "selection only rearranges");
        }
    }

    [Fact]
    public void Bad_days_are_refused_naming_the_day()
    {
        var (r, c, v) = Alternating();
        v[7] = 0;
        var act = () => MarketStatistics.Of(r, c, v);
        act.Should().Throw<ArgumentException>().WithMessage("day 7:*positive*");
        var (r2, c2, v2) = Alternating();
        r2[3] = double.NaN;
        ((Action)(() => MarketStatistics.Of(r2, c2, v2))).Should().Throw<ArgumentException>().WithMessage("day 3:*finite*");
        ((Action)(() => MarketStatistics.Of(r, c, v.AsSpan(1).ToArray()))).Should().Throw<ArgumentException>().WithMessage("*one value a day*");
    }

    [Fact]
    public void A_path_is_measured_on_its_days_after_the_first()
    {
        var days = ScenarioCalendar.Days(new DateOnly(2026, 2, 12), 1);
        var path = new ScenarioPath(days);
        var random = new Random(9);
        double spx = 6000, vix = 18;
        for (int t = 0; t < days.Length; t++)
        {
            spx *= Math.Exp(0.01 * (random.NextDouble() - 0.5));
            vix *= Math.Exp(0.05 * (random.NextDouble() - 0.5));
            path.SpxClose[t] = spx;
            path.VixClose[t] = vix;
        }
        int n = days.Length - 1;
        var r = Enumerable.Range(1, n).Select(t => Math.Log(path.SpxClose[t] / path.SpxClose[t - 1])).ToArray();
        var c = Enumerable.Range(1, n).Select(t => Math.Log(path.VixClose[t] / path.VixClose[t - 1])).ToArray();
        var expected = MarketStatistics.Of(r, c, path.VixClose[1..]);
        var actual = MarketStatistics.Of(path);
        // The path's VIX changes are differences of logarithms (one a close), equal to the log ratios within rounding.
        actual.MeanVix.Should().Be(expected.MeanVix);
        actual.VixP95.Should().Be(expected.VixP95);
        actual.SpxDrift.Should().Be(expected.SpxDrift);
        actual.ReturnVixCorrelation.Should().BeApproximately(expected.ReturnVixCorrelation, 1e-12);
        actual.VixHalfLifeDays.Should().BeApproximately(expected.VixHalfLifeDays, 1e-9);
    }

    [Fact]
    public void Windows_cover_the_history_a_step_apart()
    {
        var pool = HistoricalDays.From(ScenariosTests.History(600, 3));
        var windows = MarketStatistics.Windows(pool, 250, 21);
        windows.Should().HaveCount((pool.Count - 250) / 21 + 1);
        var closes = Enumerable.Range(0, pool.Count).Select(k => Math.Exp(pool.PreviousLogVix[k] + pool.VixChange[k])).ToArray();
        int last = (windows.Length - 1) * 21;
        windows[^1].Should().Be(MarketStatistics.Of(pool.SpxReturn.AsSpan(last, 250), pool.VixChange.AsSpan(last, 250), closes.AsSpan(last, 250)));
        windows[0].Should().Be(MarketStatistics.Of(pool.SpxReturn.AsSpan(0, 250), pool.VixChange.AsSpan(0, 250), closes.AsSpan(0, 250)));
        MarketStatistics.Windows(pool, pool.Count + 1, 21).Should().BeEmpty("a history shorter than a path has no window of its length");
    }

    [SkippableFact]
    public void History_since_1990_has_the_vix_level_and_coupling_on_record()
    {
        var data = ModelData.Require().Data;
        var m = MarketStatistics.Of(HistoricalDays.From(data, new DateOnly(1990, 1, 2)));
        // Cboe: VIX has averaged about 19.5 since 1990 (VIX history files; the mean of vix-daily.csv's closes is 19.4).
        m.MeanVix.Should().BeInRange(19.0, 20.0);
        // The leverage effect: daily S&P 500 returns and VIX changes correlate near -0.7 (e.g. Whaley, "Understanding
        // the VIX", Journal of Portfolio Management 35 (2009): VIX rises faster on falls than it drops on gains).
        m.ReturnVixCorrelation.Should().BeInRange(-0.8, -0.6);
        // The variance risk premium: VIX above the volatility that followed, on average (Carr and Wu 2009).
        m.VixPremium.Should().BeInRange(2, 6);
        m.RealizedVolatility.Should().BeInRange(0.16, 0.20);
    }
}
