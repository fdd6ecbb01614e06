namespace Alvh.Analytics;

/// <summary>
/// Statistics of closed-trade P&amp;Ls. A trade is a win when its P&amp;L is strictly positive; a zero P&amp;L
/// (scratch) is neither a win nor a loss but counts in the trade total.
/// </summary>
public static class TradeStatistics
{
    /// <summary>Fraction of trades with P&amp;L &gt; 0; NaN for no trades.</summary>
    public static double HitRate(ReadOnlySpan<double> pnls) => Summarise(pnls).HitRate;

    /// <summary>Mean P&amp;L per trade; NaN for no trades.</summary>
    public static double AveragePnl(ReadOnlySpan<double> pnls) => SampleStatistics.Mean(pnls);

    /// <summary>Count, hit rate, averages, total and profit factor in one pass.</summary>
    public static TradeSummary Summarise(ReadOnlySpan<double> pnls)
    {
        int wins = 0, losses = 0;
        double grossProfit = 0.0, grossLoss = 0.0;
        foreach (double pnl in pnls)
        {
            if (pnl > 0)
            {
                wins++;
                grossProfit += pnl;
            }
            else if (pnl < 0)
            {
                losses++;
                grossLoss += pnl;
            }
        }
        int n = pnls.Length;
        double total = grossProfit + grossLoss;
        return new TradeSummary(
            n,
            wins,
            n == 0 ? double.NaN : (double)wins / n,
            n == 0 ? double.NaN : total / n,
            wins == 0 ? double.NaN : grossProfit / wins,
            losses == 0 ? double.NaN : grossLoss / losses,
            total,
            losses == 0 ? (wins == 0 ? double.NaN : double.PositiveInfinity) : grossProfit / -grossLoss);
    }
}
