using System.Text.Json;
using Alvh.Data.Catalog;
using Alvh.Data.Output;
using Alvh.Study;

namespace Alvh.Data.Tests.Runs;

/// <summary>The study on the real history (ALVH_DATA): baselines, windows, claim arithmetic, verdict vs study.json.</summary>
public class StudyTests
{
    private static readonly Lazy<StudyResult> Study = new(() =>
    {
        var data = MarketDataLoader.Load(SharedData.Require());
        return StudyEngine.Run(StudySetup.Prepare(data, asIf: false).Inputs);
    });

    private static StudyResult Get()
    {
        SharedData.Require();
        return Study.Value;
    }

    [SkippableFact]
    public void Runs_every_preset_and_the_three_baselines_over_the_same_period()
    {
        var s = Get();
        s.Runs.Select(r => r.Name).Should().Equal("drip", "drip-condor", "drip-alvh", "drip-condor-alvh", StudyEngine.SameVolatility, StudyEngine.SameCagr, StudyEngine.SameVolatilityAsHedge);
        s.From.Should().Be(new DateOnly(2006, 2, 24), "VIX options were first listed that day");
        s.Runs.Should().OnlyContain(r => r.Dates.Length == s.Runs[0].Dates.Length && r.Dates[0] == s.From);
        s.Runs.Take(4).Should().OnlyContain(r => r.Backtest != null && r.Backtest.Ledger.Entries.Count > 0);
    }

    [SkippableFact]
    public void The_same_volatility_baseline_matches_the_full_system_within_a_tenth_of_a_point()
    {
        var s = Get();
        var full = s.Run("drip-condor-alvh");
        s.Run(StudyEngine.SameVolatility).Metrics.Volatility.Should().BeApproximately(full.Metrics.Volatility, 0.001);
        var cagrFit = s.Baselines.Single(b => b.Name == StudyEngine.SameCagr);
        if (!double.IsNaN(cagrFit.Weight)) s.Run(StudyEngine.SameCagr).Metrics.Cagr.Should().BeApproximately(full.Metrics.Cagr, 0.001);
        // The hedge alone gets its own: the verdict laid the condors' cost on "the hedge".
        s.Run(StudyEngine.SameVolatilityAsHedge).Metrics.Volatility.Should().BeApproximately(s.Run("drip-alvh").Metrics.Volatility, 0.001);
        var alvh = s.Run("drip-alvh").Metrics;
        var hedgeBase = s.Run(StudyEngine.SameVolatilityAsHedge).Metrics;
        s.Verdict.Should().Contain($"the hedge alone {(alvh.Cagr >= hedgeBase.Cagr ? "earned" : "gave up")} {Verdict.Pts(Math.Abs(alvh.Cagr - hedgeBase.Cagr))} a year");
    }

    [SkippableFact]
    public void Every_named_window_is_measured_and_the_claim_arithmetic_holds()
    {
        var s = Get();
        var ids = s.Runs[0].Windows.Select(w => w.Id).ToList();
        ids.Should().Contain(["2008", "2011", "2015", "2018-02", "2018-q4", "2020", "2022"]);
        ids.Should().Contain(id => id.StartsWith("vix-2008", StringComparison.Ordinal), "the 2008 high-VIX episode is found in the data");
        foreach (var c in s.Claims)
        {
            c.ReductionPoints.Should().BeApproximately(c.HedgedMaxDrawdown - c.BaselineMaxDrawdown, 1e-12);
            c.ReductionPercent.Should().BeApproximately(c.ReductionPoints / -c.BaselineMaxDrawdown, 1e-12);
            c.BaselineMaxDrawdown.Should().BeNegative();
        }
        // The DRIP's 2008 window drawdown on SPY total return is deep (about -46%); 2020 about -34%.
        s.Claims.First(c => c.Window == "2008").BaselineMaxDrawdown.Should().BeInRange(-0.55, -0.40);
        s.Claims.First(c => c.Window == "2020").BaselineMaxDrawdown.Should().BeInRange(-0.36, -0.30);
    }

    /// <summary>
    /// drip-alvh's window cuts are set beside its fair baseline's, the DRIP de-levered to its volatility (audit: recomputed in
    /// Python from the study's daily.csv and baselines.csv, 2006-02-24 to 2026-02-11, that baseline removed 4.9% of the DRIP's
    /// named-window drawdown against drip-alvh's 8.2%, and drip-alvh was shallower than it in 3 of 7 named windows and 15 of
    /// 25 high-VIX episodes). Recomputed here from the runs' own window drawdowns, not from the claim rows.
    /// </summary>
    [SkippableFact]
    public void The_hedges_window_cuts_stand_beside_the_DRIP_de_levered_to_its_volatility()
    {
        var s = Get();
        var drip = s.Run("drip");
        var alvh = s.Run("drip-alvh");
        var fair = s.Run(StudyEngine.SameVolatilityAsHedge);
        s.Claims.Where(c => c.Hedged == StudyEngine.SameVolatilityAsHedge).Select(c => c.Window).Should().Equal(drip.Windows.Select(w => w.Id));
        var named = drip.Windows.Where(w => !w.Id.StartsWith("vix-", StringComparison.Ordinal)).Select(w => w.Id).ToList();
        var episodes = drip.Windows.Where(w => w.Id.StartsWith("vix-", StringComparison.Ordinal)).Select(w => w.Id).ToList();
        double Dd(StudyRun r, string id) => r.Windows.Single(w => w.Id == id).MaxDrawdown;
        int Shallower(List<string> ids) => ids.Count(id => Dd(alvh, id) > Dd(fair, id));
        double cut = named.Average(id => (Dd(fair, id) - Dd(drip, id)) / -Dd(drip, id));
        cut.Should().BeInRange(0.03, 0.07, "94.8% SPY removes about 5% of any drawdown");
        s.Verdict.Should().Contain($"removed {Verdict.P(cut)} of the DRIP's window drawdown on average")
            .And.Contain($"drip-alvh's drawdown was shallower than that baseline's in {Shallower(named)} of {named.Count} named windows and {Shallower(episodes)} of {episodes.Count} high-VIX episodes.");
    }

