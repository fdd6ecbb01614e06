using Alvh.Core.Tests.Model;
using Alvh.MarketData;
using Alvh.Research.Scenarios;
using Alvh.Strategies;

namespace Alvh.Core.Tests.Research;

public class ScenariosTests
{
    private static readonly ScenarioAnchor Anchor = new(new DateOnly(2026, 2, 12), 6000, 18, 4.0, 0.013, 20.5, 4.0, 60, 1.6);

    private static readonly SvjParameters Svj = new(0.0003, 5, 0.025, 0.5, -0.7, 0.2, -0.05, 0.03, 0.02, 1.3);

    internal static MarketDataSet History(int days, int seed)
    {
        var dates = Engine.SyntheticMarket.Weekdays(new DateOnly(2010, 1, 4), days);
        var random = new Random(seed);
        double spx = 1000, vix = 20;
        var spxClose = new double[days];
        var spxOpen = new double[days];
        var vixClose = new double[days];
        var vix3m = new double[days];
        for (int t = 0; t < days; t++)
        {
            double z = random.NextDouble() - 0.5;
            spxOpen[t] = spx * (1 + 0.001 * (random.NextDouble() - 0.5));
            spx *= Math.Exp(0.02 * z);
            vix *= Math.Exp(-2 * z + 0.1 * (Math.Log(20) - Math.Log(vix)));
            spxClose[t] = spx;
            vixClose[t] = vix;
            vix3m[t] = vix * 1.1;
        }
        var daily = new List<DailySeries>
        {
            new("spx", "spx.csv", dates, spxClose, spxOpen, spxClose.Select((c, i) => Math.Max(c, spxOpen[i]) * 1.002).ToArray(), spxClose.Select((c, i) => Math.Min(c, spxOpen[i]) * 0.998).ToArray()),
            new("vix", "vix.csv", dates, vixClose),
            new("vix3m", "vix3m.csv", dates, vix3m),
        };
        return new MarketDataSet("memory", new TradingCalendar(dates), daily, null, [], null, null, null, [], [], []);
    }

