using System.Text;
using System.Text.Json;
using Alvh.Data.Fetch;

namespace Alvh.Cli.Commands;

/// <summary>
/// JSON of <c>alvh data fetch --json</c>:
/// <c>{"folder":..,"succeeded":bool,"files":[{"source","file","url","status","rows","droppedRows","bytes","attempts","error"}]}</c>
/// (droppedRows: source rows the conversion left out, as Yahoo bars without a price).
/// </summary>
internal static class FetchJson
{
    public static string Write(FetchReport report)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Alvh.Data.Output.JsonOut.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("folder", report.DataFolder);
            w.WriteBoolean("succeeded", report.Succeeded);
            w.WriteStartArray("files");
            foreach (var f in report.Files)
            {
                w.WriteStartObject();
                w.WriteString("source", f.Source);
                w.WriteString("file", f.Name);
                w.WriteString("url", f.Url);
                w.WriteString("status", f.Status.ToString().ToLowerInvariant());
                w.WriteNumber("rows", f.Rows);
                w.WriteNumber("droppedRows", f.DroppedRows);
                w.WriteNumber("bytes", f.Bytes);
                w.WriteNumber("attempts", f.Attempts);
                if (f.Error is null) w.WriteNull("error");
                else w.WriteString("error", f.Error);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
