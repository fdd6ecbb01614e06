namespace Alvh.MarketData;

/// <summary>A list of events of one file, sorted by date.</summary>
/// <param name="Id">Series id, e.g. <c>fomc</c>, <c>cpi</c>.</param>
/// <param name="File">File read.</param>
/// <param name="Events">Events, oldest first.</param>
public sealed record EventCalendar(string Id, string File, IReadOnlyList<MarketEvent> Events)
{
    /// <summary>First event date, or null when empty.</summary>
    public DateOnly? First => Events.Count == 0 ? null : Events[0].Date;

    /// <summary>Last event date, or null when empty.</summary>
    public DateOnly? Last => Events.Count == 0 ? null : Events[^1].Date;
}