    /// <summary>
    /// The full system's window cuts beside those of the DRIP at its volatility (an audit, recomputed in Python from
    /// daily.csv and baselines.csv over 2006-02-24 to 2026-02-11: that baseline removed 13.55% of the DRIP's named-window
    /// drawdown on average, median 13.86%, 7 of 7 windows inside the claimed 12–18%; the full system 11.97%, median 11.82%,
    /// 2 of 7; shallower than the baseline in 2 of 7 named windows and 14 of 25 episodes). Recomputed here from the runs'
    /// own window drawdowns, not from the claim rows.
    /// </summary>
    [SkippableFact]
    public void The_full_systems_window_cuts_stand_beside_the_DRIP_at_its_volatility()
    {
        var s = Get();
        var drip = s.Run("drip");
        var full = s.Run("drip-condor-alvh");
        var fair = s.Run(StudyEngine.SameVolatility);
        var named = drip.Windows.Where(w => !w.Id.StartsWith("vix-", StringComparison.Ordinal)).Select(w => w.Id).ToList();
        var episodes = drip.Windows.Where(w => w.Id.StartsWith("vix-", StringComparison.Ordinal)).Select(w => w.Id).ToList();
        double Dd(StudyRun r, string id) => r.Windows.Single(w => w.Id == id).MaxDrawdown;
        double Cut(StudyRun r, string id) => (Dd(r, id) - Dd(drip, id)) / -Dd(drip, id);
        int Inside(StudyRun r) => named.Count(id => Cut(r, id) is >= 0.12 and <= 0.18);
        int Shallower(List<string> ids) => ids.Count(id => Dd(full, id) > Dd(fair, id));
        double fairCut = named.Average(id => Cut(fair, id)), fullCut = named.Average(id => Cut(full, id));
        fairCut.Should().BeApproximately(0.1355, 0.0005, "the audit's figure");
        fullCut.Should().BeApproximately(0.1197, 0.0005, "the audit's figure");
        s.Verdict.Should().Contain($"In the named windows, holding less equity alone removed {Verdict.P(fairCut)} of the unhedged DRIP's drawdown on average")
            .And.Contain($"{Inside(fair)} of {named.Count} windows inside the claimed 12–18%), the full system {Verdict.P(fullCut)} (")
            .And.Contain($"{Inside(full)} of {named.Count} windows inside the claimed 12–18%): its drawdown was shallower than that baseline's in {Shallower(named)} of {named.Count} named windows and {Shallower(episodes)} of {episodes.Count} high-VIX episodes.");
    }

    /// <summary>
    /// A rule scenario's window cut stands beside what holding less equity removed at its own volatility: held to the
    /// roll, the full system's volatility falls to 15.2% and its 23.6% mean cut is set against the DRIP de-levered to
    /// 15.2%, which removed 20.3% (a review, in Python from baselines.csv and drip/daily.csv: SPY's and the bills' daily
    /// returns backed out of the two same-volatility baselines, mixed at the weight, 78.6%, that gives 15.206% a year,
    /// each named window's drawdown from the close before it: 20.30%). The preset's volatility gives the preset's
    /// baseline: weeklies-as-if, the preset's run again, reads the same-volatility DRIP's own mean cut.
    /// </summary>
    [SkippableFact]
    public void A_rule_scenarios_window_cut_is_said_beside_the_DRIP_at_its_volatility()
    {
        var s = Get();
        var held = s.Sensitivity.Single(r => r.Scenario == SensitivityScenario.HeldToRoll);
        held.SameVolatilityAverageReductionPercent.Should().BeApproximately(0.2030, 0.0005, "the review's figure");
        s.Sensitivity.Single(r => r.IdenticalToPreset).SameVolatilityAverageReductionPercent
            .Should().BeApproximately(StudyEngine.AverageWindowCut(s, StudyEngine.SameVolatility), 1e-12);
        s.Verdict.Should().Contain($"and removed {Verdict.P(held.AverageReductionPercent)} of the DRIP's window drawdown on average (holding less equity alone removed {Verdict.P(held.SameVolatilityAverageReductionPercent)} at that volatility): ");
        using var doc = JsonDocument.Parse(StudyJson.Write(s));
        doc.RootElement.GetProperty("sensitivity").EnumerateArray().Single(r => r.GetProperty("scenario").GetString() == SensitivityScenario.HeldToRoll)
            .GetProperty("sameVolatilityAverageReductionPercent").GetDouble().Should().Be(held.SameVolatilityAverageReductionPercent);
    }

    /// <summary>
    /// The hedge's presence on high-VIX days: two audits counted from drip-alvh's ledger.csv and the VIX file, each on its
    /// own, that no VIX call was held at the close on 188 of the 447 days the VIX closed above 30 over 2006-02-24 to
    /// 2026-02-11 (185 since a spike sells a layer only when its sale after half-spreads and fees is a gain, counted again
    /// from the new ledger.csv by a helper, h91: 8 days above 25 now hold a call that did not, 4 lost one; my own count over
    /// every VIX close moved alike, 189 to 186 of 448, which also holds 2022-06-20, a VIX close on an exchange holiday),
    /// and on none of 2008-10-08 to 2009-03-24's; counted again at the close (a review, from ledger.csv's fills
    /// and settlements: the last call, sold at 2008-10-07's open on 2008-10-06's decision, was gone by that close), the
    /// run starts on 2008-10-07 and is 116 days long. The study's own level, 25, is the one the verdict quotes.
    /// </summary>
    [SkippableFact]
    public void The_hedges_high_VIX_days_without_a_call_match_the_audits_count()
    {
        var s = Get();
        var alvh = s.Run("drip-alvh");
        var at30 = Alvh.Runs.SleeveStatistics.Hedge(alvh.Backtest!, [], highVix: 30)!;
        (at30.HighVixDays, at30.HighVixDaysWithoutCall).Should().Be((447, 185));
        at30.LongestUncovered.Should().Be((new DateOnly(2008, 10, 7), new DateOnly(2009, 3, 24), 116));
        var cover = alvh.Sleeves!.Hedge!;
        cover.HighVixLevel.Should().Be(s.HighVixThreshold);
        s.Verdict.Should().Contain($"It held no VIX call at the close on {cover.HighVixDaysWithoutCall} of the {cover.HighVixDays} days the VIX closed above 25, {cover.LongestUncovered.Days} in a row from {cover.LongestUncovered.First:yyyy-MM-dd} to {cover.LongestUncovered.Last:yyyy-MM-dd}.");
    }

