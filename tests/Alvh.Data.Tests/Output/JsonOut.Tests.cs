using Alvh.Data.Output;

namespace Alvh.Data.Tests.Output;

public class JsonOutTests
{
    /// <summary>
    /// Text is escaped only where JSON requires it (RFC 8259 §7: the quotation mark, the reverse solidus and control
    /// characters): the default encoder wrote "S\u0026P" and "\u2265" into study.json and summary.json (review).
    /// </summary>
    [Fact]
    public void Text_is_escaped_only_where_json_requires_it()
    {
        string json = JsonOut.Build(w =>
        {
            w.WriteStartObject();
            w.WriteString("a", "S&P 500 ≥ 2–3 <x> 'q' \"d\" \\ \n");
            w.WriteEndObject();
        });
        json.Should().Be("{\n  \"a\": \"S&P 500 ≥ 2–3 <x> 'q' \\\"d\\\" \\\\ \\n\"\n}\n");
        System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("a").GetString().Should().Be("S&P 500 ≥ 2–3 <x> 'q' \"d\" \\ \n");
    }
}
