using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Alvh.Data.Fetch;

/// <summary>
/// Converts the JSON of Yahoo's public chart API (<c>/v8/finance/chart/{symbol}?interval=1d&amp;events=div</c>)
/// into the daily-price and dividend CSV files of the data folder.
/// </summary>
/// <remarks>
/// Shape read: <c>chart.result[0].timestamp[]</c> (Unix seconds of each session's start),
/// <c>indicators.quote[0].{open,high,low,close,volume}[]</c> (null where Yahoo has no value),
/// <c>events.dividends{"ts": {"amount", "date"}}</c>, and <c>meta.exchangeTimezoneName</c> /
/// <c>meta.gmtoffset</c>. Timestamps become dates in the exchange's time zone (America/New_York
/// for SPY and ^GSPC); when the zone is unknown the fixed <c>gmtoffset</c> is used, which gives
/// the same dates because session timestamps sit mid-morning. Prices that are exactly a 32-bit
/// float (Yahoo's storage, e.g. 899.219970703125) are written as the shortest decimal of that
/// float (899.22); other values as the shortest decimal of the double. Bars with a null open,
/// high, low or close are dropped and counted; when two bars fall on one date (Yahoo may append
/// the live session) the later is kept. A bar for the current session may be partial.
/// </remarks>
public static class YahooChartConverter
{
    /// <summary>Converts the bars to <c>Date,Open,High,Low,Close,Volume</c> with ISO dates, oldest first.</summary>
    /// <exception cref="FormatException">The JSON is not a chart result (the message quotes Yahoo's error when it gives one).</exception>
    public static ConvertedCsv ToDailyPricesCsv(ReadOnlySpan<byte> json)
    {
        using var doc = Parse(json, out var result);
        var zone = ExchangeZone(result);
        var bars = new SortedDictionary<DateOnly, string>();
        int dropped = 0;
        if (result.TryGetProperty("timestamp", out var timestamps) && timestamps.ValueKind == JsonValueKind.Array)
        {
            // Each step of the shape is checked: an indicators object without a quote, or a null timestamp, ended the whole
            // fetch with an internal error naming neither the series nor the URL.
            if (!(result.TryGetProperty("indicators", out var indicators) && indicators.ValueKind == JsonValueKind.Object
                && indicators.TryGetProperty("quote", out var quotes) && quotes.ValueKind == JsonValueKind.Array && quotes.GetArrayLength() > 0
                && quotes[0].ValueKind == JsonValueKind.Object))
            {
                throw new FormatException("Yahoo chart: timestamps without indicators.quote[0]");
            }
            var quote = quotes[0];
            var open = Column(quote, "open");
            var high = Column(quote, "high");
            var low = Column(quote, "low");
            var close = Column(quote, "close");
            var volume = Column(quote, "volume");
            int n = timestamps.GetArrayLength();
            for (int i = 0; i < n; i++)
            {
                double? o = Number(open, i), h = Number(high, i), l = Number(low, i), c = Number(close, i);
                if (o is null || h is null || l is null || c is null)
                {
                    dropped++;
                    continue;
                }
                if (timestamps[i].ValueKind != JsonValueKind.Number || !timestamps[i].TryGetInt64(out long ts))
                {
                    throw new FormatException(FormattableString.Invariant($"Yahoo chart: timestamp {i} is {timestamps[i].GetRawText()}, not a whole number of seconds"));
                }
                var date = ToDate(ts, zone);
                if (bars.ContainsKey(date)) dropped++;
                double? v = Number(volume, i);
                bars[date] = string.Join(',',
                    date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    FormatPrice(o.Value), FormatPrice(h.Value), FormatPrice(l.Value), FormatPrice(c.Value),
                    v is null ? "" : v.Value.ToString("0", CultureInfo.InvariantCulture));
            }
        }
        return Build(SourceCatalog.DailyPricesHeader, bars.Values, dropped);
    }

