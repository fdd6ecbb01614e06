namespace Alvh.Analytics;

/// <summary>
/// Sharpe, Sortino and Calmar ratios from daily simple returns (fractions). The risk-free rate is a
/// span of daily T-bill returns aligned with the returns (an <b>empty</b> span means 0), or a
/// constant daily return. Ratios are annualised by √<c>tradingDaysPerYear</c> (default 252).
/// </summary>
public static class RiskAdjustedReturns
{
    /// <summary>
    /// Annualised ex-post Sharpe ratio (Sharpe 1994, "The Sharpe Ratio", J. Portfolio Management 21(1)):
    /// mean(rₜ − r_fₜ) / stdev(rₜ − r_fₜ) × √tradingDaysPerYear, sample (n − 1) standard deviation of the daily
    /// excess returns. NaN for fewer than 2 returns or zero dispersion.
    /// </summary>
    public static double Sharpe(ReadOnlySpan<double> returns, ReadOnlySpan<double> riskFree, int tradingDaysPerYear = Returns.TradingDaysPerYear)
    {
        Require.RiskFree(returns.Length, riskFree.Length, nameof(riskFree));
        return SharpeCore(returns, riskFree, 0.0, tradingDaysPerYear);
    }

    /// <summary>Annualised Sharpe ratio over a constant daily risk-free return (fraction per trading day).</summary>
    public static double Sharpe(ReadOnlySpan<double> returns, double riskFreeDaily, int tradingDaysPerYear = Returns.TradingDaysPerYear) =>
        SharpeCore(returns, [], riskFreeDaily, tradingDaysPerYear);

    /// <summary>
    /// Annualised downside deviation relative to the risk-free return taken as the target (minimum
    /// acceptable return): √((1/n) Σ min(0, rₜ − r_fₜ)²) × √tradingDaysPerYear, where n counts <b>all</b>
    /// observations (Sortino &amp; Price 1994, "Performance measurement in a downside risk framework",
    /// J. Investing 3(3); also empyrical's downside_risk). The CFA curriculum's "target semideviation" divides
    /// by n − 1 instead, a factor √(n/(n − 1)) higher.
    /// </summary>
    public static double DownsideDeviation(ReadOnlySpan<double> returns, ReadOnlySpan<double> riskFree, int tradingDaysPerYear = Returns.TradingDaysPerYear)
    {
        Require.RiskFree(returns.Length, riskFree.Length, nameof(riskFree));
        Require.Positive(tradingDaysPerYear, nameof(tradingDaysPerYear));
        return DailyDownsideDeviation(returns, riskFree, 0.0) * Math.Sqrt(tradingDaysPerYear);
    }

    /// <summary>
    /// Annualised Sortino ratio: mean(rₜ − r_fₜ) / DD × √tradingDaysPerYear, with DD the daily downside deviation
    /// below the risk-free target over all n observations (see <see cref="DownsideDeviation"/>). NaN when there
    /// is no return below the target (DD = 0) or no returns.
    /// </summary>
    public static double Sortino(ReadOnlySpan<double> returns, ReadOnlySpan<double> riskFree, int tradingDaysPerYear = Returns.TradingDaysPerYear)
    {
        Require.RiskFree(returns.Length, riskFree.Length, nameof(riskFree));
        return SortinoCore(returns, riskFree, 0.0, tradingDaysPerYear);
    }

    /// <summary>Annualised Sortino ratio against a constant daily target return (fraction per trading day).</summary>
    public static double Sortino(ReadOnlySpan<double> returns, double targetDaily, int tradingDaysPerYear = Returns.TradingDaysPerYear) =>
        SortinoCore(returns, [], targetDaily, tradingDaysPerYear);

    /// <summary>
    /// Calmar ratio CAGR / |max drawdown| (Young 1991, "Calmar Ratio: A Smoother Tool", Futures 20(1)), here over
    /// the whole period given rather than Young's trailing 36 months. Both inputs are fractions; the drawdown may
    /// be given with either sign. NaN when the drawdown is 0.
    /// </summary>
    public static double Calmar(double cagr, double maxDrawdown) => maxDrawdown == 0.0 ? double.NaN : cagr / Math.Abs(maxDrawdown);

    private static double SharpeCore(ReadOnlySpan<double> returns, ReadOnlySpan<double> riskFree, double constant, int tradingDaysPerYear)
    {
        Require.Positive(tradingDaysPerYear, nameof(tradingDaysPerYear));
        int n = returns.Length;
        if (n < 2) return double.NaN;
        double mean = MeanExcess(returns, riskFree, constant);
        double sum = 0.0;
        for (int t = 0; t < n; t++)
        {
            double d = Excess(returns, riskFree, constant, t) - mean;
            sum += d * d;
        }
        double sd = Math.Sqrt(sum / (n - 1));
        return sd == 0.0 ? double.NaN : mean / sd * Math.Sqrt(tradingDaysPerYear);
    }

    private static double SortinoCore(ReadOnlySpan<double> returns, ReadOnlySpan<double> riskFree, double constant, int tradingDaysPerYear)
    {
        Require.Positive(tradingDaysPerYear, nameof(tradingDaysPerYear));
        if (returns.Length == 0) return double.NaN;
        double downside = DailyDownsideDeviation(returns, riskFree, constant);
        return downside == 0.0 ? double.NaN : MeanExcess(returns, riskFree, constant) / downside * Math.Sqrt(tradingDaysPerYear);
    }

    private static double DailyDownsideDeviation(ReadOnlySpan<double> returns, ReadOnlySpan<double> riskFree, double constant)
    {
        if (returns.Length == 0) return double.NaN;
        double sum = 0.0;
        for (int t = 0; t < returns.Length; t++)
        {
            double shortfall = Math.Min(0.0, Excess(returns, riskFree, constant, t));
            sum += shortfall * shortfall;
        }
        return Math.Sqrt(sum / returns.Length);
    }

    private static double MeanExcess(ReadOnlySpan<double> returns, ReadOnlySpan<double> riskFree, double constant)
    {
        double sum = 0.0;
        for (int t = 0; t < returns.Length; t++) sum += Excess(returns, riskFree, constant, t);
        return sum / returns.Length;
    }

    private static double Excess(ReadOnlySpan<double> returns, ReadOnlySpan<double> riskFree, double constant, int t) =>
        returns[t] - (riskFree.IsEmpty ? constant : riskFree[t]);
}
