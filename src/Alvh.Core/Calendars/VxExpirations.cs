namespace Alvh.Calendars;

/// <summary>
/// Final settlement dates of the monthly VX (Cboe VIX) futures, from the contract specification.
/// </summary>
/// <remarks>
/// Cboe: "The final settlement date for a contract … is on the Wednesday that is 30 days prior to
/// the third Friday of the calendar month immediately following the month in which the contract
/// expires. If the third Friday of the month subsequent to expiration … is a Cboe holiday, the
/// final settlement date … shall be 30 days prior to the Cboe business day immediately preceding
/// that Friday." When the date so found is itself a holiday, the business day before it is used
/// (e.g. June 2024: Wednesday 19 June is Juneteenth, so the contract settled on 18 June).
/// Holidays are those of <see cref="NyseHolidays"/>. Monthly VIX options expire on the same date
/// as the VX future of their month (A.M.-settled by the Special Opening Quotation), so this is also
/// the VIX option calendar.
/// </remarks>
public static class VxExpirations
{
    /// <summary>Expiration (final settlement date) of the VX contract of <paramref name="year"/>-<paramref name="month"/>.</summary>
    public static DateOnly ForContractMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        // Worked out once per contract month: the option market asks for four months per layer and day, and the rule
        // walks the holiday calendar each time (about 2.5% of a simulated drip-condor-alvh path). Racing threads
        // store the same date; default (0001-01-01) marks a month not worked out yet.
        if (year < FirstCachedYear || year >= FirstCachedYear + CachedYears) return Settlement(year, month);
        int slot = ((year - FirstCachedYear) * 12) + month - 1;
        var known = Cached[slot];
        return known != default ? known : Cached[slot] = Settlement(year, month);
    }

    private const int FirstCachedYear = 1950;

    private const int CachedYears = 300;

    /// <summary>Contract months 1950 through 2249.</summary>
    private static readonly DateOnly[] Cached = new DateOnly[CachedYears * 12];

    private static DateOnly Settlement(int year, int month)
    {
        var next = new DateOnly(year, month, 1).AddMonths(1);
        var thirdFriday = NyseHolidays.NthWeekday(next.Year, next.Month, DayOfWeek.Friday, 3);
        var reference = NyseHolidays.IsHoliday(thirdFriday) ? NyseHolidays.PreviousBusinessDay(thirdFriday) : thirdFriday;
        var settlement = reference.AddDays(-30);
        return NyseHolidays.IsBusinessDay(settlement) ? settlement : NyseHolidays.PreviousBusinessDay(settlement);
    }

    /// <summary>
    /// Expirations of every monthly contract from the month of <paramref name="firstMonth"/> through
    /// the month of <paramref name="lastMonth"/> inclusive (days ignored), oldest first.
    /// </summary>
    public static IReadOnlyList<DateOnly> MonthlyBetween(DateOnly firstMonth, DateOnly lastMonth)
    {
        var result = new List<DateOnly>();
        for (var m = new DateOnly(firstMonth.Year, firstMonth.Month, 1); m <= lastMonth; m = m.AddMonths(1))
        {
            result.Add(ForContractMonth(m.Year, m.Month));
        }
        return result;
    }
}
