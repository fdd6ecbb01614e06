namespace Alvh.Benchmarks;

/// <summary>
/// The canonical peer benchmark's shared rules (issue #8), so Alvh's engine can be compared with
/// backtrader, vectorbt and a compiled numba loop on the same bars: 1,000,000 starting cash; decisions
/// on a bar's close, filled at the next bar's open; order size floor(cash / close × 0.99) shares at
/// decision time; no costs.
/// </summary>
public static class CanonicalRules
{
    /// <summary>Starting cash, dollars.</summary>
    public const double InitialCash = 1_000_000;

    /// <summary>Fraction of cash an order may use at the decision close (room for a gap at the next open).</summary>
    public const double CashFraction = 0.99;

    /// <summary>Default fast SMA period, bars.</summary>
    public const int FastPeriod = 50;

    /// <summary>Default slow SMA period, bars; the first decision is on zero-based bar <c>SlowPeriod − 1</c>.</summary>
    public const int SlowPeriod = 200;

    /// <summary>
    /// The fewest bars a canonical run can trade on: the first decision is on zero-based bar <c>SlowPeriod − 1</c> (199)
    /// and fills at the next bar's open, so a shorter file makes no trade at all.
    /// </summary>
    public const int MinimumBars = SlowPeriod + 1;

    /// <summary>The series id the benchmark bars are stored under.</summary>
    public const string SeriesId = "bars";

    /// <summary>The symbol the sleeves trade (mapped to <see cref="SeriesId"/>).</summary>
    public const string Symbol = "BARS";

    /// <summary>Shares an order buys: floor(cash / close × 0.99), evaluated in that order.</summary>
    public static double OrderSize(double cash, double close) => Math.Floor(cash / close * CashFraction);
}
