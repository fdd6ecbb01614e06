namespace Alvh.Data.Fetch;

/// <summary>How a source's response becomes a file in the data folder.</summary>
public enum SourceFormat
{
    /// <summary>The response is written byte for byte (Cboe index history, FRED, Shiller).</summary>
    Raw,

    /// <summary>Yahoo chart JSON converted to <c>Date,Open,High,Low,Close,Volume</c>.</summary>
    YahooDailyPrices,

    /// <summary>Yahoo chart JSON dividend events converted to <c>ex_date,amount,pay_date</c>.</summary>
    YahooDividends,

    /// <summary>One Cboe CSV per monthly VX contract, combined into one long file.</summary>
    VxFutures,
}
