using Alvh.Ledger;

namespace Alvh.Engine;

/// <summary>What a run produces.</summary>
/// <param name="Sleeves">Sleeve names, in column order.</param>
/// <param name="Daily">One record per trading day of the run (the engine's is a <see cref="DailyTable"/> of columns).</param>
/// <param name="Trades">Every fill.</param>
/// <param name="Ledger">The append-only ledger.</param>
/// <param name="Dropped">Orders that could not be filled, and orders filled in part (for lack of cash, or without a short leg that had no bid), in the order they were met.</param>
/// <param name="Assumptions">Engine, model and sleeve assumptions.</param>
/// <param name="OptionValuations">
/// Option valuations the engine asked of the price model during the run: marks (the engine's and the sleeves', one per
/// option a day through the engine's mark cache), option legs' fill quotes, the sleeves' quotes at the close
/// (<see cref="SleeveContext.CashAtClose"/>), and settlements (counted though they are intrinsic values, no pricing kernel:
/// about 1,900 of the full-history drip-condor-alvh run's 66,975), and the deltas of the sleeves' strike searches by
/// delta, which they value outside the engine and count through <see cref="SleeveContext.CountValuations"/> (10,998 of
/// those 66,975; before 2026-11-28 they were not counted, and each search ran to 1e-14 in ln K, 18,992 deltas, where it
/// now stops once it knows the listed strike). <c>alvh bench</c>'s floor ratio divides by this count.
/// </param>
public sealed record BacktestResult(
    IReadOnlyList<string> Sleeves,
    IReadOnlyList<DailyRecord> Daily,
    IReadOnlyList<TradeRecord> Trades,
    TradeLedger Ledger,
    IReadOnlyList<DroppedOrder> Dropped,
    IReadOnlyList<Assumption> Assumptions,
    long OptionValuations)
{
    /// <summary>
    /// Of <see cref="OptionValuations"/>, those the sleeves made themselves and counted through
    /// <see cref="SleeveContext.CountValuations"/> (their strike searches' deltas); the rest are the engine's.
    /// </summary>
    public long SleeveValuations { get; init; }

    /// <summary>Portfolio value at the last close, dollars.</summary>
    public double FinalEquity => Daily is DailyTable table ? table.Equity[^1] : Daily[^1].Equity;

    /// <summary>Portfolio value per day (a new array).</summary>
    public double[] EquityCurve() => Daily is DailyTable table ? table.Equity.ToArray() : [.. Daily.Select(d => d.Equity)];

    /// <summary>Trading days of the run (a new array).</summary>
    public DateOnly[] Dates() => Daily is DailyTable table ? table.Dates.ToArray() : [.. Daily.Select(d => d.Date)];

    /// <summary>Value of sleeve <paramref name="sleeve"/> (column order) on day <paramref name="day"/>, dollars.</summary>
    public double SleeveValue(int day, int sleeve) => Daily is DailyTable table ? table.SleeveValue(day, sleeve) : Daily[day].SleeveValues[sleeve];
}
