using Alvh.Research;

namespace Alvh.Core.Tests.Research;

/// <summary>
/// Synthetic cases from Bailey, Borwein, López de Prado &amp; Zhu (2017; SSRN 2015), "The Probability of Backtest
/// Overfitting", section 3: configurations that are all pure noise overfit half the time (PBO ≈ 0.5);
/// one configuration with a real edge is chosen in sample and stays on top out of sample (PBO ≈ 0).
/// </summary>
public class CscvTests
{
    private static double[] Noise(int periods, int configs, int seed, int betterColumn = -1, double edge = 0)
    {
        var random = new Random(seed);
        var m = new double[periods * configs];
        for (int t = 0; t < periods; t++)
        {
            for (int n = 0; n < configs; n++)
            {
                double z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                m[t * configs + n] = 0.01 * z + (n == betterColumn ? edge : 0);
            }
        }
        return m;
    }

    [Fact]
    public void Identical_noise_configurations_overfit_about_half_the_time()
    {
        // Averaged over seeds: one matrix's PBO is itself noisy.
        var pbos = Enumerable.Range(1, 8).Select(s => Cscv.Pbo(Noise(1000, 20, s), 20, 10).Probability).ToArray();
        pbos.Average().Should().BeApproximately(0.5, 0.12);
        Cscv.Pbo(Noise(1000, 20, 1), 20, 10).Splits.Should().Be(252);
    }

    [Fact]
    public void One_truly_better_configuration_gives_a_pbo_near_zero()
    {
        var result = Cscv.Pbo(Noise(2000, 20, 3, betterColumn: 7, edge: 0.004), 20, 16);
        result.Probability.Should().BeLessThan(0.02);
        result.Splits.Should().Be(12870);
        result.MedianLogit.Should().BeGreaterThan(2);
    }

    [Fact]
    public void Copies_of_one_configuration_are_one_trial()
    {
        // Six bit-identical copies of the column with an edge among ten: with the copies ranked as separate trials
        // (ties taking the lowest rank) the winner ranked 5 of 11 in every split and the PBO was 1.
        var m = Noise(2000, 10, 11, betterColumn: 0, edge: 0.004);
        for (int t = 0; t < 2000; t++)
        {
            for (int n = 1; n < 6; n++) m[t * 10 + n] = m[t * 10];
        }
        var result = Cscv.Pbo(m, 10, 16);
        result.Configurations.Should().Be(5);
        result.Probability.Should().BeLessThan(0.02);

        // Three copies of one column: nothing to choose between.
        var same = Cscv.Pbo(Enumerable.Range(0, 3 * 300).Select(i => m[(i / 3) * 10]).ToArray(), 3, 4);
        same.Configurations.Should().Be(1);
        same.Probability.Should().Be(double.NaN);
        same.Splits.Should().Be(0);
    }

    /// <summary>
    /// Copies that differ only in the last bits of their returns are one trial too: a cash sleeve swept over its capital
    /// (1, 2 and 3 million) earns the same T-bill rate on each amount, its daily returns equal but for rounding, and the
    /// three tied at ω = ½ (λ = 0, counted as overfit) in every split: a PBO of 1 for a grid with nothing to choose.
    /// </summary>
    [Fact]
    public void Copies_equal_within_rounding_noise_are_one_trial()
    {
        const int periods = 400;
        var m = new double[periods * 4];
        var random = new Random(17);
        for (int t = 0; t < periods; t++)
        {
            double rate = 0.0001 + 0.00001 * random.NextDouble();
            // Each amount's return as its own cash grows: equal to the first but for a few ulps.
            m[t * 4] = rate;
            m[t * 4 + 1] = Math.BitIncrement(rate);
            m[t * 4 + 2] = Math.BitDecrement(rate);
            m[t * 4 + 3] = 0.0003 * (random.NextDouble() - 0.5); // a real alternative
        }
        var result = Cscv.Pbo(m, 4, 4);
        result.Configurations.Should().Be(2, "the three cash columns differ by ulps (about 1e-20), far below the 1e-12 noise level");

        // The same infinity on a day is the same return (|∞ − ∞| is NaN, which the tolerance alone read as different).
        var withInfinity = (double[])m.Clone();
        withInfinity[5 * 4] = withInfinity[5 * 4 + 1] = withInfinity[5 * 4 + 2] = double.PositiveInfinity;
        Cscv.Pbo(withInfinity, 4, 4).Configurations.Should().Be(2);

        var cashOnly = Cscv.Pbo(Enumerable.Range(0, periods * 3).Select(i => m[(i / 3) * 4 + i % 3]).ToArray(), 3, 4);
        cashOnly.Configurations.Should().Be(1);
        cashOnly.Probability.Should().Be(double.NaN, "one strategy, nothing to choose between: no PBO, where the bitwise merge said 1");
    }