    /// <summary>
    /// The calm-year cost is the mean of the yearly return differences (DRIP − hedged) over whole years averaging a VIX
    /// below 20; 2015 and 2018 are such years and hold named crisis windows, where the hedge pays, so the cost is given
    /// without them too, recomputed here from the runs' own yearly returns.
    /// </summary>
    [SkippableFact]
    public void The_calm_year_cost_is_also_given_without_the_years_holding_a_crisis_window()
    {
        var s = Get();
        var cost = s.CalmCosts.Single(c => c.Hedged == "drip-alvh");
        cost.Years.Should().Contain([2015, 2018], "both averaged a VIX below 20");
        cost.QuietYears.Should().Equal(cost.Years.Where(y => y != 2015 && y != 2018), "2015 and 2018 hold the study's named windows; no other calm year does");
        double Mean(IEnumerable<int> years) => years.Average(y => s.Run("drip").Years.Single(x => x.Year == y).Return - s.Run("drip-alvh").Years.Single(x => x.Year == y).Return);
        cost.CostPerYear.Should().BeApproximately(Mean(cost.Years), 1e-15);
        cost.QuietCostPerYear.Should().BeApproximately(Mean(cost.QuietYears), 1e-15);
        string clause = $"; {Verdict.P(cost.QuietCostPerYear)}/yr in the {cost.QuietYears.Count} without a named crisis window (2015 and 2018 hold one)";
        cost.WithoutCrisisYears(Verdict.P).Should().Be(clause);
        s.Verdict.Should().Contain($"calm years (whole calendar years averaging a VIX below 20){clause}. ");
    }

    /// <summary>
    /// The calm-year cost's make-up: the layers' own option P&amp;L in each calm year, recomputed here from the daily
    /// sleeve values and the ledger (the layers' value at the year's last close less at the previous year's, less the cash
    /// moved in and the interest earned, over the equity at that previous close). An audit computed +0.11% a year on the 13
    /// calm years of 2006-2026 and -0.06% on the 11 without a crisis window, over the average equity instead: the same
    /// signs and about the same size as the study's +0.10% and -0.09%.
    /// </summary>
    [SkippableFact]
    public void The_calm_year_cost_says_what_the_hedges_options_made_in_those_years()
    {
        var s = Get();
        var cost = s.CalmCosts.Single(c => c.Hedged == "drip-alvh");
        var b = s.Run("drip-alvh").Backtest!;
        var layers = b.Sleeves.Select((n, i) => (n, i)).Where(x => x.n.StartsWith("alvh-", StringComparison.Ordinal)).ToList();
        var dates = b.Daily.Select(d => d.Date).ToList();
        double Year(int y)
        {
            int a = dates.FindLastIndex(d => d.Year < y), z = dates.FindLastIndex(d => d.Year <= y);
            double value(int k) => layers.Sum(l => b.Daily[k].SleeveValues[l.i]);
            double moved = b.Ledger.Entries.Where(e => e.Sleeve.StartsWith("alvh-", StringComparison.Ordinal) && e.Kind is Alvh.Ledger.EntryKind.Transfer or Alvh.Ledger.EntryKind.Interest
                && e.Date > dates[a] && e.Date <= dates[z]).Sum(e => e.Cash);
            return (value(z) - value(a) - moved) / b.Daily[a].Equity;
        }
        cost.OptionPnlPerYear.Should().BeApproximately(cost.Years.Average(Year), 1e-12);
        cost.QuietOptionPnlPerYear.Should().BeApproximately(cost.QuietYears.Average(Year), 1e-12);
        cost.OptionPnlPerYear.Should().BeInRange(0.0005, 0.0015, "the audit's +0.11% on another denominator");
        cost.QuietOptionPnlPerYear.Should().BeInRange(-0.0012, -0.0004, "the audit's -0.06% on another denominator");
        s.Verdict.Should().Contain("Its options' own P&L in those years was +0.1% of equity a year, -0.1% in the 11 without a crisis window");
        s.CalmCosts.Single(c => c.Hedged == "drip-condor").OptionPnlPerYear.Should().Be(double.NaN, "no layers");
    }

    [SkippableFact]
    public void The_verdict_quotes_the_numbers_of_study_json()
    {
        var s = Get();
        using var doc = JsonDocument.Parse(StudyJson.Write(s));
        var root = doc.RootElement;
        var verdict = root.GetProperty("verdict").GetString()!;
        verdict.Should().Be(s.Verdict);
        var runs = root.GetProperty("runs").EnumerateArray().ToDictionary(r => r.GetProperty("preset").GetString()!);
        string P(double v) => Verdict.P(v);
        verdict.Should().Contain($"compounded at {P(runs["drip"].GetProperty("metrics").GetProperty("cagr").GetDouble())}/yr");
        verdict.Should().Contain($"worst drawdown of {P(runs["drip"].GetProperty("metrics").GetProperty("maxDrawdown").GetDouble())}");
        foreach (var w in root.GetProperty("claim").GetProperty("windows").EnumerateArray()
                     .Where(w => w.GetProperty("hedged").GetString() == "drip-alvh" && !w.GetProperty("id").GetString()!.StartsWith("vix-", StringComparison.Ordinal)))
        {
            verdict.Should().Contain($"{w.GetProperty("id").GetString()} {P(w.GetProperty("baselineMaxDrawdown").GetDouble())} to {P(w.GetProperty("hedgedMaxDrawdown").GetDouble())}");
        }
        var fullCagr = runs["drip-condor-alvh"].GetProperty("metrics").GetProperty("cagr").GetDouble();
        verdict.Should().Contain($"The full system (condors + ALVH) compounded at {P(fullCagr)}");
        root.GetProperty("claim").GetProperty("windows").GetArrayLength().Should().Be(s.Claims.Count);
    }

