namespace Alvh.Analytics;

/// <summary>
/// Beta and Jensen's alpha against a benchmark (Jensen 1968, "The Performance of Mutual Funds in the Period
/// 1945–1964", J. Finance 23(2)): OLS of daily portfolio excess returns on daily benchmark excess returns over
/// the T-bill. Alpha is annualised <b>arithmetically</b>, α_daily × tradingDaysPerYear (empyrical's <c>alpha</c>
/// compounds instead, (1 + α_daily)^252 − 1; the two differ by O(α²)).
/// </summary>
public static class Capm
{
    /// <summary>
    /// Regresses <paramref name="returns"/> on <paramref name="benchmarkReturns"/> (daily simple returns, same length),
    /// both in excess of <paramref name="riskFree"/> (daily T-bill returns aligned with them; empty = 0). Beta, alpha and
    /// correlation are NaN for fewer than 2 pairs or a constant benchmark.
    /// </summary>
    public static CapmRegression Regress(ReadOnlySpan<double> returns, ReadOnlySpan<double> benchmarkReturns, ReadOnlySpan<double> riskFree,
        int tradingDaysPerYear = Returns.TradingDaysPerYear)
    {
        Require.SameLength(returns.Length, benchmarkReturns.Length, nameof(benchmarkReturns));
        Require.RiskFree(returns.Length, riskFree.Length, nameof(riskFree));
        Require.Positive(tradingDaysPerYear, nameof(tradingDaysPerYear));
        int n = returns.Length;
        if (n < 2) return new CapmRegression(double.NaN, double.NaN, double.NaN, double.NaN, n);
        double meanY = 0.0, meanX = 0.0;
        for (int t = 0; t < n; t++)
        {
            double rf = riskFree.IsEmpty ? 0.0 : riskFree[t];
            meanY += returns[t] - rf;
            meanX += benchmarkReturns[t] - rf;
        }
        meanY /= n;
        meanX /= n;
        double sxx = 0.0, sxy = 0.0, syy = 0.0;
        for (int t = 0; t < n; t++)
        {
            double rf = riskFree.IsEmpty ? 0.0 : riskFree[t];
            double dx = benchmarkReturns[t] - rf - meanX;
            double dy = returns[t] - rf - meanY;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        if (sxx == 0.0) return new CapmRegression(double.NaN, double.NaN, double.NaN, double.NaN, n);
        double beta = sxy / sxx;
        double alpha = meanY - beta * meanX;
        double correlation = syy == 0.0 ? double.NaN : Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1.0, 1.0);
        return new CapmRegression(beta, alpha, alpha * tradingDaysPerYear, correlation, n);
    }
}
