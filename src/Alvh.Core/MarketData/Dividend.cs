namespace Alvh.MarketData;

/// <summary>
/// One cash distribution per share: entitlement on the ex-date, cash on the pay date when known.
/// </summary>
/// <param name="ExDate">Ex-dividend date: holders at the previous close are entitled.</param>
/// <param name="Amount">Cash per share, in the security's currency (dollars).</param>
/// <param name="PayDate">Payment date, or null when the source does not give it.</param>
public readonly record struct Dividend(DateOnly ExDate, double Amount, DateOnly? PayDate);