    /// <summary>
    /// Each of the verdict's three CAGR comparisons (study.json `comparisons`) has for its estimate the two runs' CAGRs
    /// (their metrics, <see cref="Alvh.Analytics.Returns.Cagr"/>) minus each other, to the bit (tolerance 0: the
    /// exp(Σ ln r / years) − 1 form missed drip-condor-alvh − drip-same-vol, 0.0017058980696065262, by an ulp), an interval
    /// that holds it, and the verdict quotes the numbers study.json writes. An independent numpy reimplementation (its own
    /// random stream, 10 seeds × 2,000 resamples; a review of the feature) gave ends within 0.05 points of the study's on
    /// 2006–2026, so the bounds here are only that the interval is about the estimate: 0.1 to 5 points a year wide.
    /// </summary>
    [SkippableFact]
    public void Each_comparison_is_the_runs_cagr_difference_with_an_interval_the_verdict_quotes()
    {
        var s = Get();
        s.Comparisons.Select(c => (c.Strategy, c.Baseline)).Should().Equal(
            ("drip-condor-alvh", StudyEngine.SameVolatility), ("drip-alvh", StudyEngine.SameVolatilityAsHedge), ("drip-alvh", "drip"));
        using var doc = JsonDocument.Parse(StudyJson.Write(s));
        var written = doc.RootElement.GetProperty("comparisons").EnumerateArray().ToList();
        written.Should().HaveCount(3);
        for (int i = 0; i < 3; i++)
        {
            var c = s.Comparisons[i];
            var d = c.Difference;
            d.Estimate.Should().Be(s.Run(c.Strategy).Metrics.Cagr - s.Run(c.Baseline).Metrics.Cagr, $"{c.Strategy} against {c.Baseline}");
            d.Lower.Should().BeLessThan(d.Estimate);
            d.Upper.Should().BeGreaterThan(d.Estimate);
            (d.Upper - d.Lower).Should().BeInRange(0.001, 0.05);
            written[i].GetProperty("cagrDifference").GetDouble().Should().Be(d.Estimate);
            string S(double x) => (x * 100).ToString("+0.00;-0.00;0.00", System.Globalization.CultureInfo.InvariantCulture);
            string E(double x) => (x * 100).ToString("+0.0;-0.0;0.0", System.Globalization.CultureInfo.InvariantCulture);
            s.Verdict.Should().Contain($"between {c.Strategy} and {c.Baseline}, {S(d.Estimate)} points a year, has a 95% interval of {E(d.Lower)} to {E(d.Upper)} points");
        }
    }

    /// <summary>
    /// A named window the period cuts is named with the days the study holds, as a high-VIX episode is: a study from
    /// 2008-10-15 showed "2008 financial crisis" (2008-09-01 to 2009-06-30) with a DRIP drawdown of -31.6% against the
    /// window's -46.3% in the study from 2006 (study.json), without a word. A window the period holds whole keeps its name.
    /// </summary>
    [SkippableFact]
    public void A_named_window_the_period_cuts_says_which_days_it_holds()
    {
        var data = MarketDataLoader.Load(SharedData.Require());
        var inputs = StudySetup.Prepare(data, asIf: false, new DateOnly(2008, 10, 15), new DateOnly(2011, 8, 31), sensitivity: false).Inputs;
        var windows = StudyEngine.Run(inputs).Run("drip").Windows;
        windows.Single(w => w.Id == "2008").Name.Should().Be("2008 financial crisis, in this study 2008-10-15 to 2009-06-30");
        windows.Single(w => w.Id == "2011").Name.Should().Be("2011 US debt-ceiling crisis and downgrade, in this study 2011-07-01 to 2011-08-31");
        Get().Run("drip").Windows.Single(w => w.Id == "2008").Name.Should().Be("2008 financial crisis");
    }

    /// <summary>
    /// The calm-year option P&amp;L counts every calm year, the period's first too, from its first close as the yearly
    /// returns do. Over 2014-01-02 to 2015-12-31 both years are calm and 2014 is the one without a crisis window; a review
    /// computed drip-alvh's layers' value change less transfers and interest over the equity at the year's base close
    /// from that run's daily.csv and ledger.csv in Python: 2014 +1.8166%, 2015 -0.3380%. The study gave -0.338% (2015
    /// alone) for "the 2 calm years" and nothing for 2014.
    /// </summary>
    [SkippableFact]
    public void The_calm_year_option_pnl_counts_the_periods_first_year()
    {
        var data = MarketDataLoader.Load(SharedData.Require());
        var inputs = StudySetup.Prepare(data, asIf: false, new DateOnly(2014, 1, 2), new DateOnly(2015, 12, 31), sensitivity: false).Inputs;
        var cost = StudyEngine.Run(inputs).CalmCosts.Single(c => c.Hedged == "drip-alvh");
        (cost.Years, cost.QuietYears).Should().BeEquivalentTo((new[] { 2014, 2015 }, new[] { 2014 }));
        cost.OptionPnlPerYear.Should().BeApproximately((0.018166 - 0.003380) / 2, 0.00001, "the review's two years");
        cost.QuietOptionPnlPerYear.Should().BeApproximately(0.018166, 0.00001, "the review's 2014");
    }

