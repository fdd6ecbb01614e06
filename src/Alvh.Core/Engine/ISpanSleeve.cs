namespace Alvh.Engine;

/// <summary>
/// A sleeve that can decide a run of consecutive closes in one call, so a strategy whose rule is a tight
/// loop over its indicators (an SMA cross) runs as one: the engine offers a span when its book cannot
/// change before the sleeve acts — the sleeve is the run's only one, holds only equities marked from a series
/// and paying no dividends, nothing waits to fill or be received, and cash earns no rate. It then does the
/// span's daily bookkeeping (marks, reconciliation, the daily record) after the call, for the days decided.
/// </summary>
/// <remarks>
/// Results must equal the day-by-day <see cref="ISleeve.Decide"/> bit for bit (<see cref="BacktestConfig.SpanDecisions"/>
/// switches spans off; tests compare the two). In a span, <see cref="SleeveContext.Cash"/>, the quantities and
/// the positions hold for every day (no ledger entry happens in it); <see cref="SleeveContext.Day"/>,
/// <see cref="SleeveContext.SleeveValue"/>, <see cref="SleeveContext.PortfolioEquity"/> and
/// <see cref="SleeveContext.Mark"/> are the span's first close's, so a sleeve whose rule reads daily values
/// or marks should not implement this interface.
/// </remarks>
public interface ISpanSleeve : ISleeve
{
    /// <summary>
    /// Decides the closes of days <see cref="SleeveContext.Day"/> through <paramref name="last"/> in order,
    /// exactly as <see cref="ISleeve.Decide"/> would on each, and stops at the first day whose decision added
    /// intents. The closes are read from <see cref="MarketView.SpanHistory"/>; the decision for day <c>d</c>
    /// reads data through <c>d</c> only.
    /// </summary>
    /// <returns>The day decided last: the day of the intents, or <paramref name="last"/> when none were added.</returns>
    int DecideSpan(SleeveContext context, int last, List<Intent> intents);
}
