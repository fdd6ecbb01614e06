namespace Alvh.Research;

/// <summary>The outcome of combinatorially symmetric cross-validation (<see cref="Cscv.Pbo"/>).</summary>
/// <param name="Probability">Probability of backtest overfitting: share of splits whose in-sample best ranks in the lower half out of sample (logit ≤ 0), a fraction in [0, 1].</param>
/// <param name="Splits">Number of in-sample/out-of-sample splits, C(S, S/2).</param>
/// <param name="Blocks">Number of row blocks S.</param>
/// <param name="Logits">Per split: ln(ω/(1−ω)) of the in-sample best's relative out-of-sample rank ω.</param>
/// <param name="Configurations">Distinct configurations ranked (return columns equal within rounding noise, 1e-12 a period, count once).</param>
public sealed record PboResult(double Probability, int Splits, int Blocks, double[] Logits, int Configurations)
{
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