    /// <summary>
    /// A calm year is a whole calendar year: the period holds its first and last trading days. A study to 2015-12-01
    /// counted 2015 (VIX average 16.7) among "whole calendar years" from January 2 to December 1, and one from 2013-01-25
    /// counted 2013 from its 25th day: each year's return, and the cost, then covered only part of it. Expected years by
    /// hand from the definition and the NYSE calendar (2013-01-02 and 2015-12-31 are those years' first and last days).
    /// </summary>
    [SkippableFact]
    public void A_calm_year_is_one_the_period_holds_whole()
    {
        var data = MarketDataLoader.Load(SharedData.Require());
        foreach (var (from, to, expected) in new[]
        {
            (new DateOnly(2014, 1, 2), new DateOnly(2015, 12, 1), new[] { 2014 }),
            (new DateOnly(2013, 1, 25), new DateOnly(2014, 12, 31), new[] { 2014 }),
            (new DateOnly(2013, 1, 2), new DateOnly(2014, 12, 31), new[] { 2013, 2014 }),
        })
        {
            var inputs = StudySetup.Prepare(data, asIf: false, from, to, sensitivity: false).Inputs;
            var cost = StudyEngine.Run(inputs).CalmCosts.Single(c => c.Hedged == "drip-alvh");
            cost.Years.Should().Equal(expected, $"{from:yyyy-MM-dd} to {to:yyyy-MM-dd}: a year the period cuts is not whole");
        }
    }

    /// <summary>
    /// `study --seed`: another bootstrap seed moves only the intervals. The runs and the estimates are the same to the bit
    /// (the runs draw nothing), the seed is written with each comparison and named in the verdict's sentence.
    /// </summary>
    [SkippableFact]
    public void Another_bootstrap_seed_moves_only_the_intervals_and_is_named()
    {
        var data = MarketDataLoader.Load(SharedData.Require());
        var inputs = StudySetup.Prepare(data, asIf: false, new DateOnly(2019, 1, 2), new DateOnly(2021, 12, 31), sensitivity: false).Inputs;
        var one = StudyEngine.Run(inputs);
        var seven = StudyEngine.Run(inputs with { BootstrapSeed = 7 });
        seven.Comparisons.Should().HaveCount(3);
        for (int i = 0; i < 3; i++)
        {
            var (a, b) = (one.Comparisons[i].Difference, seven.Comparisons[i].Difference);
            (a.Seed, b.Seed).Should().Be((1UL, 7UL));
            b.Estimate.Should().Be(a.Estimate);
            b.MeanBlock.Should().Be(a.MeanBlock);
            (b.Lower, b.Upper).Should().NotBe((a.Lower, a.Upper), "another stream of 2,000 resamples");
        }
        one.Runs.Select(r => r.Metrics.Cagr).Should().Equal(seven.Runs.Select(r => r.Metrics.Cagr));
        one.Verdict.Should().Contain("2,000 resamples, seed 1)");
        seven.Verdict.Should().Contain("2,000 resamples, seed 7)").And.NotContain("seed 1)");
        using var doc = JsonDocument.Parse(StudyJson.Write(seven));
        doc.RootElement.GetProperty("comparisons").EnumerateArray().Select(c => c.GetProperty("seed").GetUInt64()).Should().OnlyContain(x => x == 7);
    }

    /// <summary>
    /// The sensitivity moves the condor's entry day too: the four other weekdays, each the full system with only that
    /// rule changed (its CAGR is a backtest of that strategy, to the bit), marked kind "rule" in study.json, and the
    /// verdict quotes them apart from the model scenarios.
    /// </summary>
    [SkippableFact]
    public void The_condor_entry_day_is_a_rule_scenario_quoted_by_the_verdict()
    {
        var s = Get();
        var rules = s.Sensitivity.Where(r => r.Kind == "rule").ToList();
        rules.Select(r => r.Scenario).Should().Equal("condor-monday", "condor-tuesday", "condor-wednesday", "condor-friday", "hedge-rebuild-below-30", "hedge-held-to-roll");
        s.Sensitivity.Count(r => r.Kind == "model").Should().Be(9);
        // SPX weeklies as-if listed change nothing from 2006 on: the row says so, and study.json too (the verdict's count leaves it out).
        s.Sensitivity.Single(r => r.IdenticalToPreset).Scenario.Should().Be("weeklies-as-if");

        var data = MarketDataLoader.Load(SharedData.Require());
        var (market, inputs) = StudySetup.Prepare(data, asIf: false);
        var monday = Alvh.Strategies.Presets.DripCondorAlvh with
        {
            Condor = Alvh.Strategies.Presets.DripCondorAlvh.Condor! with { Rules = Alvh.Strategies.Presets.DripCondorAlvh.Condor.Rules with { EntryWeekday = DayOfWeek.Monday } },
        };
        var run = market.Run(monday, inputs.From, inputs.To);
        var equity = run.EquityCurve();
        rules[0].Cagr.Should().Be(Alvh.Analytics.Returns.Cagr(equity, run.Dates()));
        var calm = Alvh.Strategies.Presets.DripCondorAlvh with
        {
            Alvh = Alvh.Strategies.Presets.DripCondorAlvh.Alvh! with { Rules = Alvh.Strategies.Presets.DripCondorAlvh.Alvh.Rules with { RebuildBelowVix = 30 } },
        };
        var rebuilt = market.Run(calm, inputs.From, inputs.To);
        rules[^2].Cagr.Should().Be(Alvh.Analytics.Returns.Cagr(rebuilt.EquityCurve(), rebuilt.Dates()));
        // Held to the roll: a user's file with monetiseVix 200 (the VIX never closed above 89.53) and monetiseMultiple 100
        // (no layer rose to 100 times its cost) is the same run, to the bit.
        var held = Alvh.Strategies.Presets.DripCondorAlvh with
        {
            Alvh = Alvh.Strategies.Presets.DripCondorAlvh.Alvh! with { Rules = Alvh.Strategies.Presets.DripCondorAlvh.Alvh.Rules with { MonetiseVix = 200, MonetiseMultiple = 100 } },
        };
        var kept = market.Run(held, inputs.From, inputs.To);
        rules[^1].Cagr.Should().Be(Alvh.Analytics.Returns.Cagr(kept.EquityCurve(), kept.Dates()));
        kept.Trades.Should().NotContain(t => t.Reason.StartsWith("monetise", StringComparison.Ordinal));
        s.Verdict.Should().Contain($"Held to their roll instead of sold in a VIX spike, the hedge's layers gave the full system {Verdict.P(rules[^1].Cagr)} a year with a worst drawdown of {Verdict.P(rules[^1].MaxDrawdown)}")
            .And.Contain("That variant was found by looking at this same history, so it is a lead to test, not evidence.");
        // The S&P 500's open read from the index's first print (model.spxOpen before 2026-11-28) is a model scenario: the
        // full system on a market built with it, to the bit.
        var print = Alvh.Runs.MarketContext.Build(data, market.Settings with { SpxOpen = Alvh.MarketData.SpxOpenSource.Index })
            .Run(Alvh.Strategies.Presets.DripCondorAlvh, inputs.From, inputs.To);
        s.Sensitivity.Single(r => r.Scenario == "open-first-print").Cagr.Should().Be(Alvh.Analytics.Returns.Cagr(print.EquityCurve(), print.Dates()));

        using var doc = JsonDocument.Parse(StudyJson.Write(s));
        doc.RootElement.GetProperty("sensitivity").EnumerateArray().Select(r => r.GetProperty("kind").GetString()).Should().Contain("rule").And.Contain("model");
        doc.RootElement.GetProperty("sensitivity").EnumerateArray().Where(r => r.GetProperty("identicalToPreset").GetBoolean())
            .Select(r => r.GetProperty("scenario").GetString()).Should().Equal("weeklies-as-if");
        s.Verdict.Should().Contain("With the model's assumptions moved (9 scenarios)")
            .And.Contain("With one of its rules moved (condor-monday ");
        // With a rule whose CAGR rounds to the preset's at a tenth of a point, every figure of the sentence has hundredths.
        var full = s.Runs.Single(r => r.Name == "drip-condor-alvh").Metrics.Cagr;
        bool fine = rules.Any(r => r.Cagr != full && Verdict.P(r.Cagr) == Verdict.P(full));
        s.Verdict.Should().Contain($"(condor-monday {(fine ? Verdict.P2(rules[0].Cagr) : Verdict.P(rules[0].Cagr))}")
            .And.Contain($"against {(fine ? Verdict.P2(full) : Verdict.P(full))} as preset");
    }

