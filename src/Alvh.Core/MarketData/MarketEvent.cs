namespace Alvh.MarketData;

/// <summary>
/// A dated macro event: an FOMC decision, a CPI or PPI release, or any event from a
/// <c>date,event[,importance]</c> file.
/// </summary>
/// <param name="Date">Day of the event (for FOMC: the decision/statement day).</param>
/// <param name="Kind">Event kind in lower case: <c>fomc</c>, <c>cpi</c>, <c>ppi</c>, ...</param>
/// <param name="Name">Description from the source.</param>
/// <param name="Importance">Importance from the source (higher is more important); 0 when not given.</param>
/// <param name="StartDate">First day (for multi-day meetings); equals <paramref name="Date"/> otherwise.</param>
/// <param name="Scheduled">False for unscheduled FOMC actions; true otherwise.</param>
public readonly record struct MarketEvent(DateOnly Date, string Kind, string Name, int Importance, DateOnly StartDate, bool Scheduled);
