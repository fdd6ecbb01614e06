using Alvh.Calendars;

namespace Alvh.Research.Scenarios;

/// <summary>Trading days of a simulated future: NYSE business days (rule-based holidays) after the last historical day.</summary>
public static class ScenarioCalendar
{
    /// <summary>The first <c>years</c> calendar years of NYSE business days after <paramref name="lastHistoricalDay"/>.</summary>
    public static DateOnly[] Days(DateOnly lastHistoricalDay, double years)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(years);
        var end = lastHistoricalDay.AddDays((int)Math.Round(years * 365.25));
        var days = new List<DateOnly>();
        for (var d = lastHistoricalDay.AddDays(1); d <= end; d = d.AddDays(1)) if (NyseHolidays.IsBusinessDay(d)) days.Add(d);
        return [.. days];
    }
}
