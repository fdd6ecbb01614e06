namespace Alvh.Regimes;

/// <summary>
/// When a VIX close counts as a spike: it is at least <paramref name="MinRise"/> (fraction) above the
/// lowest close of the previous <paramref name="LookbackDays"/> trading days, or its z-score over the
/// last <paramref name="ZScoreWindow"/> closes (current included, population σ) is at least
/// <paramref name="MinZScore"/>. Defaults: +30 % over 5 days, or z ≥ 3 over 60 days — a 30 % week is
/// roughly a two-sigma weekly VIX move, and z ≥ 3 catches spikes from an already elevated base.
/// Set <paramref name="ZScoreWindow"/> to 0 to use only the rise test.
/// </summary>
/// <param name="LookbackDays">Trading days before the current one whose minimum is the base (default 5).</param>
/// <param name="MinRise">Minimum rise over the base, fraction (default 0.30 = 30 %).</param>
/// <param name="ZScoreWindow">Window of the z-score test in trading days, 0 to disable (default 60).</param>
/// <param name="MinZScore">Minimum z-score (default 3).</param>
public sealed record VixSpikeRule(int LookbackDays = 5, double MinRise = 0.30, int ZScoreWindow = 60, double MinZScore = 3.0)
{
    /// <summary>The default rule.</summary>
    public static VixSpikeRule Default { get; } = new();
}
