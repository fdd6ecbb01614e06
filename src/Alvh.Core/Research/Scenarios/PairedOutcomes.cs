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
/// <param name="ShallowerDrawdown">Share of paths on which the strategy's maximum drawdown was shallower, with its 95 % Wilson interval.</param>
/// <param name="HigherTerminalWealth">Share of paths on which the strategy ended richer, with its 95 % Wilson interval.</param>
public sealed record PairedOutcomes(
    int Paths,
    Distribution CagrDifference,
    Distribution DrawdownDifference,
    Distribution DrawdownCut,
    Distribution TerminalWealthRatio,
    Proportion ShallowerDrawdown,
    Proportion HigherTerminalWealth)
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
        int shallower = 0, richer = 0;
        for (int i = 0; i < n; i++)
        {
            var (s, b) = (strategy[i], baseline[i]);
            cagr[i] = s.Cagr - b.Cagr;
            drawdown[i] = s.MaxDrawdown - b.MaxDrawdown;
            cut[i] = b.MaxDrawdown < 0 ? 1 - s.MaxDrawdown / b.MaxDrawdown : double.NaN;
            wealth[i] = s.TerminalWealth / b.TerminalWealth;
            if (s.MaxDrawdown > b.MaxDrawdown) shallower++;
            if (s.TerminalWealth > b.TerminalWealth) richer++;
        }
        return new PairedOutcomes(n, Distribution.Of(cagr), Distribution.Of(drawdown), Distribution.Of(cut), Distribution.Of(wealth),
            Proportion.Wilson(shallower, n), Proportion.Wilson(richer, n));
    }
}