    [Fact]
    public void Out_of_sample_ties_share_their_average_rank()
    {
        // S = 2, three rows a block (row-major, columns A, B, C). Block 0: A Sharpe 2, B 0, C -2; block 1: A and B the
        // same values (Sharpe 1), C -1. Split 1 (in sample block 0): A wins, ties B out of sample: rank 1 + 1 + 1/2 = 2.5,
        // omega 2.5/4, logit > 0 (the lowest rank of the tie, 2, gave omega 1/2 and logit 0: overfit). Split 2: A and B
        // tie in sample, the first column (A) is taken, and it ranks 3 out of sample. So the PBO is 0, not 1/2.
        double[] m =
        [
            0.03, 0.01, -0.01,
            0.01, -0.01, -0.03,
            0.02, 0.00, -0.02,
            0.02, 0.02, -0.02,
            0.00, 0.00, 0.00,
            0.01, 0.01, -0.01,
        ];
        var result = Cscv.Pbo(m, 3, 2);
        result.Splits.Should().Be(2);
        result.Logits.Should().BeEquivalentTo([Math.Log(0.625 / 0.375), Math.Log(0.75 / 0.25)], o => o.WithStrictOrdering().Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-12)).WhenTypeIs<double>());
        result.Probability.Should().Be(0);
    }

    /// <summary>
    /// Worked by hand from the paper's definition (section 2: the in-sample best's out-of-sample rank r among N, ω = r/(N+1),
    /// λ = ln(ω/(1−ω)), PBO the share of the C(S, S/2) splits with λ ≤ 0). N = 2, S = 4, two rows a block, each block's rows
    /// m ± 0.01. Block means: A 0.01, 0.01, 0, 0; B 0, 0, 0.005, 0.005. Over two blocks i, j the Sharpe ratio is
    /// μ / sqrt(4(δ² + d²)/3) with μ = (m_i + m_j)/2, δ = (m_i − m_j)/2, d = 0.01: A 0.866 on {0,1}, 0 on {2,3}, 0.387 on a
    /// mixed pair; B 0 on {0,1}, 0.433 on {2,3}, 0.210 on a mixed pair. In sample {0,1}: A wins and loses on {2,3}
    /// (r = 1, ω = 1/3, λ = −ln 2); {2,3}: B wins and loses on {0,1} (λ = −ln 2); the four mixed splits: A wins and wins
    /// again (r = 2, ω = 2/3, λ = ln 2). PBO = 2/6; the median logit is ln 2.
    /// </summary>
    [Fact]
    public void A_hand_worked_example_of_four_blocks_gives_a_pbo_of_one_third()
    {
        double[] m =
        [
            0.02, 0.01,
            0.00, -0.01,
            0.02, 0.01,
            0.00, -0.01,
            0.01, 0.015,
            -0.01, -0.005,
            0.01, 0.015,
            -0.01, -0.005,
        ];
        var result = Cscv.Pbo(m, 2, 4);
        result.Splits.Should().Be(6);
        // Splits in the order of their in-sample block sets as bit masks: {0,1}, {0,2}, {1,2}, {0,3}, {1,3}, {2,3}.
        double ln2 = Math.Log(2);
        result.Logits.Should().BeEquivalentTo([-ln2, ln2, ln2, ln2, ln2, -ln2], o => o.WithStrictOrdering().Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-12)).WhenTypeIs<double>());
        result.Probability.Should().BeApproximately(1.0 / 3, 1e-15);
        result.MedianLogit.Should().BeApproximately(ln2, 1e-12);
    }

    /// <summary>
    /// Worked by hand, N = 3, S = 2, two rows a block. Block 0: A 0.03, 0.01 (Sharpe 0.02 / 0.01414 = 1.414), B 0.02, 0
    /// (0.707), C 0, −0.02 (−0.707); block 1 the same with A and B swapped. In sample block 0, A wins and ranks 2 of 3 on
    /// block 1 (ω = 2/4, λ = 0); in sample block 1, B wins and ranks 2 on block 0 (λ = 0). The paper counts λ ≤ 0 as
    /// overfit, so the PBO is 1 with both splits at the middle; a choice with no skill ranks uniformly on 1..3 and scores
    /// P(rank ≤ 2) = 2/3, where it scores 1/2 for an even N (⌊(N + 1)/2⌋ / N: 1/2, 2/3, 1/2, 3/5 for N = 2..5).
    /// </summary>
    [Fact]
    public void Three_configurations_put_the_middle_rank_among_the_overfit_and_no_skill_at_two_thirds()
    {
        double[] m =
        [
            0.03, 0.02, 0.00,
            0.01, 0.00, -0.02,
            0.02, 0.03, 0.00,
            0.00, 0.01, -0.02,
        ];
        var result = Cscv.Pbo(m, 3, 2);
        result.Logits.Should().Equal(0, 0);
        result.Probability.Should().Be(1);
        result.AtMiddle.Should().Be(1);
        result.BlockPeriods.Should().Be(2);
        result.NoSkillProbability.Should().BeApproximately(2.0 / 3, 1e-15);
        new[] { 2, 3, 4, 5 }.Select(n => (result with { Configurations = n }).NoSkillProbability)
            .Should().Equal([0.5, 2.0 / 3, 0.5, 0.6], (a, b) => Math.Abs(a - b) < 1e-15);

        // Pure noise (no skill) over 3 configurations, averaged over 40 seeds: about 2/3, not 1/2 (the spread of one
        // matrix's PBO is about 0.28, so the mean's is about 0.045; 0.1 leaves 1/2 well outside).
        var noise = Enumerable.Range(1, 40).Select(s => Cscv.Pbo(Noise(1000, 3, s), 3, 10).Probability).Average();
        noise.Should().BeApproximately(2.0 / 3, 0.1);
    }

    [Fact]
    public void Bad_shapes_are_rejected()
    {
        FluentActions.Invoking(() => Cscv.Pbo(new double[100], 2, 3)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => Cscv.Pbo(new double[10], 2, 4)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Walk_forward_picks_the_better_configuration_and_stitches_test_windows()
    {
        var dates = Engine.SyntheticMarket.Weekdays(new DateOnly(2000, 1, 3), 260 * 8);
        var random = new Random(5);
        var good = dates.Select(_ => 0.001 + 0.005 * (random.NextDouble() - 0.5)).ToArray();
        var bad = dates.Select(_ => -0.001 + 0.005 * (random.NextDouble() - 0.5)).ToArray();
        var result = WalkForward.Run(dates, [bad, good], new double[dates.Length], 3, 1);
        result.Folds.Should().HaveCountGreaterThanOrEqualTo(4);
        result.Folds.Should().OnlyContain(f => f.Chosen == 1);
        result.Dates.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        // The stitched curve starts at the close the first choice is made at, and each fold's return runs from the close
        // before its window: the folds' returns compound to the stitched curve's.
        result.Dates[0].Should().Be(result.Folds[0].TrainTo);
        result.Dates[1].Should().Be(result.Folds[0].TestFrom);
        result.Equity()[^1].Should().BeApproximately(result.Folds.Aggregate(1.0, (g, f) => g * (1 + f.TestReturn)), 1e-12);
        // Holding the configuration the walk-forward chose every time gives its own stitched returns, bit for bit.
        result.Over(dates, good).Should().Equal(result.Returns);
        WalkForwardResult.Compound(result.Over(dates, good)).Should().Equal(result.Equity());
        // The other one, held over the same days: its returns on exactly those days (the first is not applied).
        int first = Array.IndexOf(dates, result.Dates[0]);
        result.Over(dates, bad).Skip(1).Should().Equal(bad.Skip(first + 1).Take(result.Dates.Length - 1));
        FluentActions.Invoking(() => result.Over(dates[1..], bad[1..])).Should().NotThrow("the out-of-sample days are all still there");
        FluentActions.Invoking(() => result.Over(dates[..^1], bad[..^1])).Should().Throw<ArgumentException>().WithMessage("*out-of-sample day*");
    }

    [Fact]
    public void A_configuration_without_a_sharpe_ratio_is_never_chosen_over_one_with_it()
    {
        // Configuration 0 earns exactly the T-bill (no excess dispersion: no ratio); with NaN taken as the best so far,
        // every later comparison failed and it was held in every fold.
        var dates = Engine.SyntheticMarket.Weekdays(new DateOnly(2000, 1, 3), 260 * 6);
        var random = new Random(9);
        var bills = dates.Select(_ => 0.0001).ToArray();
        var edge = dates.Select(_ => 0.0015 + 0.004 * (random.NextDouble() - 0.5)).ToArray();
        var result = WalkForward.Run(dates, [bills, edge], bills, 3, 1);
        result.Folds.Should().NotBeEmpty().And.OnlyContain(f => f.Chosen == 1 && f.TrainSharpe > 0);
        var cash = WalkForward.Run(dates, [bills, bills.ToArray()], bills, 3, 1);
        cash.Folds.Should().OnlyContain(f => f.Chosen == 0 && double.IsNaN(f.TrainSharpe) && f.Tied == 0);
        result.Folds.Should().OnlyContain(f => f.Tied == 1);
    }

    [Fact]
    public void Configurations_alike_on_the_train_window_are_counted_as_a_tie()
    {
        // Three configurations with the same returns to the bit (an ALVH grid before VIX options were listed) and a worse
        // one: the first of the three is held, and the fold says that three tied, so its "choice" is not a preference.
        var dates = Engine.SyntheticMarket.Weekdays(new DateOnly(2000, 1, 3), 260 * 5);
        var random = new Random(11);
        var same = dates.Select(_ => 0.0008 + 0.004 * (random.NextDouble() - 0.5)).ToArray();
        var worse = same.Select(r => r - 0.0005).ToArray();
        var result = WalkForward.Run(dates, [worse, same, same.ToArray(), same.ToArray()], new double[dates.Length], 3, 1);
        result.Folds.Should().NotBeEmpty().And.OnlyContain(f => f.Chosen == 1 && f.Tied == 3);
    }

    [Fact]
    public void A_train_window_s_sharpe_counts_the_return_of_its_first_day()
    {
        // A fold's train window TrainFrom..TrainTo holds the return of TrainFrom (from the close before it), as its test
        // window holds TestFrom's. Only the very first day has no return (index 0, ignored). The folds after the first left
        // their first day out: on real history (drip-condor-alvh, 2008-2020, train 3 y, test 2 y) the train Sharpe printed
        // for 2010-01-04..2012-12-31 was 0.716 where those days give 0.744 (2010-01-04: S&P 500 +1.6%).
        var dates = Engine.SyntheticMarket.Weekdays(new DateOnly(2000, 1, 3), 260 * 5);
        var random = new Random(21);
        var returns = dates.Select(_ => 0.0005 + 0.01 * (random.NextDouble() - 0.5)).ToArray();
        var other = returns.Select(r => r - 0.0002).ToArray();
        var bills = new double[dates.Length];
        var result = WalkForward.Run(dates, [returns, other], bills, 2, 1);
        result.Folds.Should().HaveCountGreaterThanOrEqualTo(2);
        // A large first-day return on the second fold's train window, so leaving it out changes the ratio by far more than rounding.
        int second = Array.IndexOf(dates, result.Folds[1].TrainFrom);
        returns[second] = 0.05;
        other[second] = 0.05;
        result = WalkForward.Run(dates, [returns, other], bills, 2, 1);
        foreach (var fold in result.Folds)
        {
            int from = Math.Max(1, Array.IndexOf(dates, fold.TrainFrom)), to = Array.IndexOf(dates, fold.TrainTo) + 1;
            fold.TrainSharpe.Should().BeApproximately(WalkForward.Sharpe(returns, bills, from, to), 1e-12, $"the train window {fold.TrainFrom}..{fold.TrainTo}");
        }
        WalkForward.Sharpe(returns, bills, second, Array.IndexOf(dates, result.Folds[1].TrainTo) + 1)
            .Should().NotBeApproximately(WalkForward.Sharpe(returns, bills, second + 1, Array.IndexOf(dates, result.Folds[1].TrainTo) + 1), 0.05);
    }
}
