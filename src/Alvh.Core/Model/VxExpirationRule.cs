using Alvh.MarketData;

namespace Alvh.Model;

/// <summary>
/// Fallback VX expiration rule, used only for contract months absent from the data: the
/// Wednesday 30 days before the third Friday of the following month (Cboe VX contract
/// specification). Holidays are inferred from the trading calendar where it covers the dates — a
/// third Friday that is not a trading day moves to the previous trading day before subtracting 30
/// days, and a settlement day that is not a trading day moves to the previous trading day —
/// and outside the calendar no holiday adjustment is made.
/// </summary>
internal static class VxExpirationRule
{
    public static DateOnly ForContractMonth(int year, int month, TradingCalendar calendar)
    {
        var next = new DateOnly(year, month, 1).AddMonths(1);
        var first = next;
        while (first.DayOfWeek != DayOfWeek.Friday) first = first.AddDays(1);
        var thirdFriday = first.AddDays(14);
        var reference = PreviousTradingDayIfHoliday(thirdFriday, calendar);
        return PreviousTradingDayIfHoliday(reference.AddDays(-30), calendar);
    }

    private static DateOnly PreviousTradingDayIfHoliday(DateOnly date, TradingCalendar calendar)
    {
        if (calendar.Count == 0 || date < calendar.First || date > calendar.Last || calendar.IsTradingDay(date)) return date;
        int i = calendar.IndexOnOrBefore(date);
        return i >= 0 ? calendar[i] : date;
    }
}
