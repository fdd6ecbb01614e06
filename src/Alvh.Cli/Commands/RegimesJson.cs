using System.Globalization;
using System.Text;
using System.Text.Json;
using Alvh.Regimes;

namespace Alvh.Cli.Commands;

/// <summary>
/// The JSON of <c>alvh regimes --json</c>:
/// <c>{"episodes":[{"start","peakDate","peak","end"(null when open),"tradingDays"}],
/// "windows":[{"id","name","start","end","reason","maxVix"(null without data),"maxVixDate","tradingDays",
/// "regimes":{"calm","normal","elevated","high","extreme","unknown"}}]}</c>. Fixed property order; numbers round-trip.
/// </summary>
internal static class RegimesJson
{
    public static string Write(IReadOnlyList<HighVixEpisode> episodes, IReadOnlyList<StudyWindowVix> windows, int vixRows)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Alvh.Data.Output.JsonOut.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteStartArray("episodes");
            foreach (var e in episodes)
            {
                w.WriteStartObject();
                w.WriteString("start", Iso(e.Start));
                w.WriteString("peakDate", Iso(e.PeakDate));
                w.WriteNumber("peak", e.Peak);
                if (e.End is { } end) w.WriteString("end", Iso(end));
                else w.WriteNull("end");
                w.WriteNumber("tradingDays", RegimesCommand.TradingDays(e, vixRows));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("windows");
            foreach (var s in windows)
            {
                w.WriteStartObject();
                w.WriteString("id", s.Window.Id);
                w.WriteString("name", s.Window.Name);
                w.WriteString("start", Iso(s.Window.Start));
                w.WriteString("end", Iso(s.Window.End));
                w.WriteString("reason", s.Window.Reason);
                if (s.MaxVix is { } max) w.WriteNumber("maxVix", max);
                else w.WriteNull("maxVix");
                if (s.MaxVixDate is { } at) w.WriteString("maxVixDate", Iso(at));
                else w.WriteNull("maxVixDate");
                w.WriteNumber("tradingDays", s.TradingDays);
                w.WriteStartObject("regimes");
                foreach (var r in (VixRegime[])[VixRegime.Calm, VixRegime.Normal, VixRegime.Elevated, VixRegime.High, VixRegime.Extreme, VixRegime.Unknown])
                {
                    w.WriteNumber(r.ToString().ToLowerInvariant(), s.DaysIn(r));
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
