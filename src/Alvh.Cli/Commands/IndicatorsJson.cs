using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Alvh.Cli.Commands;

/// <summary>
/// The JSON of <c>alvh indicators --json</c>: <c>{"indicator":"rsi","series":"spx","parameters":{"period":14},"unit":"index, 0-100",
/// "values":[{"date":"YYYY-MM-DD","value":..},..]}</c>;
/// MACD rows carry <c>macd</c>, <c>signal</c>, <c>histogram</c> and Bollinger rows <c>middle</c>, <c>upper</c>,
/// <c>lower</c> instead of <c>value</c>. Numbers are the shortest text that round-trips to the same double
/// (Utf8JsonWriter), so the same input gives the same bytes.
/// </summary>
internal static class IndicatorsJson
{
    public static string Write(IndicatorTable table, IReadOnlyList<int> rows)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Alvh.Data.Output.JsonOut.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("indicator", table.Indicator);
            w.WriteString("series", table.Source);
            w.WriteStartObject("parameters");
            foreach (var (name, value) in table.Parameters) w.WriteNumber(name, value);
            w.WriteEndObject();
            w.WriteString("unit", table.Unit);
            w.WriteStartArray("values");
            foreach (int i in rows)
            {
                w.WriteStartObject();
                w.WriteString("date", table.Dates[i].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                for (int c = 0; c < table.Columns.Count; c++) w.WriteNumber(table.Columns[c], table.Values[c][i]);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