    /// <summary>
    /// The hedge alone under the held-to-roll rule: drip-alvh with monetiseVix 200 and monetiseMultiple 100 (a user's file)
    /// is the same run to the bit; its window cuts, recomputed here from the run's window drawdowns against the DRIP's,
    /// are the row's mean, median and in-claim count (a helper measured 11.09% a year and -50.05% from such a file, and
    /// this session's own Python over its daily.csv a mean cut of 17.7% and a median of 13.9%, 2 of 7 windows inside the
    /// claim); the verdict quotes them, and study.json writes them as hedgeSensitivity.
    /// </summary>
    [SkippableFact]
    public void The_hedge_alone_held_to_its_roll_is_a_run_of_drip_alvh_the_verdict_quotes()
    {
        var s = Get();
        var row = s.HedgeSensitivity.Should().ContainSingle().Which;
        row.Scenario.Should().Be("hedge-held-to-roll");
        var data = MarketDataLoader.Load(SharedData.Require());
        var (market, inputs) = StudySetup.Prepare(data, asIf: false, sensitivity: false);
        var preset = Alvh.Strategies.Presets.DripAlvh;
        var held = market.Run(preset with { Alvh = preset.Alvh! with { Rules = preset.Alvh.Rules with { MonetiseVix = 200, MonetiseMultiple = 100 } } }, inputs.From, inputs.To);
        var equity = held.EquityCurve();
        row.Cagr.Should().Be(Alvh.Analytics.Returns.Cagr(equity, held.Dates()));
        row.Cagr.Should().BeApproximately(0.1109, 0.0001, "the helper's figure");
        row.MaxDrawdown.Should().BeApproximately(-0.5005, 0.0001, "the helper's figure");
        var drip = s.Run("drip");
        var named = drip.Windows.Where(w => !w.Id.StartsWith("vix-", StringComparison.Ordinal)).ToList();
        var days = held.Dates();
        // From the close before the window opens to its last day, as the study measures every window.
        var cuts = named.Select(w =>
        {
            var before = days.Last(d => d < w.Start);
            double window = Alvh.Analytics.Drawdowns.MaximumInWindow(equity, days, before, w.End).Depth;
            return (window - w.MaxDrawdown) / -w.MaxDrawdown;
        }).ToList();
        row.AverageReductionPercent.Should().BeApproximately(cuts.Average(), 1e-12).And.BeApproximately(0.177, 0.0005);
        row.MedianReductionPercent.Should().BeApproximately(cuts.Order().ElementAt(cuts.Count / 2), 1e-12).And.BeApproximately(0.139, 0.0005);
        row.WindowsWithinClaim.Should().Be(cuts.Count(c => c is >= 0.12 and <= 0.18)).And.Be(2);
        s.Verdict.Should().Contain($"The hedge alone held so (drip-alvh) compounded at {Verdict.PercentApart(row.Cagr, row.SameVolatilityCagr)}");
        using var doc = JsonDocument.Parse(StudyJson.Write(s));
        doc.RootElement.GetProperty("hedgeSensitivity")[0].GetProperty("cagr").GetDouble().Should().Be(row.Cagr);
    }

    /// <summary>
    /// The verdict is four paragraphs (a user: one of 1,100 words hid its last finding): the hedge against the claim, the
    /// full system against its fair baseline, the scenarios, and the held-to-roll lead; each opens without a space.
    /// </summary>
    [SkippableFact]
    public void The_verdict_is_four_paragraphs_in_the_order_a_reader_needs_them()
    {
        var paragraphs = Get().Verdict.Split(Verdict.ParagraphBreak);
        paragraphs.Select(p => p[..Math.Min(p.Length, 24)]).Should().Equal("From 2006-02-24 to 2026-", "The full system (condors", "With the model's assumpt", "Held to their roll inste");
        paragraphs.Should().OnlyContain(p => p.Length > 0 && !p.StartsWith(' ') && p.EndsWith('.'));
    }

