namespace Alvh.Data.Fetch;

/// <summary>
/// The public sources of <c>alvh data fetch</c>, each with its URL and the file it writes. File
/// names and headers are those the market-data loader recognises.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Cboe index history (<c>cdn.cboe.com/api/global/us_indices/daily_prices/*_History.csv</c>):
/// VIX, VIX9D, VIX3M, VIX6M as <c>DATE,OPEN,HIGH,LOW,CLOSE</c>, VVIX as <c>DATE,VVIX</c>, SKEW as
/// <c>DATE,SKEW</c>, dates MM/DD/YYYY; written byte for byte.</item>
/// <item>FRED (<c>fred.stlouisfed.org/graph/fredgraph.csv?id=…</c>): DTB3, DFF, SP500 as
/// <c>observation_date,ID</c>, <c>.</c> or empty for missing; written byte for byte.</item>
/// <item>Shiller monthly S&amp;P data from the datasets/s-and-p-500 repository; written byte for byte.</item>
/// <item>Yahoo chart API (<c>query1.finance.yahoo.com/v8/finance/chart/…</c>): SPY and ^GSPC daily
/// bars converted to <c>Date,Open,High,Low,Close,Volume</c>, SPY dividends to <c>ex_date,amount,pay_date</c>.</item>
/// <item>Cboe VX futures, one file per monthly contract, combined into <c>vix-futures-cboe.csv</c>.</item>
/// </list>
/// </remarks>
public static class SourceCatalog
{
    private const string CboeIndex = "https://cdn.cboe.com/api/global/us_indices/daily_prices/";
    private const string Fred = "https://fred.stlouisfed.org/graph/fredgraph.csv?id=";
    private const string YahooChart = "https://query1.finance.yahoo.com/v8/finance/chart/";
    private const string YahooQuery = "?period1=0&period2=" + DataSource.Period2Placeholder + "&interval=1d&events=div";
    private const string Ohlc = "DATE,OPEN,HIGH,LOW,CLOSE";

    /// <summary>Header of the converted Yahoo daily files.</summary>
    public const string DailyPricesHeader = "Date,Open,High,Low,Close,Volume";

    /// <summary>Header of the converted dividends file.</summary>
    public const string DividendsHeader = "ex_date,amount,pay_date";

    /// <summary>Header of the combined VX futures file.</summary>
    public const string VxFuturesHeader = "trade_date,expiration,open,high,low,close,settle,change,total_volume,efp,open_interest";

    /// <summary>Every source, in fetch order.</summary>
    public static IReadOnlyList<DataSource> All { get; } =
    [
        new("vix", "vix-daily.csv", CboeIndex + "VIX_History.csv", SourceFormat.Raw, Ohlc, "Cboe VIX index, daily OHLC"),
        new("vix9d", "vix9d-daily.csv", CboeIndex + "VIX9D_History.csv", SourceFormat.Raw, Ohlc, "Cboe 9-day VIX, daily OHLC"),
        new("vix3m", "vix3m-daily.csv", CboeIndex + "VIX3M_History.csv", SourceFormat.Raw, Ohlc, "Cboe 3-month VIX (ex-VXV), daily OHLC"),
        new("vix6m", "vix6m-daily.csv", CboeIndex + "VIX6M_History.csv", SourceFormat.Raw, Ohlc, "Cboe 6-month VIX (ex-VXMT), daily OHLC"),
        new("vvix", "vvix-daily.csv", CboeIndex + "VVIX_History.csv", SourceFormat.Raw, "DATE,VVIX", "Cboe VVIX (volatility of VIX), daily close"),
        new("skew", "skew-daily.csv", CboeIndex + "SKEW_History.csv", SourceFormat.Raw, "DATE,SKEW", "Cboe SKEW index, daily close"),
        new("dtb3", "dtb3-daily.csv", Fred + "DTB3", SourceFormat.Raw, "observation_date,DTB3", "3-month T-bill secondary-market rate, percent, discount basis (FRED DTB3)"),
        new("dff", "dff-daily.csv", Fred + "DFF", SourceFormat.Raw, "observation_date,DFF", "Effective federal funds rate, percent, calendar-daily (FRED DFF)"),
        new("spx-fred", "spx-fred-close-daily.csv", Fred + "SP500", SourceFormat.Raw, "observation_date,SP500", "S&P 500 daily close, last ten years (FRED SP500)"),
        new("shiller", "shiller-sp500-monthly.csv", "https://raw.githubusercontent.com/datasets/s-and-p-500/main/data/data.csv", SourceFormat.Raw, "Date,SP500", "Shiller monthly S&P 500 price, dividend, earnings, CPI, rate, CAPE"),
        new("spy", "spy-daily.csv", YahooChart + "SPY" + YahooQuery, SourceFormat.YahooDailyPrices, DailyPricesHeader, "SPY daily OHLCV, unadjusted (Yahoo chart API)"),
        new("spy-dividends", "spy-dividends.csv", YahooChart + "SPY" + YahooQuery, SourceFormat.YahooDividends, DividendsHeader, "SPY cash dividends by ex-date (Yahoo chart API)"),
        new("spx", "spx-daily.csv", YahooChart + "%5EGSPC" + YahooQuery, SourceFormat.YahooDailyPrices, DailyPricesHeader, "S&P 500 (^GSPC) daily OHLCV (Yahoo chart API)"),
        new("vx", "vix-futures-cboe.csv", "https://cdn.cboe.com/data/us/futures/market_statistics/historical_data/VX/VX_" + DataSource.ExpirationPlaceholder + ".csv", SourceFormat.VxFutures, VxFuturesHeader, "VX monthly futures, one row per contract and trade date (Cboe)"),
    ];

    /// <summary>The source named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static DataSource? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The sources named in <paramref name="names"/>, in catalog order; all of them when
    /// <paramref name="names"/> is null or empty. Names may also be comma-separated lists
    /// (<c>vix,dtb3</c>), as typed after <c>--only</c>.
    /// </summary>
    /// <exception cref="ArgumentException">A name is not in the catalog; the message lists the known names.</exception>
    public static IReadOnlyList<DataSource> Select(IEnumerable<string>? names)
    {
        var wanted = (names ?? [])
            .SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        if (wanted.Count == 0) return All;
        var unknown = wanted.Where(n => Find(n) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"unknown source(s): {string.Join(", ", unknown)}; known: {string.Join(", ", All.Select(s => s.Name))}",
                nameof(names));
        }
        return All.Where(s => wanted.Contains(s.Name, StringComparer.OrdinalIgnoreCase)).ToList();
    }
}
