namespace Alvh.MarketData;

/// <summary>
/// One daily series as read from its file: strictly increasing dates and, per date, a close
/// (the single value of a one-value series such as VVIX or DTB3) and optionally open, high,
/// low and volume. Missing values are <see cref="double.NaN"/>. Units are the file's own
/// (index points, dollars, or percent for rates); conversions belong to the market model.
/// </summary>
public sealed class DailySeries
{
    /// <summary>Creates a series; all arrays present must have the length of <paramref name="dates"/>.</summary>
    public DailySeries(string id, string file, DateOnly[] dates, double[] close,
        double[]? open = null, double[]? high = null, double[]? low = null, double[]? volume = null)
    {
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(close);
        if (close.Length != dates.Length) throw new ArgumentException("close length differs from dates", nameof(close));
        if (open is not null && open.Length != dates.Length) throw new ArgumentException("open length differs from dates", nameof(open));
        if (high is not null && high.Length != dates.Length) throw new ArgumentException("high length differs from dates", nameof(high));
        if (low is not null && low.Length != dates.Length) throw new ArgumentException("low length differs from dates", nameof(low));
        if (volume is not null && volume.Length != dates.Length) throw new ArgumentException("volume length differs from dates", nameof(volume));
        Id = id;
        File = file;
        Dates = dates;
        Close = close;
        Open = open;
        High = high;
        Low = low;
        Volume = volume;
    }

    /// <summary>Series id, e.g. <c>vix</c>, <c>spx</c>, <c>dtb3</c>.</summary>
    public string Id { get; }

    /// <summary>File the series was read from (as given to the reader).</summary>
    public string File { get; }

    /// <summary>Observation dates, strictly increasing.</summary>
    public DateOnly[] Dates { get; }

    /// <summary>Close, or the only value of a one-value series; NaN where missing.</summary>
    public double[] Close { get; }

    /// <summary>Open, or null when the format has none.</summary>
    public double[]? Open { get; }

    /// <summary>High, or null when the format has none.</summary>
    public double[]? High { get; }

    /// <summary>Low, or null when the format has none.</summary>
    public double[]? Low { get; }

    /// <summary>Volume (shares or contracts), or null when the format has none.</summary>
    public double[]? Volume { get; }

    /// <summary>Number of rows.</summary>
    public int Count => Dates.Length;

    /// <summary>True when the series carries open, high and low.</summary>
    public bool HasOhlc => Open is not null && High is not null && Low is not null;

    /// <summary>First date, or null when empty.</summary>
    public DateOnly? First => Dates.Length == 0 ? null : Dates[0];

    /// <summary>Last date, or null when empty.</summary>
    public DateOnly? Last => Dates.Length == 0 ? null : Dates[^1];

    /// <summary>Index of <paramref name="date"/>, or the bitwise complement of its insertion point.</summary>
    public int IndexOf(DateOnly date) => Array.BinarySearch(Dates, date);

    /// <summary>The close on <paramref name="date"/>, or NaN when the series has no row that day.</summary>
    public double CloseOn(DateOnly date)
    {
        int i = IndexOf(date);
        return i >= 0 ? Close[i] : double.NaN;
    }
}
