namespace Alvh.Research;

/// <summary>The outcome of combinatorially symmetric cross-validation (<see cref="Cscv.Pbo"/>).</summary>
/// <param name="Probability">Probability of backtest overfitting: share of splits whose in-sample best ranks in the lower half out of sample (logit ≤ 0), a fraction in [0, 1].</param>
/// <param name="Splits">Number of in-sample/out-of-sample splits, C(S, S/2).</param>
/// <param name="Blocks">Number of row blocks S.</param>
/// <param name="Logits">Per split: ln(ω/(1−ω)) of the in-sample best's relative out-of-sample rank ω.</param>
/// <param name="Configurations">Distinct configurations ranked (return columns equal within rounding noise, 1e-12 a period, count once).</param>
/// <param name="BlockPeriods">Periods (here trading days) in each block: T div S.</param>
public sealed record PboResult(double Probability, int Splits, int Blocks, double[] Logits, int Configurations, int BlockPeriods)
{
    /// <summary>
    /// The PBO of a selection with no skill, against which <see cref="Probability"/> is read: the in-sample best's
    /// out-of-sample rank is then uniform on 1..N, and the paper counts ranks up to the middle, (N + 1)/2, as overfit
    /// (λ ≤ 0), so it is ⌊(N + 1)/2⌋ / N: 1/2 for an even N, 2/3 for 3, 3/5 for 5, near 1/2 for a large grid. NaN below 2
    /// configurations.
    /// </summary>
    public double NoSkillProbability => Configurations < 2 ? double.NaN : (double)((Configurations + 1) / 2) / Configurations;

    /// <summary>
    /// Share of splits whose logit is exactly 0, a fraction: the in-sample best at the middle rank out of sample (an odd N,
    /// or a tie out of sample), which the PBO counts as overfit. NaN without splits.
    /// </summary>
    public double AtMiddle => Logits.Length == 0 ? double.NaN : (double)Logits.Count(l => l == 0) / Logits.Length;

    /// <summary>Median logit (above 0: the in-sample winner usually stays in the top half).</summary>
    public double MedianLogit
    {
        get
        {
            var sorted = Logits.Order().ToArray();
            return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]);
        }
    }
}
