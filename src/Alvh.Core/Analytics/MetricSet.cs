namespace Alvh.Analytics;

/// <summary>
/// The headline metrics of one daily equity curve, as computed by <see cref="Metrics.Compute"/>. All rates
/// and returns are <b>fractions</b> (0.05 = 5 %). "Daily returns" are the curve's time-weighted daily returns
/// (external flows removed); annualisation uses the trading days per year passed to Compute (default 252).
/// NaN where the inputs do not allow the metric (e.g. no benchmark, too few points).
/// </summary>
public sealed record MetricSet
{
    /// <summary>First date of the curve.</summary>
    public required DateOnly Start { get; init; }

    /// <summary>Last date of the curve.</summary>
    public required DateOnly End { get; init; }

    /// <summary>Time-weighted total return over the whole curve (not annualised).</summary>
    public required double TotalReturn { get; init; }

    /// <summary>Time-weighted CAGR, annualised over calendar years (days/365.25).</summary>
    public required double Cagr { get; init; }

    /// <summary>Money-weighted return (XIRR, 365-day year, annualised) of initial equity, external flows and final equity.</summary>
    public required double Xirr { get; init; }

    /// <summary>Annualised volatility: sample stdev of daily returns × √tradingDaysPerYear.</summary>
    public required double Volatility { get; init; }

    /// <summary>Annualised Sharpe ratio over the daily T-bill returns.</summary>
    public required double Sharpe { get; init; }

    /// <summary>Annualised Sortino ratio, downside deviation below the daily T-bill return over all days.</summary>
    public required double Sortino { get; init; }

    /// <summary>Calmar ratio: CAGR / |MaxDrawdown| over the whole curve.</summary>
    public required double Calmar { get; init; }

    /// <summary>Maximum drawdown of the time-weighted curve, a <b>negative</b> fraction in [−1, 0].</summary>
    public required double MaxDrawdown { get; init; }

    /// <summary>Date of the peak before the maximum drawdown.</summary>
    public required DateOnly MaxDrawdownPeak { get; init; }

    /// <summary>Date of the trough of the maximum drawdown.</summary>
    public required DateOnly MaxDrawdownTrough { get; init; }

    /// <summary>Date the curve regained the peak, or null if it has not.</summary>
    public required DateOnly? MaxDrawdownRecovery { get; init; }

    /// <summary>Trading days (curve points) from the peak to the trough of the maximum drawdown.</summary>
    public required int MaxDrawdownDurationTradingDays { get; init; }

    /// <summary>Ulcer index of the time-weighted curve, a fraction (×100 for Martin's percent units).</summary>
    public required double Ulcer { get; init; }

    /// <summary>Historical one-day 95 % VaR, a daily return (negative = loss), linear-interpolated quantile.</summary>
    public required double ValueAtRisk95 { get; init; }

    /// <summary>Historical one-day 95 % expected shortfall: mean daily return at or below <see cref="ValueAtRisk95"/>.</summary>
    public required double ConditionalValueAtRisk95 { get; init; }

    /// <summary>Sample skewness of daily returns (Excel SKEW).</summary>
    public required double Skewness { get; init; }

    /// <summary>Sample excess kurtosis of daily returns (Excel KURT).</summary>
    public required double Kurtosis { get; init; }

    /// <summary>CAPM beta of daily excess returns on the benchmark's.</summary>
    public required double Beta { get; init; }

    /// <summary>Jensen's alpha, mean daily alpha × tradingDaysPerYear (annualised fraction).</summary>
    public required double Alpha { get; init; }

    /// <summary>Pearson correlation of daily returns with daily VIX changes (VIXₜ − VIXₜ₋₁, index points).</summary>
    public required double CorrelationToVix { get; init; }
}
