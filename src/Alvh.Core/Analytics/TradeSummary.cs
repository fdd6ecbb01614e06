namespace Alvh.Analytics;

/// <summary>Summary of a list of closed-trade P&amp;Ls (currency units, or fractions if the P&amp;Ls are returns).</summary>
/// <param name="Count">Number of trades.</param>
/// <param name="Wins">Trades with P&amp;L &gt; 0.</param>
/// <param name="HitRate">Wins / Count, a fraction; NaN for no trades.</param>
/// <param name="AveragePnl">Mean P&amp;L; NaN for no trades.</param>
/// <param name="AverageWin">Mean P&amp;L of the winners; NaN when none.</param>
/// <param name="AverageLoss">Mean P&amp;L of the losers (P&amp;L &lt; 0, so negative); NaN when none.</param>
/// <param name="TotalPnl">Sum of the P&amp;Ls.</param>
/// <param name="ProfitFactor">Gross profit / |gross loss|; +∞ with no losers, NaN with neither winners nor losers.</param>
public readonly record struct TradeSummary(int Count, int Wins, double HitRate, double AveragePnl, double AverageWin, double AverageLoss, double TotalPnl, double ProfitFactor);
