namespace Alvh.Engine;

/// <summary>One row of daily.csv: the portfolio at a close.</summary>
/// <param name="Date">Trading day.</param>
/// <param name="Equity">Portfolio value, dollars.</param>
/// <param name="Cash">Cash of all sleeves, dollars.</param>
/// <param name="SleeveValues">Value of each sleeve (in the order of the run's sleeves), dollars.</param>
/// <param name="Vix">VIX close (NaN when missing).</param>
/// <param name="Drawdown">Equity / running peak − 1 (≤ 0).</param>
public sealed record DailyRecord(DateOnly Date, double Equity, double Cash, double[] SleeveValues, double Vix, double Drawdown);
