namespace Alvh.Engine;

/// <summary>What a sleeve does with its dividends.</summary>
public enum DividendPolicy
{
    /// <summary>Keep the cash.</summary>
    Cash,

    /// <summary>Reinvest on the pay date at that day's close, like a DRIP plan (default).</summary>
    ReinvestOnPayDate,

    /// <summary>Reinvest on the ex-date at that day's close (the entitlement is booked as cash at once).</summary>
    ReinvestOnExDate,
}
