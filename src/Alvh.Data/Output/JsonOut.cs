using System.Globalization;
using System.Text;
using System.Text.Json;
using Alvh.Analytics;
using Alvh.Engine;

namespace Alvh.Data.Output;

/// <summary>
/// Shared JSON writing: fixed property order, numbers in round-trip form (NaN and infinities as null),
/// dates as <c>YYYY-MM-DD</c>, so the same results give the same bytes.
/// </summary>
public static class JsonOut
{
    /// <summary>
    /// The writers' options: indented, and text escaped only where JSON requires it ("S&amp;P 500", "≥" and "–" as written;
    /// the default encoder wrote S\u0026P and \u2265, escaping for HTML a file that is never embedded in a page).
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Runs <paramref name="write"/> on an indented writer and returns the text with a final newline.</summary>
    public static string Build(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            write(w);
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>
    /// Serializer options for the reports written from objects (montecarlo, walkforward, sweep --top): indented, numbers
    /// in round-trip form and NaN and infinities as null, as <see cref="Number"/> writes them (they were the strings
    /// "NaN" in fields that are otherwise numbers).
    /// </summary>
    public static JsonSerializerOptions ReportOptions(bool camelCase = false) => new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = camelCase ? JsonNamingPolicy.CamelCase : null,
        Converters = { new FiniteOrNull() },
    };

    private sealed class FiniteOrNull : System.Text.Json.Serialization.JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value)) writer.WriteNumberValue(value);
            else writer.WriteNullValue();
        }
    }

    /// <summary>Writes a number, or null when it is not finite.</summary>
    public static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value);
        else w.WriteNull(name);
    }

    /// <summary>Writes a date, or null.</summary>
    public static void Date(Utf8JsonWriter w, string name, DateOnly? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>Writes the headline metrics object (fractions; drawdowns negative).</summary>
    public static void Metrics(Utf8JsonWriter w, string name, MetricSet m)
    {
        w.WriteStartObject(name);
        Number(w, "totalReturn", m.TotalReturn);
        Number(w, "cagr", m.Cagr);
        Number(w, "xirr", m.Xirr);
        Number(w, "volatility", m.Volatility);
        Number(w, "sharpe", m.Sharpe);
        Number(w, "sortino", m.Sortino);
        Number(w, "calmar", m.Calmar);
        Number(w, "maxDrawdown", m.MaxDrawdown);
        Date(w, "maxDrawdownPeak", m.MaxDrawdownPeak);
        Date(w, "maxDrawdownTrough", m.MaxDrawdownTrough);
        Date(w, "maxDrawdownRecovery", m.MaxDrawdownRecovery);
        w.WriteNumber("maxDrawdownDays", m.MaxDrawdownDurationTradingDays);
        Number(w, "ulcer", m.Ulcer);
        Number(w, "var95", m.ValueAtRisk95);
        Number(w, "cvar95", m.ConditionalValueAtRisk95);
        Number(w, "skewness", m.Skewness);
        Number(w, "kurtosis", m.Kurtosis);
        Number(w, "beta", m.Beta);
        Number(w, "alpha", m.Alpha);
        Number(w, "correlationToVix", m.CorrelationToVix);
        w.WriteEndObject();
    }

    /// <summary>Writes the sleeves' records: <c>{"condor":{..},"hedge":{..},"drip":{..}}</c> (absent sleeves omitted).</summary>
    public static void Sleeves(Utf8JsonWriter w, string name, Runs.SleeveReport report)
    {
        w.WriteStartObject(name);
        if (report.Condor is { } c)
        {
            w.WriteStartObject("condor");
            w.WriteNumber("condors", c.Condors);
            Number(w, "hitRate", c.HitRate);
            Number(w, "averageCredit", c.AverageCredit);
            Number(w, "averagePnl", c.AveragePnl);
            Number(w, "totalPnl", c.TotalPnl);
            Number(w, "costs", c.Costs);
            w.WriteEndObject();
        }
        if (report.Hedge is { } h)
        {
            w.WriteStartObject("hedge");
            Number(w, "premiumPerYear", h.PremiumPerYear);
            Number(w, "carryPerYear", h.CarryPerYear);
            w.WriteNumber("monetisations", h.Monetisations);
            w.WriteNumber("tranches", h.Tranches);
            if (!double.IsNaN(h.HighVixLevel))
            {
                // The hedge's presence when the VIX is high: days above the level, and those with no long VIX call held.
                Number(w, "highVixLevel", h.HighVixLevel);
                w.WriteNumber("highVixDays", h.HighVixDays);
                w.WriteNumber("highVixDaysWithoutCall", h.HighVixDaysWithoutCall);
                if (h.LongestUncovered.Days > 0)
                {
                    w.WriteStartObject("longestWithoutCall");
                    Date(w, "first", h.LongestUncovered.First);
                    Date(w, "last", h.LongestUncovered.Last);
                    w.WriteNumber("days", h.LongestUncovered.Days);
                    w.WriteEndObject();
                }
            }
            w.WriteStartArray("spikePayoff");
            foreach (var (start, payoff) in h.SpikePayoff)
            {
                w.WriteStartObject();
                Date(w, "episodeStart", start);
                Number(w, "payoff", payoff);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        if (report.Drip is { } d)
        {
            w.WriteStartObject("drip");
            Number(w, "shares", d.Shares);
            Number(w, "sharesFromDividends", d.SharesFromDividends);
            Number(w, "dividendsReceived", d.DividendsReceived);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary>Writes the assumptions as an object keyed by name: <c>{"name":{"value","unit","reason"}}</c>.</summary>
    public static void Assumptions(Utf8JsonWriter w, string name, IEnumerable<Assumption> assumptions)
    {
        w.WriteStartObject(name);
        foreach (var a in assumptions.DistinctBy(a => a.Name))
        {
            w.WriteStartObject(a.Name);
            w.WriteString("value", a.Value);
            w.WriteString("unit", a.Unit);
            w.WriteString("reason", a.Reason);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
