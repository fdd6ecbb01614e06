namespace Alvh.MarketData;

/// <summary>
/// Daily history of VX (VIX futures) monthly contracts in long form, one row per trade date and
/// contract, sorted by trade date then expiration. Prices are on the VIX scale (old CFE quotes at
/// 10× before 2007-03-26 are already divided by 10). A settle that is missing in the source
/// (0 on listing days, or a known bad value) is NaN.
/// </summary>
public sealed class VxFuturesHistory
{
    /// <summary>Creates the history from parallel arrays of equal length.</summary>
    public VxFuturesHistory(string id, string file, DateOnly[] tradeDates, DateOnly[] expirations,
        double[] open, double[] high, double[] low, double[] close, double[] settle, double[] volume, double[] openInterest)
    {
        int n = tradeDates.Length;
        if (expirations.Length != n || open.Length != n || high.Length != n || low.Length != n || close.Length != n
            || settle.Length != n || volume.Length != n || openInterest.Length != n)
        {
            throw new ArgumentException("all columns must have the same length");
        }
        Id = id;
        File = file;
        TradeDates = tradeDates;
        Expirations = expirations;
        Open = open;
        High = high;
        Low = low;
        ClosePrice = close;
        Settle = settle;
        Volume = volume;
        OpenInterest = openInterest;
    }

    /// <summary>Series id, e.g. <c>vx-cboe</c>.</summary>
    public string Id { get; }

    /// <summary>File read.</summary>
    public string File { get; }

    /// <summary>Trade date of each row.</summary>
    public DateOnly[] TradeDates { get; }

    /// <summary>Final settlement date of the row's contract.</summary>
    public DateOnly[] Expirations { get; }

    /// <summary>Open (0 in the source means no trade: NaN here).</summary>
    public double[] Open { get; }

    /// <summary>High (NaN when no trade).</summary>
    public double[] High { get; }

    /// <summary>Low (NaN when no trade).</summary>
    public double[] Low { get; }

    /// <summary>Close (NaN when no trade).</summary>
    public double[] ClosePrice { get; }

    /// <summary>Daily settlement; on the expiration day the final settlement value (SOQ). NaN when missing.</summary>
    public double[] Settle { get; }

    /// <summary>Contracts traded.</summary>
    public double[] Volume { get; }

    /// <summary>Open interest, contracts.</summary>
    public double[] OpenInterest { get; }

    /// <summary>Number of rows.</summary>
    public int Count => TradeDates.Length;

    /// <summary>First trade date, or null when empty.</summary>
    public DateOnly? First => TradeDates.Length == 0 ? null : TradeDates[0];

    /// <summary>Last trade date, or null when empty.</summary>
    public DateOnly? Last => TradeDates.Length == 0 ? null : TradeDates[^1];

    /// <summary>Distinct contract expirations, sorted.</summary>
    public DateOnly[] Contracts() => Expirations.Distinct().Order().ToArray();

    /// <summary>Settle of the contract expiring on <paramref name="expiration"/> on <paramref name="tradeDate"/>, or NaN.</summary>
    public double SettleOn(DateOnly tradeDate, DateOnly expiration)
    {
        int i = Array.BinarySearch(TradeDates, tradeDate);
        if (i < 0) return double.NaN;
        while (i > 0 && TradeDates[i - 1] == tradeDate) i--;
        for (; i < TradeDates.Length && TradeDates[i] == tradeDate; i++)
        {
            if (Expirations[i] == expiration) return Settle[i];
        }
        return double.NaN;
    }
}
