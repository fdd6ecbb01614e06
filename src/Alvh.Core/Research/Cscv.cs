namespace Alvh.Research;

/// <summary>
/// Combinatorially symmetric cross-validation and the probability of backtest overfitting (PBO):
/// D. H. Bailey, J. M. Borwein, M. López de Prado and Q. J. Zhu, "The Probability of Backtest
/// Overfitting", Journal of Computational Finance 20(4), 2017 (SSRN 2326253, 2015), section 2.
/// </summary>
/// <remarks>
/// The T × N performance matrix (T periods, here trading days, × N configurations; entries are per-period
/// returns) is cut into S row blocks of equal size (the first T mod S rows are dropped). For every choice
/// of S/2 blocks as the in-sample set (the rest out of sample) the configuration with the best in-sample
/// Sharpe ratio (mean / standard deviation of its returns, not annualised: the ranking is all that
/// matters) is found; its out-of-sample Sharpe is ranked among all N (rank 1 = worst), ω = rank / (N + 1),
/// and λ = ln(ω / (1 − ω)). PBO is the share of splits with λ ≤ 0. Ties of the in-sample best go to the
/// lowest column; out of sample, configurations tied with the best share the average of their ranks (as pypbo and
/// the R package pbo rank). Columns equal within rounding noise (every period's returns within 1e-12 of each other) are
/// one trial, not several, and are merged first: a grid axis that changes nothing in some configurations would otherwise
/// fill the ranking with ties (six copies of the one strategy with an edge among ten columns gave a PBO of 1 with the
/// lowest rank for ties, about 0 with them merged). Bit for bit was not enough: a cash sleeve swept over its capital earns
/// the same rate on every amount but for the last bits of each day's return, and its three "configurations" tied at
/// ω = ½ in every split, a PBO of 1 for a grid with nothing to choose.
/// A column whose standard deviation is below 1e-12 per period (a configuration in cash: its excess returns are
/// rounding noise) has the Sharpe ratio 0, or ±∞ when its mean is beyond that noise.
/// </remarks>
public static class Cscv
{
    /// <summary>The PBO of a row-major T × N matrix of per-period returns.</summary>
    /// <param name="returns">Row-major matrix: <c>returns[t * configs + n]</c> is configuration n's return in period t.</param>
    /// <param name="configs">N, at least 2.</param>
    /// <param name="blocks">S, even, at least 2 and at most 16 (C(16, 8) = 12,870 splits).</param>
    /// <returns>The PBO over the distinct columns (<see cref="PboResult.Configurations"/>); NaN, with no splits, when fewer than 2 are distinct.</returns>
    public static PboResult Pbo(ReadOnlySpan<double> returns, int configs, int blocks = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(configs, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(blocks, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(blocks, 16);
        if (blocks % 2 != 0) throw new ArgumentOutOfRangeException(nameof(blocks), "the number of blocks must be even");
        if (returns.Length % configs != 0) throw new ArgumentException("length is not a multiple of the number of configurations", nameof(returns));
        int periods = returns.Length / configs;
        int blockRows = periods / blocks;
        if (blockRows < 2) throw new ArgumentException($"{periods} periods are too few for {blocks} blocks", nameof(returns));
        int skip = periods - blockRows * blocks;

        var distinct = DistinctColumns(returns, configs, periods);
        if (distinct.Length < 2) return new PboResult(double.NaN, 0, blocks, [], distinct.Length, blockRows);
        if (distinct.Length < configs)
        {
            var merged = new double[periods * distinct.Length];
            for (int t = 0; t < periods; t++)
            {
                for (int k = 0; k < distinct.Length; k++) merged[t * distinct.Length + k] = returns[t * configs + distinct[k]];
            }
            return Pbo(merged, distinct.Length, blocks);
        }

        // Per block and configuration: count, sum and sum of squares, so a split's Sharpe is O(S·N).
        var sum = new double[blocks * configs];
        var sumSq = new double[blocks * configs];
        for (int t = 0; t < blockRows * blocks; t++)
        {
            int b = t / blockRows;
            var row = returns.Slice((skip + t) * configs, configs);
            for (int n = 0; n < configs; n++)
            {
                double r = row[n];
                sum[b * configs + n] += r;
                sumSq[b * configs + n] += r * r;
            }
        }

        var logits = new List<double>();
        var isSharpe = new double[configs];
        var oosSharpe = new double[configs];
        int half = blocks / 2;
        for (int mask = 0; mask < 1 << blocks; mask++)
        {
            if (System.Numerics.BitOperations.PopCount((uint)mask) != half) continue;
            Sharpes(mask, isSharpe);
            Sharpes(~mask & ((1 << blocks) - 1), oosSharpe);
            int best = 0;
            for (int n = 1; n < configs; n++) if (isSharpe[n] > isSharpe[best]) best = n;
            double rank = 1;
            for (int n = 0; n < configs; n++)
            {
                if (oosSharpe[n] < oosSharpe[best]) rank++;
                else if (n != best && oosSharpe[n] == oosSharpe[best]) rank += 0.5;
            }
            double omega = rank / (configs + 1.0);
            logits.Add(Math.Log(omega / (1 - omega)));
        }
        int overfit = logits.Count(l => l <= 0);
        return new PboResult((double)overfit / logits.Count, logits.Count, blocks, [.. logits], configs, blockRows);

        void Sharpes(int set, double[] output)
        {
            double count = half * (double)blockRows;
            for (int n = 0; n < configs; n++)
            {
                double s = 0, s2 = 0;
                for (int b = 0; b < blocks; b++)
                {
                    if ((set & (1 << b)) == 0) continue;
                    s += sum[b * configs + n];
                    s2 += sumSq[b * configs + n];
                }
                double mean = s / count;
                double variance = (s2 - count * mean * mean) / (count - 1);
                output[n] = variance > NoiseVariance ? mean / Math.Sqrt(variance)
                    : mean > NoiseLevel ? double.PositiveInfinity : mean < -NoiseLevel ? double.NegativeInfinity : 0;
            }
        }
    }

    /// <summary>A per-period return dispersion below this (1e-12) is rounding noise, not risk.</summary>
    internal const double NoiseLevel = 1e-12;

    private const double NoiseVariance = NoiseLevel * NoiseLevel;

    /// <summary>
    /// Indices of the first column of each group of columns equal within <see cref="NoiseLevel"/> in every period (NaN
    /// only with NaN), in order; a column joins the first earlier kept column it equals.
    /// </summary>
    private static int[] DistinctColumns(ReadOnlySpan<double> returns, int configs, int periods)
    {
        var kept = new List<int>(configs);
        for (int n = 0; n < configs; n++)
        {
            bool duplicate = false;
            foreach (int k in kept)
            {
                int t = 0;
                while (t < periods && Same(returns[t * configs + n], returns[t * configs + k])) t++;
                if (t == periods)
                {
                    duplicate = true;
                    break;
                }
            }
            if (!duplicate) kept.Add(n);
        }
        return [.. kept];
    }

    /// <summary>Two returns of one period are the same trial's: equal (the same infinity too), within rounding noise of each other, or both NaN.</summary>
    internal static bool Same(double a, double b) => a == b || Math.Abs(a - b) <= NoiseLevel || (double.IsNaN(a) && double.IsNaN(b));
}
