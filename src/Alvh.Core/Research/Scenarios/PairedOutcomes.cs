namespace Alvh.Research.Scenarios;

/// <summary>
/// The strategy against its baseline path by path: both ran on the same simulated market, so the differences
/// carry the hedge's effect without the spread of the paths themselves (a paired comparison is far tighter
/// than comparing the two distributions).
/// </summary>
/// <param name="Paths">Paths compared.</param>
/// <param name="CagrDifference">Strategy CAGR − baseline CAGR, fraction per year.</param>
/// <param name="DrawdownDifference">Strategy maximum drawdown − baseline maximum drawdown, fraction (positive: the strategy's was shallower).</param>
/// <param name="DrawdownCut">1 − strategy drawdown / baseline drawdown: the share of the baseline's maximum drawdown the strategy avoided (negative: deeper); paths where the baseline never fell are left out.</param>
/// <param name="TerminalWealthRatio">Strategy terminal wealth / baseline terminal wealth.</param>
/// <param name="ShallowerDrawdown">Share of paths on which the strategy's maximum drawdown was strictly shallower, with its 95 % Wilson interval.</param>
/// <param name="HigherTerminalWealth">Share of paths on which the strategy ended strictly richer, with its 95 % Wilson interval.</param>
/// <param name="EqualDrawdown">Paths on which the two maximum drawdowns were equal (counted in neither direction).</param>
/// <param name="EqualTerminalWealth">Paths on which the two ended exactly as rich.</param>
/// <param name="MeanDrawdownCut">1 − mean strategy drawdown / mean baseline drawdown: the drawdown avoided on average, which paths with a tiny baseline drawdown cannot dominate as they do the mean of <see cref="DrawdownCut"/> (NaN when the baseline never fell).</param>
/// <param name="MeanWealthRatio">Mean strategy terminal wealth / mean baseline terminal wealth (the mean of the ratios, <see cref="TerminalWealthRatio"/>, is not this).</param>
public sealed record PairedOutcomes(
    int Paths,
    Distribution CagrDifference,
    Distribution DrawdownDifference,
    Distribution DrawdownCut,
    Distribution TerminalWealthRatio,
    Proportion ShallowerDrawdown,
    Proportion HigherTerminalWealth,
    int EqualDrawdown,
    int EqualTerminalWealth,
    double MeanDrawdownCut,
    double MeanWealthRatio)
{
    /// <summary>Compares <paramref name="strategy"/> with <paramref name="baseline"/>, path i with path i.</summary>
    /// <param name="strategy">The strategy's outcomes.</param>
    /// <param name="baseline">The baseline's outcomes on the same paths, in the same order.</param>
    /// <returns>The paired comparison.</returns>
    /// <exception cref="ArgumentException">The two have different numbers of paths, or none.</exception>
    public static PairedOutcomes Of(IReadOnlyList<PathOutcome> strategy, IReadOnlyList<PathOutcome> baseline)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(baseline);
        if (strategy.Count != baseline.Count || strategy.Count == 0)
            throw new ArgumentException($"A paired comparison needs the same paths on both sides; got {strategy.Count} and {baseline.Count}.", nameof(baseline));
        int n = strategy.Count;
        var cagr = new double[n];
        var drawdown = new double[n];
        var cut = new double[n];
        var wealth = new double[n];
        int shallower = 0, richer = 0, sameDrawdown = 0, sameWealth = 0;
        double drawdownS = 0, drawdownB = 0, wealthS = 0, wealthB = 0;
        for (int i = 0; i < n; i++)
        {
            var (s, b) = (strategy[i], baseline[i]);
            cagr[i] = s.Cagr - b.Cagr;
            drawdown[i] = s.MaxDrawdown - b.MaxDrawdown;
            cut[i] = b.MaxDrawdown < 0 ? 1 - s.MaxDrawdown / b.MaxDrawdown : double.NaN;
            wealth[i] = s.TerminalWealth / b.TerminalWealth;
            if (s.MaxDrawdown > b.MaxDrawdown) shallower++;
            else if (s.MaxDrawdown == b.MaxDrawdown) sameDrawdown++;
            if (s.TerminalWealth > b.TerminalWealth) richer++;
            else if (s.TerminalWealth == b.TerminalWealth) sameWealth++;
            drawdownS += s.MaxDrawdown;
            drawdownB += b.MaxDrawdown;
            wealthS += s.TerminalWealth;
            wealthB += b.TerminalWealth;
        }
        return new PairedOutcomes(n, Distribution.Of(cagr), Distribution.Of(drawdown), Distribution.Of(cut), Distribution.Of(wealth),
            Proportion.Wilson(shallower, n), Proportion.Wilson(richer, n), sameDrawdown, sameWealth,
            drawdownB < 0 ? 1 - drawdownS / drawdownB : double.NaN, wealthS / wealthB);
    }
}