    /// <summary>
    /// The fair-baseline sentence follows both numbers: on 2019-06 to 2021-06 the full system earned more than the
    /// same-volatility DRIP but fell further, and the verdict said "holding less equity did as well or better"; on the
    /// whole period it trails and falls less. The expected case is read from the runs' own metrics.
    /// </summary>
    [SkippableFact]
    public void The_verdict_against_the_same_volatility_drip_says_which_of_return_and_drawdown_it_won()
    {
        var data = MarketDataLoader.Load(SharedData.Require());
        foreach (var (from, to) in new (DateOnly?, DateOnly?)[] { (new DateOnly(2019, 6, 1), new DateOnly(2021, 6, 30)), (null, null) })
        {
            var s = from is null ? Get() : StudyEngine.Run(StudySetup.Prepare(data, asIf: false, from, to, sensitivity: false).Inputs);
            var full = s.Runs.Single(r => r.Name == "drip-condor-alvh").Metrics;
            var same = s.Runs.Single(r => r.Name == StudyEngine.SameVolatility).Metrics;
            bool chance = s.Comparison("drip-condor-alvh", StudyEngine.SameVolatility) is { Difference.HoldsZero: true };
            string expected = (full.Cagr >= same.Cagr, full.MaxDrawdown > same.MaxDrawdown) switch
            {
                (true, true) => chance ? "did better than simply holding less equity on both counts, but its return lead is one chance alone could give" : "earns its keep",
                (false, false) => "did better on both counts",
                (false, true) => $"the full system (condors and hedge) traded {Verdict.Pts(same.Cagr - full.Cagr)} a year of return for a drawdown",
                (true, false) => $"the full system earned {Verdict.Pts(full.Cagr - same.Cagr)} a year more than simply holding less equity but fell",
            };
            s.Verdict.Should().Contain(expected).And.NotContain("did as well or better");
            // 2019-06 to 2021-06 holds no whole calm calendar year: it said "It cost n/a/yr of return in the 0 calm years".
            if (s.CalmCosts.Single(c => c.Hedged == "drip-alvh").Years.Count == 0)
            {
                s.Verdict.Should().Contain("No whole calendar year of the period averaged a VIX below 20, so its cost in calm years is not measured.").And.NotContain("n/a/yr");
            }
            else
            {
                s.Verdict.Should().Contain("calm years (whole calendar years averaging a VIX below 20)");
            }
        }
    }

    [SkippableFact]
    public void Dates_are_held_to_the_listing_and_the_trading_days_and_the_notes_say_so()
    {
        var data = MarketDataLoader.Load(SharedData.Require());
        // 2019-06-01 is a Saturday and 2021-07-04 a Sunday (the notes named them and claimed the data ended there).
        var (_, weekend) = StudySetup.Prepare(data, asIf: false, new DateOnly(2019, 6, 1), new DateOnly(2021, 7, 4), sensitivity: false);
        (weekend.From, weekend.To).Should().Be((new DateOnly(2019, 6, 3), new DateOnly(2021, 7, 2)));
        weekend.Notes.Should().Contain("The comparison starts 2019-06-03, the first trading day from --from.")
            .And.Contain(n => n.StartsWith("It ends 2021-07-02, the last trading day to --to (the data run to ", StringComparison.Ordinal))
            .And.Contain("No breadth series in the data (a CSV with advances and declines columns): the ALVH's breadth-divergence tranche trigger never fires.", "the shared data has none");
        // Before VIX options were listed the hedge could not trade: held to 2006-02-24 without --as-if, refused when nothing is left.
        var (_, early) = StudySetup.Prepare(data, asIf: false, new DateOnly(2000, 1, 1), new DateOnly(2007, 1, 1), sensitivity: false);
        early.From.Should().Be(new DateOnly(2006, 2, 24));
        early.Notes[0].Should().StartWith("The comparison starts 2006-02-24, not 2000-01-01 as asked: VIX options were first listed on 2006-02-24");
        var none = () => StudySetup.Prepare(data, asIf: false, new DateOnly(2000, 1, 1), new DateOnly(2001, 1, 1), sensitivity: false);
        none.Should().Throw<ArgumentException>().WithMessage("no trading days to 2001-01-01: the study starts on 2006-02-24*--as-if*");
        StudySetup.Prepare(data, asIf: true, new DateOnly(2000, 1, 1), new DateOnly(2001, 1, 1), sensitivity: false).Inputs.From.Should().Be(new DateOnly(2000, 1, 3));
        var future = () => StudySetup.Prepare(data, asIf: false, new DateOnly(2030, 1, 1), null, sensitivity: false);
        future.Should().Throw<ArgumentException>().WithMessage("no trading days from 2030-01-01: the data with both an S&P 500 and a VIX close end on 2026-02-11", "said as a backtest says it (the pair of dates read as reversed)");
        var past = () => StudySetup.Prepare(data, asIf: true, null, new DateOnly(1980, 1, 1), sensitivity: false);
        past.Should().Throw<ArgumentException>().WithMessage("no trading days to 1980-01-01: the data with both an S&P 500 and a VIX close start on 1990-01-02");
        var oneDay = () => StudySetup.Prepare(data, asIf: false, new DateOnly(2020, 3, 2), new DateOnly(2020, 3, 2), sensitivity: false);
        oneDay.Should().Throw<ArgumentException>().WithMessage("the study needs at least three trading days (two daily returns, for a volatility); 2020-03-02 to 2020-03-02 holds 1");
        // Two days ended in the same-volatility baseline with "must be non-negative / Actual value was NaN".
        var twoDays = () => StudySetup.Prepare(data, asIf: false, new DateOnly(2020, 3, 16), new DateOnly(2020, 3, 17), sensitivity: false);
        twoDays.Should().Throw<ArgumentException>().WithMessage("*at least three trading days*2020-03-16 to 2020-03-17 holds 2");
        var threeDays = StudyEngine.Run(StudySetup.Prepare(data, asIf: false, new DateOnly(2020, 3, 16), new DateOnly(2020, 3, 18), sensitivity: false).Inputs);
        threeDays.Runs.Should().OnlyContain(r => double.IsFinite(r.Metrics.Volatility));
    }

