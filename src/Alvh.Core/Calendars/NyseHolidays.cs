namespace Alvh.Calendars;

/// <summary>
/// NYSE (and Cboe, which follows it) full-day holidays from rules, for expiration arithmetic
/// (option and futures calendars, the data fetcher). Valid from 1998, when Martin Luther King Jr. Day became an exchange holiday.
/// </summary>
/// <remarks>
/// Rules (NYSE Rule 7.2 and the published holiday calendars): New Year's Day (Sunday → Monday;
/// a Saturday New Year is not made up on the Friday before); Martin Luther King Jr. Day, third
/// Monday of January; Washington's Birthday, third Monday of February; Good Friday, two days
/// before Easter Sunday (Gregorian computus); Memorial Day, last Monday of May; Juneteenth,
/// 19 June from 2022; Independence Day, 4 July; Labor Day, first Monday of September;
/// Thanksgiving, fourth Thursday of November; Christmas, 25 December. Juneteenth, Independence
/// Day and Christmas move to the Friday before when on a Saturday and to the Monday after when on
/// a Sunday. Unscheduled closures (11–14 Sep 2001, national days of mourning, Hurricane Sandy)
/// are listed explicitly; half days are business days.
/// </remarks>
public static class NyseHolidays
{
    // Closures no rule predicts: 9/11, days of mourning (Reagan, Ford, G. H. W. Bush, Carter), Hurricane Sandy.
    private static readonly DateOnly[] UnscheduledClosures =
    [
        new(2001, 9, 11), new(2001, 9, 12), new(2001, 9, 13), new(2001, 9, 14),
        new(2004, 6, 11), new(2007, 1, 2), new(2012, 10, 29), new(2012, 10, 30),
        new(2018, 12, 5), new(2025, 1, 9),
    ];

    /// <summary>True when the exchange is closed all day on <paramref name="date"/> for a holiday (weekends excluded).</summary>
    public static bool IsHoliday(DateOnly date)
    {
        int index = date.DayNumber - TableStart.DayNumber;
        return (uint)index < (uint)HolidayTable.Length ? HolidayTable[index] : IsHolidayByRule(date);
    }

    // The rules evaluated once for 1950-2150 (about 2,000 dates, microseconds): expiry arithmetic asks
    // about the same days millions of times a study. Immutable after the type initialiser.
    private static readonly DateOnly TableStart = new(1950, 1, 1);
    private static readonly bool[] HolidayTable = BuildHolidayTable(TableStart, new DateOnly(2150, 12, 31));

    private static bool[] BuildHolidayTable(DateOnly first, DateOnly last)
    {
        var table = new bool[last.DayNumber - first.DayNumber + 1];
        for (int year = first.Year; year <= last.Year; year++)
        {
            DateOnly[] candidates =
            [
                NewYearObserved(year), NthWeekday(year, 1, DayOfWeek.Monday, 3), NthWeekday(year, 2, DayOfWeek.Monday, 3),
                EasterSunday(year).AddDays(-2), LastWeekday(year, 5, DayOfWeek.Monday), ObservedFixed(year, 6, 19),
                ObservedFixed(year, 7, 4), NthWeekday(year, 9, DayOfWeek.Monday, 1), NthWeekday(year, 11, DayOfWeek.Thursday, 4),
                ObservedFixed(year, 12, 25),
            ];
            foreach (var d in candidates)
            {
                // The rule check keeps the table equal to the rules by construction (Juneteenth from 2022 only, and a
                // candidate is a holiday of its own year only).
                int i = d.DayNumber - first.DayNumber;
                if ((uint)i < (uint)table.Length && IsHolidayByRule(d)) table[i] = true;
            }
        }
        foreach (var d in UnscheduledClosures)
        {
            int i = d.DayNumber - first.DayNumber;
            if ((uint)i < (uint)table.Length) table[i] = true;
        }
        return table;
    }

    private static bool IsHolidayByRule(DateOnly date)
    {
        if (Array.IndexOf(UnscheduledClosures, date) >= 0) return true;
        int year = date.Year;
        return date == NewYearObserved(year)
            || date == NthWeekday(year, 1, DayOfWeek.Monday, 3)
            || date == NthWeekday(year, 2, DayOfWeek.Monday, 3)
            || date == EasterSunday(year).AddDays(-2)
            || date == LastWeekday(year, 5, DayOfWeek.Monday)
            || (year >= 2022 && date == ObservedFixed(year, 6, 19))
            || date == ObservedFixed(year, 7, 4)
            || date == NthWeekday(year, 9, DayOfWeek.Monday, 1)
            || date == NthWeekday(year, 11, DayOfWeek.Thursday, 4)
            || date == ObservedFixed(year, 12, 25);
    }

    /// <summary>True when <paramref name="date"/> is a weekday and not a holiday.</summary>
    public static bool IsBusinessDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(date);

    /// <summary>The last business day strictly before <paramref name="date"/>.</summary>
    public static DateOnly PreviousBusinessDay(DateOnly date)
    {
        var d = date.AddDays(-1);
        while (!IsBusinessDay(d)) d = d.AddDays(-1);
        return d;
    }

    /// <summary>The first business day strictly after <paramref name="date"/>.</summary>
    public static DateOnly NextBusinessDay(DateOnly date)
    {
        var d = date.AddDays(1);
        while (!IsBusinessDay(d)) d = d.AddDays(1);
        return d;
    }

    /// <summary><paramref name="date"/> itself when a business day, else the last business day before it.</summary>
    public static DateOnly OnOrBeforeBusinessDay(DateOnly date) => IsBusinessDay(date) ? date : PreviousBusinessDay(date);

    /// <summary>The last business day of a month (e.g. the expiry of an end-of-month option).</summary>
    public static DateOnly LastBusinessDayOfMonth(int year, int month) =>
        OnOrBeforeBusinessDay(new DateOnly(year, month, DateTime.DaysInMonth(year, month)));

    /// <summary>Easter Sunday of <paramref name="year"/> (Gregorian calendar; anonymous Meeus/Jones/Butcher algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31;
        int day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The <paramref name="n"/>-th (1-based) <paramref name="weekday"/> of a month.</summary>
    public static DateOnly NthWeekday(int year, int month, DayOfWeek weekday, int n)
    {
        var first = new DateOnly(year, month, 1);
        int offset = ((int)weekday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }

    private static DateOnly LastWeekday(int year, int month, DayOfWeek weekday)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        int back = ((int)last.DayOfWeek - (int)weekday + 7) % 7;
        return last.AddDays(-back);
    }

    private static DateOnly ObservedFixed(int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);
        return date.DayOfWeek switch
        {
            DayOfWeek.Saturday => date.AddDays(-1),
            DayOfWeek.Sunday => date.AddDays(1),
            _ => date,
        };
    }

    private static DateOnly NewYearObserved(int year)
    {
        var date = new DateOnly(year, 1, 1);
        return date.DayOfWeek == DayOfWeek.Sunday ? date.AddDays(1) : date;
    }
}
