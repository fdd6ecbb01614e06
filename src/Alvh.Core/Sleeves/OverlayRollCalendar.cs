using Alvh.Calendars;

namespace Alvh.Sleeves;

/// <summary>
/// The roll dates of an <see cref="OptionOverlaySleeve"/>: pure calendar rules (no data), so a roll
/// date is known in advance like the exchange's expiration calendar.
/// </summary>
public static class OverlayRollCalendar
{
    /// <summary>The first expiration of <paramref name="roll"/>'s calendar strictly after <paramref name="after"/>.</summary>
    /// <param name="roll">The calendar.</param>
    /// <param name="after">Any date.</param>
    /// <returns>
    /// SpxMonthly: the standard monthly SPX expiry (<see cref="SpxExpirations.StandardMonthly"/>); SpxWeekly:
    /// the next Friday, or the business day before it when it is a holiday (Cboe Weeklys specifications);
    /// VixMonthly: the next VX final settlement date (<see cref="VxExpirations.ForContractMonth"/>).
    /// </returns>
    public static DateOnly NextExpiry(OverlayRoll roll, DateOnly after)
    {
        switch (roll)
        {
            case OverlayRoll.SpxMonthly:
                for (var month = new DateOnly(after.Year, after.Month, 1); ; month = month.AddMonths(1))
                {
                    var e = SpxExpirations.StandardMonthly(month.Year, month.Month);
                    if (e > after) return e;
                }
            case OverlayRoll.SpxWeekly:
                for (var d = after.AddDays(1); ; d = d.AddDays(1))
                {
                    if (d.DayOfWeek != DayOfWeek.Friday) continue;
                    var e = NyseHolidays.OnOrBeforeBusinessDay(d);
                    if (e > after) return e;
                }
            case OverlayRoll.VixMonthly:
                for (var month = new DateOnly(after.Year, after.Month, 1); ; month = month.AddMonths(1))
                {
                    var e = VxExpirations.ForContractMonth(month.Year, month.Month);
                    if (e > after) return e;
                }
            default:
                throw new ArgumentOutOfRangeException(nameof(roll), roll, "unknown roll calendar");
        }
    }
}