    [SkippableFact]
    public void An_episode_under_way_at_the_start_keeps_its_own_dates_and_peak()
    {
        // `alvh regimes` finds 1998-07-28 to 2000-07-27, peak 45.74 (1998-10-08); a study from 2000 found it again inside
        // its window as "episode 2000-01-04 (peak 33.5)".
        var data = MarketDataLoader.Load(SharedData.Require());
        var s = StudyEngine.Run(StudySetup.Prepare(data, asIf: true, new DateOnly(2000, 1, 1), new DateOnly(2001, 6, 30), sensitivity: false).Inputs);
        var w = s.Runs[0].Windows.Single(x => x.Id.StartsWith("vix-", StringComparison.Ordinal) && x.Start == s.From);
        w.Id.Should().Be("vix-1998-07-28");
        w.Name.Should().Be("High-VIX episode 1998-07-28 to 2000-07-27 (peak 45.7), in this study 2000-01-03 to 2000-07-27");
        w.End.Should().Be(new DateOnly(2000, 7, 27));
    }

    [SkippableFact]
    public void An_as_if_study_runs_over_days_the_VIX_did_not_print()
    {
        // 1991-03-01 has no VIX close: a condor fill that day widened its spread by a NaN VIX and `study --as-if` ended
        // with "vix ('NaN') must be a non-negative value". The spread now uses the last VIX close before it.
        var data = MarketDataLoader.Load(SharedData.Require());
        var s = StudyEngine.Run(StudySetup.Prepare(data, asIf: true, new DateOnly(1991, 1, 2), new DateOnly(1991, 6, 28), sensitivity: false).Inputs);
        var condor = s.Runs.Single(r => r.Name == "drip-condor-alvh").Backtest!;
        condor.Trades.Should().Contain(t => t.Date >= new DateOnly(1991, 3, 1) && t.Sleeve == "condor");
        s.Runs.Should().OnlyContain(r => double.IsFinite(r.Metrics.Cagr));
    }

    [SkippableFact]
    public void An_as_if_study_marks_VIX_options_bought_on_a_day_the_VIX_did_not_print()
    {
        // 1999-12-31 has no VIX close: drip-alvh bought VIX 2000-01-19 C 30 at that day's open and had no mark for it at the
        // close ("no price for VIX 2000-01-19 C 30 on day 2605"), so `alvh study --as-if` could not run at all. The VIX
        // futures model now takes the last close on such a day.
        var data = MarketDataLoader.Load(SharedData.Require());
        var s = StudyEngine.Run(StudySetup.Prepare(data, asIf: true, new DateOnly(1999, 11, 1), new DateOnly(2000, 2, 1), sensitivity: false).Inputs);
        var alvh = s.Runs.Single(r => r.Name == "drip-alvh").Backtest!;
        alvh.Trades.Should().Contain(t => t.Date == new DateOnly(1999, 12, 31) && t.Instrument.StartsWith("VIX", StringComparison.Ordinal));
        alvh.Daily.Single(d => d.Date == new DateOnly(1999, 12, 31)).Equity.Should().BeGreaterThan(0);
        s.Runs.Should().OnlyContain(r => double.IsFinite(r.Metrics.Cagr));
    }

    [SkippableFact]
    public void An_open_mark_the_day_after_one_without_a_VIX_reads_the_last_close_not_the_days()
    {
        // 1999-12-31 has no VIX row: the open mark of 2000-01-03 took that day's close mark (the whole day's VIX, not known
        // at the open). It now starts from the last close (1999-12-30, 24.64 in vix-daily.csv) scaled by the open.
        var data = MarketDataLoader.Load(SharedData.Require());
        var market = Alvh.Runs.MarketContext.Build(data);
        var pricer = new Alvh.Engine.Options.OptionPricer(market.Options, new Alvh.Costs.OptionFillModel(Alvh.Costs.BidAskModel.Default, Alvh.Costs.FeeSchedule.Spx, Alvh.Costs.FeeSchedule.Vix, Alvh.Costs.FillConvention.Mid));
        int day = data.Calendar.IndexOf(new DateOnly(2000, 1, 3));
        data.Calendar[day - 1].Should().Be(new DateOnly(1999, 12, 31));
        double.IsNaN(data.Aligned("vix")[day - 1]).Should().BeTrue();
        var call = Alvh.Engine.Instrument.VixOption(Alvh.Pricing.OptionRight.Call, 25, new DateOnly(2000, 1, 19));
        double open = pricer.OpenMark(call, day), close = pricer.Mark(call, day);
        double.IsFinite(open).Should().BeTrue();
        open.Should().NotBe(close, "the open mark is not the day's close mark");
    }

    [SkippableFact]
    public void The_study_says_its_event_gates_see_FOMC_meetings_only()
    {
        // The gates read FOMC, CPI and PPI events; the shared data holds FOMC meetings only, which was said nowhere (a
        // condor opened on CPI day 2022-12-13 into a gap).
        var data = MarketDataLoader.Load(SharedData.Require());
        data.EventsOfKind("fomc").Should().NotBeEmpty();
        data.EventsOfKind("cpi").Should().BeEmpty();
        var (_, inputs) = StudySetup.Prepare(data, asIf: false, new DateOnly(2020, 1, 2), new DateOnly(2020, 6, 30), sensitivity: false);
        inputs.Notes.Should().Contain("No scheduled CPI or PPI events in the data (an events file of those kinds): the macro-event gates (the condor's entry buffer, the ALVH's event tranche) see FOMC only.");
    }

    [SkippableFact]
    public void Results_are_byte_identical_for_any_thread_count()
    {
        var data = MarketDataLoader.Load(SharedData.Require());
        var from = new DateOnly(2019, 1, 2);
        var to = new DateOnly(2021, 12, 31);
        var (_, one) = StudySetup.Prepare(data, asIf: false, from, to, sensitivity: false);
        var (_, many) = StudySetup.Prepare(data, asIf: false, from, to, sensitivity: false);
        var a = StudyJson.Write(StudyEngine.Run(one with { MaxDegreeOfParallelism = 1 }));
        var b = StudyJson.Write(StudyEngine.Run(many with { MaxDegreeOfParallelism = 4 }));
        a.Should().Be(b);
    }
}
