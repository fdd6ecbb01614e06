namespace Alvh.Research.Scenarios;

/// <summary>A proportion with its Wilson score interval (E. B. Wilson, JASA 22(158), 1927).</summary>
/// <param name="Estimate">Successes / trials.</param>
/// <param name="Lower">Lower bound of the interval.</param>
/// <param name="Upper">Upper bound of the interval.</param>
public sealed record Proportion(double Estimate, double Lower, double Upper)
{
    /// <summary>The Wilson interval of <paramref name="successes"/> in <paramref name="trials"/> at z (1.96 = 95 %).</summary>
    public static Proportion Wilson(int successes, int trials, double z = 1.959963984540054)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trials);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        double p = (double)successes / trials, z2 = z * z;
        double centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
        double half = z / (1 + z2 / trials) * Math.Sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials));
        return new Proportion(p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