    /// <summary>Converts the dividend events to <c>ex_date,amount,pay_date</c> (pay date empty), oldest first.</summary>
    /// <exception cref="FormatException">The JSON is not a chart result.</exception>
    public static ConvertedCsv ToDividendsCsv(ReadOnlySpan<byte> json)
    {
        using var doc = Parse(json, out var result);
        var zone = ExchangeZone(result);
        var rows = new SortedDictionary<DateOnly, string>();
        int dropped = 0;
        if (result.TryGetProperty("events", out var events) && events.ValueKind == JsonValueKind.Object
            && events.TryGetProperty("dividends", out var dividends) && dividends.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in dividends.EnumerateObject())
            {
                var d = entry.Value;
                if (!d.TryGetProperty("amount", out var amount) || amount.ValueKind != JsonValueKind.Number)
                {
                    dropped++;
                    continue;
                }
                long ts;
                if (!(d.TryGetProperty("date", out var t) && t.ValueKind == JsonValueKind.Number && t.TryGetInt64(out ts))
                    && !long.TryParse(entry.Name, NumberStyles.Integer, CultureInfo.InvariantCulture, out ts))
                {
                    throw new FormatException($"Yahoo chart: dividend '{entry.Name}' has no date in seconds");
                }
                var exDate = ToDate(ts, zone);
                rows[exDate] = $"{exDate:yyyy-MM-dd},{FormatPrice(amount.GetDouble())},";
            }
        }
        return Build(SourceCatalog.DividendsHeader, rows.Values, dropped);
    }

    /// <summary>
    /// Decimal text of a Yahoo price: the shortest round-trip text of the 32-bit float when the
    /// value is exactly one (removing float artefacts such as 899.219970703125), else of the double.
    /// </summary>
    public static string FormatPrice(double value) =>
        (double)(float)value == value
            ? ((float)value).ToString("R", CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);

    private static JsonDocument Parse(ReadOnlySpan<byte> json, out JsonElement result)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json.ToArray());
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Yahoo chart: not valid JSON ({ex.Message})", ex);
        }
        var root = doc.RootElement;
        if (root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty("chart", out var chart)
            && chart.TryGetProperty("result", out var results)
            && results.ValueKind == JsonValueKind.Array
            && results.GetArrayLength() > 0)
        {
            result = results[0];
            return doc;
        }
        string detail = root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty("chart", out var c)
            && c.TryGetProperty("error", out var error)
            && error.ValueKind == JsonValueKind.Object
            && error.TryGetProperty("description", out var description)
            ? $": {description.GetString()}"
            : "";
        doc.Dispose();
        throw new FormatException($"Yahoo chart: no chart.result{detail}");
    }

    private static JsonElement Column(JsonElement quote, string name) =>
        quote.TryGetProperty(name, out var column) && column.ValueKind == JsonValueKind.Array ? column : default;

    private static double? Number(JsonElement column, int index) =>
        column.ValueKind == JsonValueKind.Array && index < column.GetArrayLength() && column[index].ValueKind == JsonValueKind.Number
            ? column[index].GetDouble()
            : null;

    // The exchange's zone when the system knows it, else the fixed offset Yahoo reports, else New York standard time.
    private static Func<long, DateTimeOffset> ExchangeZone(JsonElement result)
    {
        TimeSpan fallback = TimeSpan.FromHours(-5);
        if (result.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object)
        {
            if (meta.TryGetProperty("exchangeTimezoneName", out var name) && name.ValueKind == JsonValueKind.String
                && TimeZoneInfo.TryFindSystemTimeZoneById(name.GetString()!, out var zone))
            {
                return ts => TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(ts), zone);
            }
            if (meta.TryGetProperty("gmtoffset", out var offset) && offset.ValueKind == JsonValueKind.Number)
            {
                fallback = TimeSpan.FromSeconds(offset.GetInt32());
            }
        }
        return ts => DateTimeOffset.FromUnixTimeSeconds(ts).ToOffset(fallback);
    }

    private static DateOnly ToDate(long unixSeconds, Func<long, DateTimeOffset> zone)
    {
        // DateTimeOffset holds years 1 to 9999: a timestamp beyond them threw out of the converter.
        if (unixSeconds < -62_135_596_800 + 86_400 || unixSeconds > 253_402_300_799 - 86_400)
        {
            throw new FormatException(FormattableString.Invariant($"Yahoo chart: timestamp {unixSeconds} is not a date"));
        }
        return DateOnly.FromDateTime(zone(unixSeconds).DateTime);
    }

    private static ConvertedCsv Build(string header, IEnumerable<string> lines, int dropped)
    {
        var text = new StringBuilder(header).Append('\n');
        int rows = 0;
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
            rows++;
        }
        return new ConvertedCsv(text.ToString(), rows, dropped);
    }
}
