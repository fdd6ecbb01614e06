using System.Globalization;
using Alvh.Data.Csv;
using Alvh.MarketData;

namespace Alvh.Data.Readers;

/// <summary>
/// Event calendars. Two shapes:
/// <list type="bullet">
/// <item>FOMC meetings: <c>start_date,end_date,type[,source,source_text]</c>; the event date is the
/// end (decision) date; <c>type</c> is <c>scheduled</c> or <c>unscheduled</c>.</item>
/// <item>Any macro calendar: <c>date,event[,importance][,kind]</c> (CPI, PPI, ...). The kind is the
/// <c>kind</c> column when present, otherwise the file's id (e.g. <c>cpi</c> for <c>cpi.csv</c>).</item>
/// </list>
/// Events are sorted by date (the file may list them in any order); identical duplicates are dropped.
/// </summary>
public static class EventCalendarReader
{
    /// <summary>Format name for FOMC meeting lists.</summary>
    public const string FomcFormat = "fomc-meetings";

    /// <summary>Format name for generic event lists.</summary>
    public const string EventsFormat = "events";

    /// <summary>Reads an event calendar from disk.</summary>
    public static Loaded<EventCalendar> Read(string path, string id, string? file = null)
    {
        file ??= Path.GetFileName(path);
        return Parse(CsvFile.ReadText(path, file), id, file);
    }

    /// <summary>True when the header looks like an event calendar of either shape.</summary>
    public static bool Recognises(IReadOnlyList<string> header) =>
        header.Any(h => h.Equals("end_date", StringComparison.OrdinalIgnoreCase)) && header.Any(h => h.Equals("start_date", StringComparison.OrdinalIgnoreCase))
        || header.Count >= 2 && header[0].Equals("date", StringComparison.OrdinalIgnoreCase) && header.Any(h => h.Equals("event", StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses an event calendar.</summary>
    public static Loaded<EventCalendar> Parse(string text, string id, string file)
    {
        using var csv = CsvTable.FromText(text, file);
        var events = new List<(MarketEvent Event, int Line)>();
        string format;
        if (csv.Find("end_date") >= 0)
        {
            format = FomcFormat;
            int iStart = csv.Require("start_date");
            int iEnd = csv.Require("end_date");
            int iType = csv.Find("type");
            int iText = csv.Find("source_text", "name", "event");
            int max = new[] { iStart, iEnd, iType, iText }.Max();
            foreach (var row in csv.Rows)
            {
                int line = row.LineNumberFrom;
                csv.RequireColumns(row, max);
                var start = CsvField.Date(row[iStart].Span, file, line, csv.Name(iStart));
                var end = CsvField.Date(row[iEnd].Span, file, line, csv.Name(iEnd));
                if (end < start) throw new DataFormatException(file, line, csv.Name(iEnd), $"end date {DailyRows.Iso(end)} is before the start date {DailyRows.Iso(start)}");
                bool scheduled = true;
                if (iType >= 0)
                {
                    var type = row[iType].Span.Trim();
                    if (type.Equals("unscheduled", StringComparison.OrdinalIgnoreCase)) scheduled = false;
                    else if (!type.Equals("scheduled", StringComparison.OrdinalIgnoreCase) && !type.IsEmpty)
                    {
                        throw new DataFormatException(file, line, csv.Name(iType), $"unknown meeting type '{type.ToString()}' (expected scheduled or unscheduled)");
                    }
                }
                string name = iText >= 0 ? row[iText].Span.Trim().ToString() : "FOMC meeting";
                events.Add((new MarketEvent(end, "fomc", name, scheduled ? 3 : 2, start, scheduled), line));
            }
        }
        else
        {
            format = EventsFormat;
            int iDate = csv.Require("date");
            int iEvent = csv.Require("event");
            int iImp = csv.Find("importance");
            int iKind = csv.Find("kind");
            int max = new[] { iDate, iEvent, iImp, iKind }.Max();
            foreach (var row in csv.Rows)
            {
                int line = row.LineNumberFrom;
                csv.RequireColumns(row, max);
                var date = CsvField.Date(row[iDate].Span, file, line, csv.Name(iDate));
                var name = row[iEvent].Span.Trim().ToString();
                if (name.Length == 0) throw new DataFormatException(file, line, csv.Name(iEvent), "event name is missing");
                int importance = 0;
                if (iImp >= 0 && !row[iImp].Span.Trim().IsEmpty)
                {
                    if (!int.TryParse(row[iImp].Span.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out importance))
                    {
                        throw new DataFormatException(file, line, csv.Name(iImp), $"not an integer: '{row[iImp].Span.Trim().ToString()}'");
                    }
                }
                string kind = iKind >= 0 && !row[iKind].Span.Trim().IsEmpty ? row[iKind].Span.Trim().ToString().ToLowerInvariant() : id;
                events.Add((new MarketEvent(date, kind, name, importance, date, true), line));
            }
        }

        // Sources list meetings in their own order; sort stably by date and drop identical repeats.
        var sorted = events.OrderBy(e => e.Event.Date).ThenBy(e => e.Line).ToList();
        var kept = new List<MarketEvent>(sorted.Count);
        var issues = new List<DataIssue>();
        for (int i = 0; i < sorted.Count; i++)
        {
            if (kept.Count > 0 && kept[^1] == sorted[i].Event)
            {
                issues.Add(new DataIssue(file, sorted[i].Line, "duplicate", $"duplicate event {DailyRows.Iso(sorted[i].Event.Date)} '{sorted[i].Event.Name}', dropped"));
                continue;
            }
            kept.Add(sorted[i].Event);
        }
        return new Loaded<EventCalendar>(new EventCalendar(id, file, kept), format, kept.Count, issues);
    }
}
