using System.Buffers;

namespace Alvh.Analytics;

/// <summary>Computes the <see cref="MetricSet"/> of a daily equity curve in one call.</summary>
public static class Metrics
{
    private const double Confidence = 0.95;

    /// <summary>
    /// Computes the headline metrics. Every span is aligned with <paramref name="dates"/> (one value per curve date),
    /// except <paramref name="externalFlows"/>. Daily returns are time-weighted
    /// (<see cref="Returns.TimeWeighted"/>), so contributions and withdrawals do not count as performance; total return,
    /// CAGR, drawdowns and the Ulcer index use the curve rebuilt from those returns (the equity curve itself when there
    /// are no flows). XIRR uses the raw equity and the flows (<see cref="Xirr.FromEquityCurve"/>). Buffers are pooled.
    /// </summary>
    /// <param name="equity">End-of-day equity (currency), including that day's external flows; at least 2 points.</param>
    /// <param name="dates">Curve dates, strictly increasing.</param>
    /// <param name="externalFlows">Contributions (+) and withdrawals (−), any order; may be empty.</param>
    /// <param name="benchmarkEquity">Benchmark level per date (e.g. SPX total return); empty gives NaN beta and alpha.</param>
    /// <param name="riskFreeDailyReturns">T-bill return earned from date t − 1 to date t at index t (index 0 unused); empty = 0.</param>
    /// <param name="vixLevels">VIX close per date (index points), NaN on a day without one (its changes are left out); empty gives NaN correlation.</param>
    /// <param name="tradingDaysPerYear">Trading days per year for annualising daily statistics (default 252).</param>
    public static MetricSet Compute(ReadOnlySpan<double> equity, ReadOnlySpan<DateOnly> dates, ReadOnlySpan<ExternalFlow> externalFlows,
        ReadOnlySpan<double> benchmarkEquity, ReadOnlySpan<double> riskFreeDailyReturns, ReadOnlySpan<double> vixLevels,
        int tradingDaysPerYear = Returns.TradingDaysPerYear)
    {
        int n = equity.Length;
        Require.AtLeast(n, 2, nameof(equity));
        Require.SameLength(n, dates.Length, nameof(dates));
        if (!benchmarkEquity.IsEmpty) Require.SameLength(n, benchmarkEquity.Length, nameof(benchmarkEquity));
        if (!riskFreeDailyReturns.IsEmpty) Require.SameLength(n, riskFreeDailyReturns.Length, nameof(riskFreeDailyReturns));
        if (!vixLevels.IsEmpty) Require.SameLength(n, vixLevels.Length, nameof(vixLevels));
        Require.Positive(tradingDaysPerYear, nameof(tradingDaysPerYear));

        double[] buffer = ArrayPool<double>.Shared.Rent(4 * n);
        try
        {
            var returns = buffer.AsSpan(0, n - 1);
            var scratch = buffer.AsSpan(n, n - 1);
            var curveBuffer = buffer.AsSpan(2 * n, n);
            Returns.TimeWeighted(equity, dates, externalFlows, returns);
            ReadOnlySpan<double> curve = equity;
            if (!externalFlows.IsEmpty)
            {
                curveBuffer[0] = 1.0;
                for (int t = 1; t < n; t++) curveBuffer[t] = curveBuffer[t - 1] * (1.0 + returns[t - 1]);
                curve = curveBuffer;
            }
            ReadOnlySpan<double> riskFree = riskFreeDailyReturns.IsEmpty ? [] : riskFreeDailyReturns[1..];

            double totalReturn = Returns.Total(curve);
            double cagr = Returns.Cagr(totalReturn, dates[0], dates[^1]);
            var drawdown = Drawdowns.Maximum(curve, dates);
            var (valueAtRisk, expectedShortfall) = TailRisk.Both(returns, Confidence, scratch);

            var capm = new CapmRegression(double.NaN, double.NaN, double.NaN, double.NaN, 0);
            if (!benchmarkEquity.IsEmpty)
            {
                var benchmarkReturns = buffer.AsSpan(3 * n, n - 1);
                Returns.Simple(benchmarkEquity, benchmarkReturns);
                capm = Capm.Regress(returns, benchmarkReturns, riskFree, tradingDaysPerYear);
            }
            double correlationToVix = double.NaN;
            if (!vixLevels.IsEmpty)
            {
                // Pairs with a VIX change only: a day without a VIX close (NaN; 1991-03-01, 1997-01-31, 1997-11-26 and
                // 1999-12-31 in the shared data) made every change around it NaN, and the correlation of any run
                // through one of those days n/a (every full-history backtest's).
                var vixChanges = buffer.AsSpan(3 * n, n - 1);
                var pairedReturns = scratch;
                int m = 0;
                for (int t = 1; t < n; t++)
                {
                    double change = vixLevels[t] - vixLevels[t - 1];
                    if (!double.IsFinite(change)) continue;
                    vixChanges[m] = change;
                    pairedReturns[m++] = returns[t - 1];
                }
                correlationToVix = SampleStatistics.Correlation(pairedReturns[..m], vixChanges[..m]);
            }

            return new MetricSet
            {
                Start = dates[0],
                End = dates[^1],
                TotalReturn = totalReturn,
                Cagr = cagr,
                Xirr = Xirr.FromEquityCurve(equity, dates, externalFlows),
                Volatility = SampleStatistics.AnnualisedVolatility(returns, tradingDaysPerYear),
                Sharpe = RiskAdjustedReturns.Sharpe(returns, riskFree, tradingDaysPerYear),
                Sortino = RiskAdjustedReturns.Sortino(returns, riskFree, tradingDaysPerYear),
                Calmar = RiskAdjustedReturns.Calmar(cagr, drawdown.Depth),
                MaxDrawdown = drawdown.Depth,
                MaxDrawdownPeak = drawdown.PeakDate,
                MaxDrawdownTrough = drawdown.TroughDate,
                MaxDrawdownRecovery = drawdown.RecoveryDate,
                MaxDrawdownDurationTradingDays = drawdown.DurationTradingDays,
                Ulcer = Drawdowns.UlcerIndex(curve),
                ValueAtRisk95 = valueAtRisk,
                ConditionalValueAtRisk95 = expectedShortfall,
                Skewness = SampleStatistics.Skewness(returns),
                Kurtosis = SampleStatistics.ExcessKurtosis(returns),
                Beta = capm.Beta,
                Alpha = capm.AlphaAnnualised,
                CorrelationToVix = correlationToVix,
            };
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }
}