    [Fact]
    public void Bootstrap_blocks_default_to_the_rule_for_squared_returns()
    {
        var pool = HistoricalDays.From(History(800, 2));
        double automatic = BlockBootstrap.AutomaticBlockDays(pool);
        new BlockBootstrap(pool, Anchor).MeanBlockDays.Should().Be(automatic);
        automatic.Should().Be(BlockLength.StationaryBootstrap(pool.SpxReturn.Select(r => r * r).ToArray()));
        new BlockBootstrap(pool, Anchor) { MeanBlockDays = 7 }.MeanBlockDays.Should().Be(7);
        var bad = () => new BlockBootstrap(pool, Anchor) { MeanBlockDays = 0.5 };
        bad.Should().Throw<ArgumentOutOfRangeException>();
        var nan = () => new BlockBootstrap(pool, Anchor) { MeanBlockDays = double.NaN };
        nan.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Bootstrap_moves_spx_and_vix_by_the_same_historical_day()
    {
        var pool = HistoricalDays.From(History(500, 1));
        var bootstrap = new BlockBootstrap(pool, Anchor) { MeanBlockDays = 20 };
        var days = ScenarioCalendar.Days(Anchor.LastHistoricalDay, 2);
        var path = bootstrap.Generate(days, 42);
        double previousSpx = Anchor.Spx, previousLogVix = Math.Log(Anchor.Vix);
        int restarts = 0;
        for (int t = 0; t < days.Length; t++)
        {
            int src = path.SourceDays[t];
            Math.Log(path.SpxClose[t] / previousSpx).Should().BeApproximately(pool.SpxReturn[src], 1e-12);
            double vixMove = Math.Log(path.VixClose[t]) - previousLogVix;
            double ownMove = vixMove + bootstrap.VixReversion * (previousLogVix - pool.PreviousLogVix[src]);
            ownMove.Should().BeApproximately(pool.VixChange[src], 1e-12, "the VIX move is the same day's move plus the documented reversion");
            (path.Vix3m[t] / path.VixClose[t]).Should().BeApproximately(pool.Ratio3m[src], 1e-12);
            if (t > 0 && src != (path.SourceDays[t - 1] + 1) % pool.Count) restarts++;
            previousSpx = path.SpxClose[t];
            previousLogVix = Math.Log(path.VixClose[t]);
        }
        // Stationary bootstrap with mean block 20: about one restart in 20 days.
        restarts.Should().BeInRange(days.Length / 40, days.Length / 10);
        bootstrap.Generate(days, 42).SpxClose.Should().Equal(path.SpxClose);
    }

    /// <summary>
    /// A stress start draws each path's first day among the days that began nearest the starting VIX: those are the
    /// days with the smallest |ln VIX_prev − ln V| (no day left out is nearer), and the path's first VIX is the start
    /// moved by that day's own change (the pull to the drawn level is nil when they agree, and small when near).
    /// Without the option the first day is drawn from the whole pool.
    /// </summary>
    [Fact]
    public void A_stress_start_draws_the_first_day_among_days_that_began_near_that_vix()
    {
        var pool = HistoricalDays.From(History(800, 3));
        var nearest = pool.NearestVix(30, 25);
        nearest.Should().HaveCount(25).And.BeInAscendingOrder().And.OnlyHaveUniqueItems();
        double worstIn = nearest.Max(k => Math.Abs(pool.PreviousLogVix[k] - Math.Log(30)));
        Enumerable.Range(0, pool.Count).Except(nearest).Should().OnlyContain(k => Math.Abs(pool.PreviousLogVix[k] - Math.Log(30)) >= worstIn);

        var stressed = Anchor with { Vix = 30 };
        var free = new BlockBootstrap(pool, stressed);
        var started = new BlockBootstrap(pool, stressed) { FirstBlockDays = nearest };
        var days = ScenarioCalendar.Days(Anchor.LastHistoricalDay, 0.25);
        for (ulong seed = 1; seed <= 40; seed++)
        {
            var path = started.Generate(days, seed);
            int src = path.SourceDays[0];
            nearest.Should().Contain(src);
            double expected = Math.Log(30) + pool.VixChange[src] - free.VixReversion * (Math.Log(30) - pool.PreviousLogVix[src]);
            Math.Log(path.VixClose[0]).Should().BeApproximately(expected, 1e-12);
        }
        Enumerable.Range(1, 40).Select(seed => free.Generate(days, (ulong)seed).SourceDays[0]).Should().Contain(src => !nearest.Contains(src), "without the option the first day is drawn from the whole pool");
        FluentActions.Invoking(() => pool.NearestVix(0, 5)).Should().Throw<ArgumentOutOfRangeException>();
    }

    /// <summary>
    /// The calibration measures candidates by <see cref="SvjModel.Statistics"/>, which simulates the closes only: it must
    /// give the statistics of the path <see cref="SvjModel.Generate"/> makes from the same seed to the bit, with jumps
    /// frequent (so the draws taken only on jump days are exercised) and without.
    /// </summary>
    [Fact]
    public void Svj_statistics_without_the_path_are_those_of_the_path()
    {
        var days = ScenarioCalendar.Days(Anchor.LastHistoricalDay, 3);
        foreach (var parameters in new[] { Svj, Svj with { JumpsPerYear = 25, VarianceJump = 0.05 }, Svj with { JumpsPerYear = 0, Rho = -0.99, Xi = 1.5 } })
        {
            var model = new SvjModel(parameters, Anchor);
            for (ulong seed = 1; seed <= 5; seed++)
            {
                model.Statistics(days, seed).Should().Be(MarketStatistics.Of(model.Generate(days, seed)), $"seed {seed}, {parameters}");
            }
        }
    }

    /// <summary>
    /// <see cref="SvjParameters.Drift"/> is the mean daily log return with every component in. The log return loses ½ v⁺Δ
    /// a day to convexity, and the variance's long-run mean is θ + λ·E[Jv]/κ (the mean-reverting drift balances the variance
    /// jumps' λ·E[Jv] a year), not θ: compensated by ½θΔ, the paths fell short of the drift by ½λE[Jv]/κ a year, 0.27%
    /// on 1990–2026's calibration (8.19% asked, 7.88% ± 0.07% on 8,000 independent 10-year paths from its parameters).
    /// Here the variance jumps are large (λE[Jv]/κ = 0.1, a shortfall of 5% a year) and 300 ten-year paths start at the
    /// long-run variance; the paths' mean log return has a standard error of about 0.6% a year.
    /// </summary>
    [Fact]
    public void Svj_paths_mean_log_return_is_the_drift_with_variance_jumps()
    {
        var truth = new SvjParameters(0.08 / 252, 2, 0.02, 0.3, -0.7, 4, 0, 0.01, 0.05, 1.3);
        double longRun = truth.Theta + truth.JumpsPerYear * truth.VarianceJump / truth.Kappa;
        double kt = truth.Kappa * 30 / 365.0, g = (1 - Math.Exp(-kt)) / kt;
        double jumpVariance = truth.JumpsPerYear * (truth.JumpMean * truth.JumpMean + truth.JumpStd * truth.JumpStd);
        var anchor = Anchor with { Vix = 100 * Math.Sqrt(truth.VarianceRiskPremium * (truth.Theta + (longRun - truth.Theta) * g + jumpVariance)) };
        var days = ScenarioCalendar.Days(anchor.LastHistoricalDay, 10);
        var model = new SvjModel(truth, anchor);
        double meanDrift = Enumerable.Range(1, 300).Average(seed => model.Statistics(days, (ulong)seed).SpxDrift);
        meanDrift.Should().BeApproximately(truth.Drift * 252, 0.02, "the paths' mean log return a year is the drift's (3 standard errors)");
    }

    [Fact]
    public void Svj_paths_have_consistent_ohlc_and_term_structure()
    {
        var days = ScenarioCalendar.Days(Anchor.LastHistoricalDay, 3);
        var path = new SvjModel(Svj, Anchor).Generate(days, 3);
        for (int t = 0; t < days.Length; t++)
        {
            path.SpxHigh[t].Should().BeGreaterThanOrEqualTo(Math.Max(path.SpxOpen[t], path.SpxClose[t]));
            path.SpxLow[t].Should().BeLessThanOrEqualTo(Math.Min(path.SpxOpen[t], path.SpxClose[t]));
            path.VixClose[t].Should().BeInRange(5, 200);
        }
        // Realised vol over the path is in the neighbourhood of sqrt(theta) ≈ 16%.
        var r = path.SpxClose.Zip(path.SpxClose.Skip(1), (a, b) => Math.Log(b / a)).ToArray();
        double vol = Math.Sqrt(r.Select(x => x * x).Average() * 252);
        vol.Should().BeInRange(0.08, 0.35);
    }

    /// <summary>A history the SVJ with <paramref name="truth"/> simulated, started at its long-run VIX (θ and the jumps' variance, premium 1.3).</summary>
    private static MarketDataSet SimulatedHistory(SvjParameters truth, double years, ulong seed)
    {
        var anchor = Anchor with { Vix = 100 * Math.Sqrt(truth.VarianceRiskPremium * (truth.Theta + truth.JumpsPerYear * (truth.JumpMean * truth.JumpMean + truth.JumpStd * truth.JumpStd))) };
        var days = ScenarioCalendar.Days(anchor.LastHistoricalDay, years);
        return ScenarioMarket.Build(new SvjModel(truth, anchor).Generate(days, seed), anchor).Data;
    }

    [Fact]
    public void Svj_fit_recovers_the_parameters_of_a_long_simulated_history()
    {
        // Simulate 120 years with known parameters, fit them back by the same moments. The vol of variance comes back
        // only if the fit divides VIX²'s moves by premium · g(30 days): without it xi came back about 0.7 of the truth.
        var truth = new SvjParameters(0.0003, 6, 0.03, 0.8, -0.7, 0.2, -0.05, 0.03, 0.03, 1.3);
        var data = SimulatedHistory(truth, years: 120, seed: 17);

        var fit = SvjModel.Fit(data);

        fit.Kappa.Should().BeApproximately(truth.Kappa, 0.25 * truth.Kappa);
        fit.Theta.Should().BeApproximately(truth.Theta, 0.2 * truth.Theta);
        fit.Xi.Should().BeApproximately(truth.Xi, 0.15 * truth.Xi);
        fit.Rho.Should().BeApproximately(truth.Rho, 0.1);
        fit.VarianceRiskPremium.Should().BeApproximately(truth.VarianceRiskPremium, 0.1);
    }

    [Fact]
    public void Svj_calibration_finds_a_true_svj_history_s_parameters_from_a_wrong_start()
    {
        // On a history the model itself simulated, a search started far off (kappa x3, xi x3, rho -0.3) must come back
        // near the truth: the three features pin kappa, xi and rho down.
        var truth = new SvjParameters(0.0003, 4, 0.03, 0.35, -0.85, 0.2, -0.05, 0.03, 0.03, 1.3);
        var data = SimulatedHistory(truth, years: 60, seed: 23);
        var moments = SvjModel.Fit(data);

        var c = SvjModel.Calibrate(data, start: moments with { Kappa = 3 * moments.Kappa, Xi = 3 * moments.Xi, Rho = -0.3 });

        c.WindowDays.Should().Be(SvjModel.CalibrationDays);
        c.Matched.Should().BeTrue($"distance {c.Distance}");
        c.Parameters.Kappa.Should().BeApproximately(truth.Kappa, 0.5 * truth.Kappa);
        c.Parameters.Xi.Should().BeApproximately(truth.Xi, 0.5 * truth.Xi);
        c.Parameters.Rho.Should().BeApproximately(truth.Rho, 0.12);
        c.Parameters.Theta.Should().BeApproximately(truth.Theta, 0.25 * truth.Theta);
        c.Parameters.VarianceRiskPremium.Should().BeApproximately(truth.VarianceRiskPremium, 0.15);
        c.Parameters.JumpsPerYear.Should().Be(c.Moments.JumpsPerYear, "the return jumps keep their moment values");
        c.Parameters.JumpMean.Should().Be(c.Moments.JumpMean);
        SvjModel.Calibrate(data, start: moments with { Kappa = 3 * moments.Kappa, Xi = 3 * moments.Xi, Rho = -0.3 }, threads: 1)
            .Should().BeEquivalentTo(c, "the calibration's paths have fixed seeds, whatever the threads");
    }

    /// <summary>
    /// A calibration's key names what Calibrate reads: the same history, pool start and (capped) window length give the same
    /// key; another history, another start or another window length another. Windows are capped at half the pool, so two
    /// lengths beyond it are one calibration.
    /// </summary>
    [Fact]
    public void Svj_calibration_keys_change_with_what_the_calibration_reads()
    {
        var data = SimulatedHistory(Svj, years: 12, seed: 5);
        string key = SvjCalibration.Key(data, null, 1000);

        key.Should().MatchRegex("^[0-9a-f]{64}$");
        SvjCalibration.Key(SimulatedHistory(Svj, years: 12, seed: 5), null, 1000).Should().Be(key, "the same history built again");
        SvjCalibration.Key(SimulatedHistory(Svj, years: 12, seed: 6), null, 1000).Should().NotBe(key, "another history");
        SvjCalibration.Key(data, data.Calendar[300], 1000).Should().NotBe(key, "a later pool start");
        SvjCalibration.Key(data, null, 999).Should().NotBe(key, "another window length");
        int half = HistoricalDays.From(data).Count / 2;
        SvjCalibration.Key(data, null, half + 1).Should().Be(SvjCalibration.Key(data, null, half + 500), "both capped at half the pool");
        FluentActions.Invoking(() => SvjCalibration.Key(data, null, 41)).Should().Throw<ArgumentOutOfRangeException>("Calibrate refuses windows under 42 days");
    }

    /// <summary>
    /// A calibrated parameter within 0.2% of its search bound is named (the fit is then the nearest the bound allows): ρ at
    /// −0.9897 (from 2000, 10-year paths) is, −0.966 (from 1990) is not; κ and the premium at their upper and lower bounds are.
    /// </summary>
    [Fact]
    public void Parameters_at_the_search_bounds_are_named()
    {
        SvjCalibration With(SvjParameters p) => new(Svj, p, 2520, 300, 24, SvjFeatures.None, SvjFeatures.None, SvjFeatures.None, 1, SvjFeatures.None, 0.1, 100, 1);

        With(Svj with { Rho = -0.9897008843843851 }).ParametersAtBounds.Should().Equal("rho");
        With(Svj with { Rho = -0.9659674332787485 }).ParametersAtBounds.Should().BeEmpty();
        With(Svj with { Kappa = SvjModel.MaxKappa, VarianceRiskPremium = SvjModel.MinPremium * 1.001 }).ParametersAtBounds.Should().Equal("kappa", "premium");
        With(Svj with { Xi = 19.97, Theta = 0.9999 }).ParametersAtBounds.Should().Equal("xi", "theta");
        With(Svj with { Theta = SvjModel.MinTheta }).ParametersAtBounds.Should().Equal("theta");
    }

    [SkippableFact]
    public void Svj_calibration_on_history_brings_the_vix_s_persistence_and_coupling_to_its_windows()
    {
        var data = ModelData.Require().Data;
        var c = SvjModel.Calibrate(data, new DateOnly(1990, 1, 2));
        // The moment fit's paths: VIX half-life 13 days, correlation -0.57, against 41 and -0.75 on history's 10-year windows
        // (medians of the windows of vix-daily.csv and spx-daily.csv since 1990, the calibration's own targets).
        c.AtMoments.VixHalfLifeDays.Should().BeLessThan(20);
        c.AtMoments.ReturnVixCorrelation.Should().BeGreaterThan(-0.65);
        c.Achieved.VixHalfLifeDays.Should().BeApproximately(c.Targets.VixHalfLifeDays, 0.5 * c.Scales.VixHalfLifeDays);
        c.Achieved.ReturnVixCorrelation.Should().BeApproximately(c.Targets.ReturnVixCorrelation, 0.5 * c.Scales.ReturnVixCorrelation);
        c.Achieved.VixP95.Should().BeApproximately(c.Targets.VixP95, 0.5 * c.Scales.VixP95);
        c.Achieved.MeanVix.Should().BeApproximately(c.Targets.MeanVix, 0.5 * c.Scales.MeanVix);
        c.Achieved.VixPremium.Should().BeApproximately(c.Targets.VixPremium, 0.5 * c.Scales.VixPremium);
        c.Matched.Should().BeTrue();
        c.Parameters.Kappa.Should().BeInRange(2, 6, "a VIX half-life of about 41 trading days");
        c.Parameters.Rho.Should().BeInRange(-0.99, -0.8);
        // From 2000 the simplex started at the moment fit settled on a fast, high-xi solution (distance 4.5, half-life 12 against
        // 36); the second start, at the kappa the target half-life implies, reaches the targets (distance 0.75).
        var since2000 = SvjModel.Calibrate(data, new DateOnly(2000, 1, 3));
        since2000.Distance.Should().BeLessThan(1);
        since2000.Achieved.VixHalfLifeDays.Should().BeApproximately(since2000.Targets.VixHalfLifeDays, since2000.Scales.VixHalfLifeDays);
        // The Feller condition 2 kappa theta >= xi^2 holds after the calibration (it did not for the moment fit: 0.59 < 1.34).
        (2 * c.Parameters.Kappa * c.Parameters.Theta).Should().BeGreaterThan(c.Parameters.Xi * c.Parameters.Xi);
    }

    /// <summary>
    /// Jumps are days beyond 4 standard deviations of the model's diffusion, whose variance is VIX² over the premium.
    /// Truncated at 4 sigma, the fit still misses the smaller jumps (the count is low and the mean jump deeper than the
    /// truth), but on five simulated 120-year histories (λ 0.2/y, μJ −5%, σJ 3%) it finds 0.144/y of −5.8% on
    /// average; with VIX² itself as the variance (the premium left in) it found 0.122/y of −6.7%.
    /// </summary>
    [Fact]
    public void Svj_fit_counts_jumps_against_the_diffusion_without_the_risk_premium()
    {
        var truth = new SvjParameters(0.0003, 6, 0.03, 0.8, -0.7, 0.2, -0.05, 0.03, 0.03, 1.3);
        var anchor = Anchor with { Vix = 100 * Math.Sqrt(1.3 * (0.03 + 0.2 * (0.05 * 0.05 + 0.03 * 0.03))) };
        var days = ScenarioCalendar.Days(anchor.LastHistoricalDay, 120);
        var fits = new ulong[] { 17, 18, 19, 20, 21 }
            .Select(seed => SvjModel.Fit(ScenarioMarket.Build(new SvjModel(truth, anchor).Generate(days, seed), anchor).Data)).ToArray();

        fits.Average(f => f.JumpsPerYear).Should().BeInRange(0.13, 0.2, "the 4.6-sigma threshold found 0.122/y");
        fits.Average(f => f.JumpMean).Should().BeInRange(-0.062, -0.05, "the 4.6-sigma threshold found -6.7%");
    }

    [Fact]
    public void Svj_paths_start_at_the_anchor_vix_and_open_with_part_of_the_day()
    {
        var model = new SvjModel(Svj, Anchor);
        var days = ScenarioCalendar.Days(Anchor.LastHistoricalDay, 40);
        var path = model.Generate(days, 5);
        // The first close's VIX is the anchor's moved by one day's shock: averaged over seeds it is the anchor's level
        // (the starting variance inverts VIX² = premium (θ + (v − θ) g + jumps), g included).
        // Far from the long-run level (VIX 40), where leaving g out started the paths near VIX 37.
        var stressed = new SvjModel(Svj, Anchor with { Vix = 40 });
        Enumerable.Range(1, 400).Average(s => stressed.Generate(days[..1], (ulong)s).VixClose[0]).Should().BeApproximately(40, 0.6);
        // Overnight gaps carry a fifth of the diffusion: their correlation with the day's return is about √0.2 ≈ 0.45
        // (SPX since 2000: 0.52), and the session's variance about 0.8 of the day's (SPX: 0.77).
        var previous = path.SpxClose[..^1];
        var gap = path.SpxOpen[1..].Select((o, i) => Math.Log(o / previous[i])).ToArray();
        var day = path.SpxClose[1..].Select((c, i) => Math.Log(c / previous[i])).ToArray();
        var session = path.SpxClose[1..].Select((c, i) => Math.Log(c / path.SpxOpen[i + 1])).ToArray();
        Correlation(gap, day).Should().BeInRange(0.38, 0.6);
        (Variance(session) / Variance(day)).Should().BeInRange(0.7, 0.9);

        static double Variance(double[] x) => x.Select(v => (v - x.Average()) * (v - x.Average())).Average();
        static double Correlation(double[] x, double[] y) =>
            x.Zip(y, (a, b) => (a - x.Average()) * (b - y.Average())).Average() / Math.Sqrt(Variance(x) * Variance(y));
    }

    [Fact]
    public void Monte_carlo_outcomes_do_not_depend_on_the_thread_count()
    {
        var days = ScenarioCalendar.Days(Anchor.LastHistoricalDay, 0.5);
        var model = new SvjModel(Svj, Anchor);
        var one = MonteCarlo.Run(s => model.Generate(days, s), Anchor, Presets.DripCondorAlvh, Presets.Drip, paths: 3, seed: 9, threads: 1);
        var reported = new System.Collections.Concurrent.ConcurrentBag<int>();
        var two = MonteCarlo.Run(s => model.Generate(days, s), Anchor, Presets.DripCondorAlvh, Presets.Drip, paths: 3, seed: 9, threads: 2, pathsDone: reported.Add);
        reported.Order().Should().Equal([1, 2, 3], "each finished path reports the count finished so far, once");
        two.Strategy.Should().Equal(one.Strategy);
        two.Baseline.Should().Equal(one.Baseline);
        two.Markets.Should().Equal(one.Markets);
        two.SameVolatility.Should().Equal(one.SameVolatility);
        two.SameVolatilityWeight.Should().Equal(one.SameVolatilityWeight);
        two.SameVolatilityMatched.Should().Equal(one.SameVolatilityMatched);
        for (int p = 0; p < 3; p++)
        {
            one.Markets[p].Should().Be(MarketStatistics.Of(MonteCarlo.PathMarket(s => model.Generate(days, s), Anchor, 9, p).Path), "each path's market statistics are those of the path its seed gives");
        }
        one.Strategy.Should().OnlyContain(o => o.TerminalWealth > 0 && o.MaxDrawdown <= 0);
        one.Strategy.Select(o => o.TerminalWealth).Distinct().Should().HaveCount(3, "paths use different derived seeds");
    }

    [Fact]
    public void The_same_volatility_drip_has_the_strategy_s_volatility_on_its_path()
    {
        // The study's drip-same-vol, path by path: w * drip + (1 - w) * T-bills, rebalanced daily, with the strategy's
        // annualised volatility (checked against the closed form of the mix's volatility); the DRIP against itself is all DRIP.
        var days = ScenarioCalendar.Days(Anchor.LastHistoricalDay, 1);
        var model = new SvjModel(Svj, Anchor);
        Func<ulong, ScenarioPath> generate = s => model.Generate(days, s);
        var run = MonteCarlo.Run(generate, Anchor, Presets.DripCondorAlvh, Presets.Drip, paths: 3, seed: 4, threads: 2);
        for (int p = 0; p < 3; p++)
        {
            var (_, market) = MonteCarlo.PathMarket(generate, Anchor, 4, p);
            var strategy = market.Run(Presets.DripCondorAlvh);
            var drip = market.Run(Presets.Drip);
            double volatility = Alvh.Analytics.SampleStatistics.AnnualisedVolatility(Alvh.Analytics.Returns.Simple(strategy.EquityCurve()));
            var bills = new Alvh.Runs.RunSeries(market.Data, market.Rates, drip.Dates(), market.RateGrowth).BillReturns.AsSpan(1).ToArray();
            double w = run.SameVolatilityWeight[p];
            w.Should().BeInRange(0.5, 1, "the full system is less volatile than the DRIP");
            Alvh.Analytics.DeleveredBaseline.MixVolatility(Alvh.Analytics.Returns.Simple(drip.EquityCurve()), bills, w).Should().BeApproximately(volatility, 1e-12);
            run.SameVolatilityMatched[p].Should().BeTrue();
            MonteCarlo.SameVolatility(market, strategy, drip, Presets.Drip).Should().Be((run.SameVolatility[p], w, true), "the run's figures are those of its path");
            var self = MonteCarlo.SameVolatility(market, drip, drip, Presets.Drip);
            self.Weight.Should().BeApproximately(1, 1e-9);
            self.Matched.Should().BeTrue();
            // The DRIP against a strategy calmer than the bills cannot be matched: all T-bills stand in (weight 0), and
            // against one more volatile than itself, the DRIP unlevered (weight 1).
            var calmer = MonteCarlo.SameVolatility(market, drip, strategy, Presets.Drip);
            calmer.Matched.Should().BeFalse("no mix of the full system and T-bills is as volatile as the DRIP");
            calmer.Weight.Should().Be(1);
            calmer.Outcome.Should().Be(run.Strategy[p], "all in the baseline is its own curve, to the bit (compounded again it differed in the last bits)");
            self.Outcome.Cagr.Should().BeApproximately(run.Baseline[p].Cagr, 1e-9);
            self.Outcome.MaxDrawdown.Should().BeApproximately(run.Baseline[p].MaxDrawdown, 1e-9);
        }
    }

    [Fact]
    public void A_path_market_reuses_the_anchor_term_structure_fit_and_fits_its_own_without_one()
    {
        // The history's fit, carried by the anchor, is the one a path's surface fills missing pillars with
        // (the same instance: nothing refitted); an anchor without one leaves the path to fit its own data.
        var synthetic = History(800, 5);
        var dates = synthetic.Calendar.Days.ToArray();
        var vix = synthetic.Aligned("vix");
        var daily = synthetic.Daily.Concat([new DailySeries("vix9d", "vix9d.csv", dates, [.. vix.Select((v, i) => v * (0.9 + (0.1 * Math.Sin(i))))]), new DailySeries("vix6m", "vix6m.csv", dates, [.. vix.Select(v => (v * 0.7) + 7)])]).ToList();
        var fit = new Alvh.Model.SpxSurfaceModel(new MarketDataSet("memory", synthetic.Calendar, daily, null, [], null, null, null, [], [], [])).TermStructureFit;
        var anchor = Anchor with { TermStructure = fit };
        var days = ScenarioCalendar.Days(anchor.LastHistoricalDay, 0.5);
        var path = new SvjModel(Svj, anchor).Generate(days, 4);

        var (data, settings) = ScenarioMarket.Build(path, anchor);
        settings.TermStructure.Should().BeSameAs(fit);
        Alvh.Runs.MarketContext.Build(data, settings).Surface.TermStructureFit.Should().BeSameAs(fit);

        var (ownData, ownSettings) = ScenarioMarket.Build(path, Anchor);
        ownSettings.TermStructure.Should().BeNull();
        var own = Alvh.Runs.MarketContext.Build(ownData, ownSettings).Surface.TermStructureFit;
        own.Should().NotBeSameAs(fit);
        own.Should().Be(Alvh.Runs.MarketContext.Build(ownData, ownSettings).Surface.TermStructureFit, "fitted on the path's own data, deterministically");
    }

    [Fact]
    public void Wilson_interval_matches_a_worked_value()
    {
        // 0 of 10: Wilson 95% upper bound 0.2775 (Newcombe 1998, Statistics in Medicine 17, table I).
        var p = Proportion.Wilson(0, 10);
        p.Lower.Should().Be(0);
        p.Upper.Should().BeApproximately(0.2775, 5e-4);
        var d = Distribution.Of([1, 2, 3, 4, 5]);
        d.P50.Should().Be(3);
        d.P25.Should().Be(2);
        d.P5.Should().BeApproximately(1.2, 1e-12);
    }

    /// <summary>
    /// The Wilson score interval inside (0, 1) too, against Newcombe 1998 (Statistics in Medicine 17, 857-872), table I,
    /// method 3 (score, no continuity correction), printed to four decimals; and the closed form of Wilson 1927 at
    /// 6 of 20 and 20 of 20 (centre (p + z²/2n)/(1 + z²/n), half-width z/(1 + z²/n) · √(p(1 − p)/n + z²/4n²)).
    /// </summary>
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    [InlineData(6, 20, 0.1455, 0.5190)]
    [InlineData(20, 20, 0.8389, 1.0000)]
    public void Wilson_interval_matches_newcombe_s_table(int successes, int trials, double lower, double upper)
    {
        var p = Proportion.Wilson(successes, trials);

        p.Estimate.Should().Be((double)successes / trials);
        p.Lower.Should().BeApproximately(lower, 5e-5);
        p.Upper.Should().BeApproximately(upper, 5e-5);
    }
}
