using Alvh.Indicators;

namespace Alvh.Analytics;

/// <summary>
/// Trailing-window versions of the main metrics for report charts, default window 252 trading days.
/// Each output has the length of its input and is NaN until the window is full (and while a NaN is
/// inside it). Return-based functions take daily simple returns (fractions); output t covers returns
/// t − window + 1 … t.
/// </summary>
public static class RollingMetrics
{
    /// <summary>Default window: one year of trading days (252).</summary>
    public const int DefaultWindow = 252;

    /// <summary>Rolling total return Eₜ/Eₜ₋window − 1 (fraction, not annualised) of an equity curve; NaN for t &lt; window.</summary>
    public static void Return(ReadOnlySpan<double> equity, int window, Span<double> output)
    {
        Require.Window(window, 1, nameof(window));
        Require.SameLength(equity.Length, output.Length, nameof(output));
        for (int t = 0; t < equity.Length; t++) output[t] = t < window ? double.NaN : equity[t] / equity[t - window] - 1.0;
    }

    /// <summary>Rolling total return of an equity curve (see the span overload).</summary>
    public static double[] Return(ReadOnlySpan<double> equity, int window = DefaultWindow)
    {
        var output = new double[equity.Length];
        Return(equity, window, output);
        return output;
    }

    /// <summary>Rolling annualised volatility: sample stdev of the last <paramref name="window"/> returns × √tradingDaysPerYear.</summary>
    public static void Volatility(ReadOnlySpan<double> returns, int window, Span<double> output, int tradingDaysPerYear = Returns.TradingDaysPerYear)
    {
        Require.Window(window, 2, nameof(window));
        Require.SameLength(returns.Length, output.Length, nameof(output));
        Require.Positive(tradingDaysPerYear, nameof(tradingDaysPerYear));
        double annualiser = Math.Sqrt(tradingDaysPerYear);
        var moments = new RollingMoments(window);
        for (int t = 0; t < returns.Length; t++)
            output[t] = moments.Add(returns[t]) ? Math.Sqrt(moments.M2 / (window - 1)) * annualiser : double.NaN;
    }

    /// <summary>Rolling annualised volatility (see the span overload).</summary>
    public static double[] Volatility(ReadOnlySpan<double> returns, int window = DefaultWindow, int tradingDaysPerYear = Returns.TradingDaysPerYear)
    {
        var output = new double[returns.Length];
        Volatility(returns, window, output, tradingDaysPerYear);
        return output;
    }

    /// <summary>
    /// Rolling annualised Sharpe ratio over the risk-free returns (aligned; empty = 0): mean/stdev of the window's
    /// daily excess returns × √tradingDaysPerYear (as <see cref="RiskAdjustedReturns.Sharpe(ReadOnlySpan{double}, ReadOnlySpan{double}, int)"/>).
    /// </summary>
    public static void Sharpe(ReadOnlySpan<double> returns, ReadOnlySpan<double> riskFree, int window, Span<double> output, int tradingDaysPerYear = Returns.TradingDaysPerYear)
    {
        Require.Window(window, 2, nameof(window));
        Require.RiskFree(returns.Length, riskFree.Length, nameof(riskFree));
        Require.SameLength(returns.Length, output.Length, nameof(output));
        Require.Positive(tradingDaysPerYear, nameof(tradingDaysPerYear));
        double annualiser = Math.Sqrt(tradingDaysPerYear);
        var moments = new RollingMoments(window);
        for (int t = 0; t < returns.Length; t++)
        {
            double excess = returns[t] - (riskFree.IsEmpty ? 0.0 : riskFree[t]);
            if (!moments.Add(excess))
            {
                output[t] = double.NaN;
                continue;
            }
            double sd = Math.Sqrt(moments.M2 / (window - 1));
            output[t] = sd == 0.0 ? double.NaN : moments.Mean / sd * annualiser;
        }
    }

    /// <summary>Rolling annualised Sharpe ratio (see the span overload).</summary>
    public static double[] Sharpe(ReadOnlySpan<double> returns, ReadOnlySpan<double> riskFree, int window = DefaultWindow, int tradingDaysPerYear = Returns.TradingDaysPerYear)
    {
        var output = new double[returns.Length];
        Sharpe(returns, riskFree, window, output, tradingDaysPerYear);
        return output;
    }

    /// <summary>Rolling CAPM beta of excess returns over the risk-free returns (aligned; empty = 0), as <see cref="Capm.Regress"/> per window.</summary>
    public static void Beta(ReadOnlySpan<double> returns, ReadOnlySpan<double> benchmarkReturns, ReadOnlySpan<double> riskFree, int window, Span<double> output)
    {
        Require.Window(window, 2, nameof(window));
        Require.SameLength(returns.Length, benchmarkReturns.Length, nameof(benchmarkReturns));
        Require.RiskFree(returns.Length, riskFree.Length, nameof(riskFree));
        Require.SameLength(returns.Length, output.Length, nameof(output));
        var stream = new RollingBetaStream(window);
        for (int t = 0; t < returns.Length; t++)
        {
            double rf = riskFree.IsEmpty ? 0.0 : riskFree[t];
            output[t] = stream.Add(returns[t] - rf, benchmarkReturns[t] - rf);
        }
    }

    /// <summary>Rolling CAPM beta (see the span overload).</summary>
    public static double[] Beta(ReadOnlySpan<double> returns, ReadOnlySpan<double> benchmarkReturns, ReadOnlySpan<double> riskFree, int window = DefaultWindow)
    {
        var output = new double[returns.Length];
        Beta(returns, benchmarkReturns, riskFree, window, output);
        return output;
    }
}
