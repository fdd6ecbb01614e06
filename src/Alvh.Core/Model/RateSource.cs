namespace Alvh.Model;

/// <summary>Where a day's risk-free rate came from.</summary>
public enum RateSource
{
    /// <summary>No rate: neither DTB3 nor DFF covers the day.</summary>
    None = 0,
    /// <summary>DTB3 published that day.</summary>
    Dtb3 = 1,
    /// <summary>DTB3 missing that day (bond-market holiday) inside its coverage: the last DTB3 value carried forward.</summary>
    Dtb3Carried = 2,
    /// <summary>Before the first or after the last DTB3 observation: effective fed funds (DFF), carried likewise.</summary>
    FedFunds = 3,
}
