using System.Globalization;
using System.Text;
using System.Text.Json;
using Alvh.MarketData;

namespace Alvh.Cli.Commands;

/// <summary>
/// The JSON of <c>alvh data info --json</c>:
/// <c>{"folder":..,"calendar":{"first","last","days"},"series":[{"id","file","format","first","last","rows","issues":[{"file","line","kind","severity","message"}]}],"rules":[..]}</c>.
/// Written with a fixed property order so the same data gives the same bytes.
/// </summary>
internal static class DataInfoJson
{
    public static string Write(MarketDataSet set)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Alvh.Data.Output.JsonOut.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("folder", set.Folder);
            w.WriteStartObject("calendar");
            WriteDate(w, "first", set.Calendar.Count > 0 ? set.Calendar.First : null);
            WriteDate(w, "last", set.Calendar.Count > 0 ? set.Calendar.Last : null);
            w.WriteNumber("days", set.Calendar.Count);
            w.WriteEndObject();
            w.WriteStartArray("series");
            foreach (var s in set.Series)
            {
                w.WriteStartObject();
                w.WriteString("id", s.Id);
                w.WriteString("file", s.File);
                w.WriteString("format", s.Format);
                WriteDate(w, "first", s.First);
                WriteDate(w, "last", s.Last);
                w.WriteNumber("rows", s.Rows);
                w.WriteStartArray("issues");
                foreach (var i in s.Issues)
                {
                    w.WriteStartObject();
                    w.WriteString("file", i.File);
                    w.WriteNumber("line", i.Line);
                    w.WriteString("kind", i.Kind);
                    w.WriteString("severity", i.Severity == IssueSeverity.Info ? "info" : "warning");
                    w.WriteString("message", i.Message);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("rules");
            foreach (var r in set.RulesApplied) w.WriteStringValue(r);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteDate(Utf8JsonWriter w, string name, DateOnly? d)
    {
        if (d is null) w.WriteNull(name);
        else w.WriteString(name, d.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
