namespace Alvh.Calendars;

/// <summary>
/// SPX option expiration dates from rules and Cboe's listing history: which dates expire, how
/// they settle, and which were listed (tradable) on a given day, so a backtest never trades an
/// expiry that did not yet exist.
/// </summary>
/// <remarks>
/// <para>Cycles and their launch, with sources (holidays from <see cref="NyseHolidays"/>):</para>
/// <list type="bullet">
/// <item>Standard monthly SPX: third Friday, A.M.-settled; when that Friday is a holiday the
/// previous business day (Good Friday 2014-04-18 → Thursday 2014-04-17, settled at Thursday's open;
/// Cboe Options Hub, 2014-04-15). Until 2015-02-15 the official "expiration date" was the Saturday
/// after; the settlement date used here is the Friday in both eras.</item>
/// <item>Friday Weeklys: first listed Friday 2005-10-28, first expiry Friday 2005-11-04, never on
/// a third Friday (Cboe press release "CBOE Creates Weeklys", 2005-09-09). A.M.-settled at first
/// (Cboe press release 2006-03-17: "SPX … Weeklys are European-style exercise with Friday A.M.
/// settlement"); the last A.M.-settled Weeklys expired 2010-12-03 and P.M.-settled End-of-Week
/// SPX options began trading 2010-12-02 for expiry 2010-12-10 (Cboe Weeklys contract
/// specifications, citing Regulatory Circular RG10-112). A Friday holiday moves expiry to the
/// previous business day (same specifications, note 1).</item>
/// <item>End-of-month SPXW: last business day of each month, P.M.-settled, trading from
/// 2014-07-07 (Cboe Options Hub, 2014-05-29: "Effective July 7, 2014, CBOE will begin trading new
/// S&amp;P 500 End-of-Month option series").</item>
/// <item>Wednesday SPXW: listed from Tuesday 2016-02-23, first expiries 2016-03-02 and 2016-03-09
/// (Cboe Options Hub, 2016-02-22). A Wednesday closure moves expiry to the Tuesday before (Cboe
/// notice on the national day of mourning of 2018-12-05).</item>
/// <item>Monday SPXW: listed from 2016-08-15, first expiries 2016-08-22 and 2016-08-29; "if the
/// Monday … coincides with an Exchange holiday, the expiration date will be on the next business
/// day (usually a Tuesday)" (Cboe Options Hub, 2016-08-11; CBOE press release 2016-07-12).</item>
/// <item>Tuesday and Thursday SPXW: "Tuesday expirations beginning Monday, April 18, and Thursday
/// expirations beginning Wednesday, May 11" 2022 (Cboe announcement reported by Traders Magazine,
/// 2022; plans announced 2022-02-03), giving expirations on every trading day. Their first
/// expiries are taken as the first such weekday at least seven days after listing began
/// (2022-04-26 and 2022-05-19), the pattern of every earlier launch; a Tuesday or Thursday
/// holiday is assumed to move expiry to the previous business day (not verified; since every
/// business day is an expiry from 2022-05-19 on, the assumption cannot change the set of dates).</item>
/// </list>
/// <para>
/// Not modelled: end-of-quarter SPXQ options (2007–2014; quarter ends off a Friday are missing
/// before 2014-07-07), LEAPS beyond <see cref="SpxListingHorizons.StandardDays"/>, and the P.M.-settled
/// SPXPM/SPXW series that also expire on standard third Fridays (from 2011): <see cref="Settlement"/>
/// reports the standard A.M. series for those dates.
/// </para>
/// <para>
/// VIX options expire on the VX futures' final settlement date (Wednesday 30 days before the next
/// month's standard SPX expiry), A.M.-settled: use <see cref="VxExpirations"/>.
/// </para>
/// </remarks>
public sealed class SpxExpirations
{
    /// <summary>First day Friday Weeklys were listed (Friday 2005-10-28).</summary>
    public static readonly DateOnly FridayWeeklyListingStart = new(2005, 10, 28);

    /// <summary>Last A.M.-settled Friday weekly expiry; later weeklies are P.M.-settled (2010-12-03).</summary>
    public static readonly DateOnly LastAmSettledWeekly = new(2010, 12, 3);

    /// <summary>From this date weeklies are listed <see cref="SpxListingHorizons.WeeklyDays"/> ahead, before it <see cref="SpxListingHorizons.EarlyWeeklyDays"/> (2013-02-19).</summary>
    public static readonly DateOnly MultiWeekListingStart = new(2013, 2, 19);

    /// <summary>First day end-of-month series traded (2014-07-07).</summary>
    public static readonly DateOnly EndOfMonthListingStart = new(2014, 7, 7);

    /// <summary>First day Wednesday weeklies were listed (2016-02-23).</summary>
    public static readonly DateOnly WednesdayListingStart = new(2016, 2, 23);

    /// <summary>First day Monday weeklies were listed (2016-08-15).</summary>
    public static readonly DateOnly MondayListingStart = new(2016, 8, 15);

    /// <summary>First day Tuesday weeklies were listed (2022-04-18).</summary>
    public static readonly DateOnly TuesdayListingStart = new(2022, 4, 18);

    /// <summary>First day Thursday weeklies were listed (2022-05-11).</summary>
    public static readonly DateOnly ThursdayListingStart = new(2022, 5, 11);

    /// <summary>A calendar with the given listing horizons.</summary>
    /// <param name="horizons">How far ahead each cycle is listed.</param>
    public SpxExpirations(SpxListingHorizons horizons)
    {
        ArgumentNullException.ThrowIfNull(horizons);
        ArgumentOutOfRangeException.ThrowIfNegative(horizons.StandardDays);
        ArgumentOutOfRangeException.ThrowIfNegative(horizons.EndOfMonthDays);
        ArgumentOutOfRangeException.ThrowIfNegative(horizons.WeeklyDays);
        ArgumentOutOfRangeException.ThrowIfNegative(horizons.EarlyWeeklyDays);
        Horizons = horizons;
    }

    /// <summary>The calendar with <see cref="SpxListingHorizons.Default"/>.</summary>
    public static SpxExpirations Default { get; } = new(SpxListingHorizons.Default);

    /// <summary>The listing horizons in use.</summary>
    public SpxListingHorizons Horizons { get; }

    /// <summary>Expiry of the standard (A.M.-settled) SPX option of a month: the third Friday, or the business day before it when that Friday is a holiday.</summary>
    /// <param name="year">Calendar year.</param>
    /// <param name="month">Month, 1–12.</param>
    /// <returns>The settlement date.</returns>
    public static DateOnly StandardMonthly(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return NyseHolidays.OnOrBeforeBusinessDay(NyseHolidays.NthWeekday(year, month, DayOfWeek.Friday, 3));
    }

    /// <summary>Every SPX expiration that existed (by the rules above) from <paramref name="from"/> through <paramref name="to"/> inclusive, oldest first, one per date.</summary>
    /// <param name="from">First date.</param>
    /// <param name="to">Last date.</param>
    /// <returns>The expirations, regardless of when each was listed.</returns>
    /// <remarks>
    /// Pure and not cheap (every month and weekday of the range is walked): answers for ranges of two years or
    /// more are kept per range, since every simulated path of a Monte Carlo run asks for the same one (at most 64).
    /// </remarks>
    public static IReadOnlyList<SpxExpiration> ExpirationsBetween(DateOnly from, DateOnly to)
    {
        // Only the long ranges a market asks once per build are kept (short ones are asked per date and are cheap).
        if (to.DayNumber - from.DayNumber < LongRangeDays) return ComputeExpirationsBetween(from, to);
        if (RangeCache.TryGetValue((from, to), out var known)) return known;
        var computed = ComputeExpirationsBetween(from, to);
        if (RangeCache.Count >= 64) RangeCache.Clear();
        return RangeCache.GetOrAdd((from, to), computed);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(DateOnly, DateOnly), IReadOnlyList<SpxExpiration>> RangeCache = new();
    private const int LongRangeDays = 2 * 366;

    // Answers of NearestListed by (date, target, as-if): pure for this instance's horizons, asked for the same
    // dates by every run of a study and every path of a simulation (they share the calendar).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(DateOnly, int, bool), DateOnly?> _nearest = new();

    private static IReadOnlyList<SpxExpiration> ComputeExpirationsBetween(DateOnly from, DateOnly to)
    {
        var byDate = new SortedDictionary<DateOnly, SpxSeries>();
        void Add(DateOnly date, SpxSeries series)
        {
            if (date < from || date > to) return;
            if (!byDate.TryGetValue(date, out var existing) || series < existing) byDate[date] = series;
        }

        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            Add(StandardMonthly(month.Year, month.Month), SpxSeries.Standard);
            var endOfMonth = NyseHolidays.LastBusinessDayOfMonth(month.Year, month.Month);
            if (endOfMonth >= FirstExpiry(SpxSeries.EndOfMonth)) Add(endOfMonth, SpxSeries.EndOfMonth);
        }

        // Nominal weekdays a few days either side of the range, as holiday shifts move by a day or two.
        for (var nominal = from.AddDays(-4); nominal <= to.AddDays(4); nominal = nominal.AddDays(1))
        {
            var series = WeeklySeriesOn(nominal.DayOfWeek);
            if (series is not { } s || nominal < FirstExpiry(s)) continue;
            if (s == SpxSeries.FridayWeekly && nominal == NyseHolidays.NthWeekday(nominal.Year, nominal.Month, DayOfWeek.Friday, 3)) continue;
            Add(ShiftForHoliday(s, nominal), s);
        }

        var result = new List<SpxExpiration>(byDate.Count);
        foreach (var (date, series) in byDate) result.Add(new SpxExpiration(date, series, SettlementOf(series, date)));
        return result.AsReadOnly();
    }

    /// <summary>How the SPX options expiring on <paramref name="expiry"/> settle.</summary>
    /// <param name="expiry">An expiry date (any date: a business day that is no listed expiry, as in an as-if study, is treated as a P.M.-settled weekly).</param>
    /// <returns>A.M. for standard monthly dates and for Friday weeklies through 2010-12-03; P.M. otherwise.</returns>
    public static SettlementStyle Settlement(DateOnly expiry)
    {
        var found = ExpirationsBetween(expiry, expiry);
        return found.Count == 1 ? found[0].Settlement : SettlementStyle.PmClose;
    }

    /// <summary>
    /// Whether the SPX expiration <paramref name="expiry"/> was listed and tradable on
    /// <paramref name="onDate"/>: an expiry by the rules, a business day, on or after the launch of
    /// its cycle, within the listing horizon, and not past its last trading day (the business day
    /// before expiry for A.M.-settled series, the expiry day itself for P.M.-settled ones).
    /// </summary>
    /// <param name="expiry">Candidate expiry date.</param>
    /// <param name="onDate">Trading date of the question.</param>
    /// <returns>True when a series with that expiry could have been traded on that date.</returns>
    public bool IsListed(DateOnly expiry, DateOnly onDate)
    {
        if (expiry < onDate || !NyseHolidays.IsBusinessDay(onDate)) return false;
        foreach (var series in SeriesExpiringOn(expiry))
        {
            if (IsListed(series, expiry, onDate)) return true;
        }

        return false;
    }

    /// <summary>The expirations listed and tradable on <paramref name="onDate"/> that are at most <paramref name="maxDays"/> calendar days away, nearest first.</summary>
    /// <param name="onDate">Trading date.</param>
    /// <param name="maxDays">Largest days to expiry, calendar days (≥ 0).</param>
    /// <returns>The listed expirations; empty on a weekend or holiday.</returns>
    public IReadOnlyList<SpxExpiration> ListedExpirations(DateOnly onDate, int maxDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDays);
        var listed = new List<SpxExpiration>();
        if (!NyseHolidays.IsBusinessDay(onDate)) return listed;
        foreach (var e in ExpirationsBetween(onDate, onDate.AddDays(maxDays)))
        {
            if (IsListed(e.Date, onDate)) listed.Add(e);
        }

        return listed;
    }

    /// <summary>
    /// The expiry whose days to expiry are nearest to <paramref name="targetDaysToExpiry"/>
    /// (calendar days; ties go to the earlier date). By default only expirations listed on
    /// <paramref name="onDate"/> qualify; with <paramref name="asIf"/> any business day does, as
    /// if daily expirations had always existed (a counterfactual study, to be labelled as such).
    /// </summary>
    /// <param name="onDate">Trading date.</param>
    /// <param name="targetDaysToExpiry">Target days to expiry, calendar days (≥ 0).</param>
    /// <param name="asIf">Allow any business day instead of only listed expirations.</param>
    /// <returns>The expiry date; null when nothing qualifies (e.g. <paramref name="onDate"/> is not a business day).</returns>
    public DateOnly? NearestListed(DateOnly onDate, int targetDaysToExpiry, bool asIf = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(targetDaysToExpiry);
        if (_nearest.TryGetValue((onDate, targetDaysToExpiry, asIf), out var known)) return known;
        var found = FindNearestListed(onDate, targetDaysToExpiry, asIf);
        // Bounded by the trading days asked about times the few targets a strategy uses; cleared past a million.
        if (_nearest.Count > 1_000_000) _nearest.Clear();
        _nearest.TryAdd((onDate, targetDaysToExpiry, asIf), found);
        return found;
    }

    private DateOnly? FindNearestListed(DateOnly onDate, int targetDaysToExpiry, bool asIf)
    {
        if (!NyseHolidays.IsBusinessDay(onDate)) return null;
        if (asIf)
        {
            var target = onDate.AddDays(targetDaysToExpiry);
            if (NyseHolidays.IsBusinessDay(target)) return target;
            var before = NyseHolidays.PreviousBusinessDay(target);
            var after = NyseHolidays.NextBusinessDay(target);
            return before >= onDate && target.DayNumber - before.DayNumber <= after.DayNumber - target.DayNumber ? before : after;
        }

        int horizon = Math.Max(Math.Max(Horizons.StandardDays, Horizons.EndOfMonthDays), Math.Max(Horizons.WeeklyDays, Horizons.EarlyWeeklyDays));
        // The dates of ListedExpirations(onDate, max(horizon, target)) are exactly the days d in that window with
        // IsListed(d, onDate), so the nearest is found walking out from the target, the earlier of each pair first (ties
        // go to the earlier date): a few IsListed checks instead of listing the whole window (every business day from
        // 2022, a year of them), which was 5% of a simulated path's run while the memo fills.
        int first = onDate.DayNumber, aim = first + targetDaysToExpiry, last = first + Math.Max(horizon, targetDaysToExpiry);
        for (int gap = 0; aim - gap >= first || aim + gap <= last; gap++)
        {
            if (aim - gap >= first && IsListed(DateOnly.FromDayNumber(aim - gap), onDate)) return DateOnly.FromDayNumber(aim - gap);
            if (gap > 0 && aim + gap <= last && IsListed(DateOnly.FromDayNumber(aim + gap), onDate)) return DateOnly.FromDayNumber(aim + gap);
        }

        return null;
    }

    private bool IsListed(SpxSeries series, DateOnly expiry, DateOnly onDate)
    {
        if (onDate < ListingStart(series) || expiry < FirstExpiry(series)) return false;
        if (expiry == onDate && SettlementOf(series, expiry) == SettlementStyle.AmOpen) return false;
        int horizon = series switch
        {
            SpxSeries.Standard => Horizons.StandardDays,
            SpxSeries.EndOfMonth => Horizons.EndOfMonthDays,
            _ => onDate < MultiWeekListingStart ? Horizons.EarlyWeeklyDays : Horizons.WeeklyDays,
        };
        return expiry.DayNumber - onDate.DayNumber <= horizon;
    }

    /// <summary>Every cycle with an expiry on this date (a date can belong to several).</summary>
    private static IEnumerable<SpxSeries> SeriesExpiringOn(DateOnly expiry)
    {
        if (expiry == StandardMonthly(expiry.Year, expiry.Month)) yield return SpxSeries.Standard;
        if (expiry >= FirstExpiry(SpxSeries.EndOfMonth) && expiry == NyseHolidays.LastBusinessDayOfMonth(expiry.Year, expiry.Month)) yield return SpxSeries.EndOfMonth;
        for (int back = -4; back <= 4; back++)
        {
            var nominal = expiry.AddDays(back);
            if (WeeklySeriesOn(nominal.DayOfWeek) is not { } s || nominal < FirstExpiry(s)) continue;
            if (s == SpxSeries.FridayWeekly && nominal == NyseHolidays.NthWeekday(nominal.Year, nominal.Month, DayOfWeek.Friday, 3)) continue;
            if (ShiftForHoliday(s, nominal) == expiry) yield return s;
        }
    }

    private static SpxSeries? WeeklySeriesOn(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => SpxSeries.MondayWeekly,
        DayOfWeek.Tuesday => SpxSeries.TuesdayWeekly,
        DayOfWeek.Wednesday => SpxSeries.WednesdayWeekly,
        DayOfWeek.Thursday => SpxSeries.ThursdayWeekly,
        DayOfWeek.Friday => SpxSeries.FridayWeekly,
        _ => null,
    };

    // Monday weeklies roll forward over a holiday, every other weekday back (sources in the remarks).
    private static DateOnly ShiftForHoliday(SpxSeries series, DateOnly nominal) =>
        NyseHolidays.IsBusinessDay(nominal) ? nominal
        : series == SpxSeries.MondayWeekly ? NyseHolidays.NextBusinessDay(nominal)
        : NyseHolidays.PreviousBusinessDay(nominal);

    private static SettlementStyle SettlementOf(SpxSeries series, DateOnly date) =>
        series == SpxSeries.Standard || (series == SpxSeries.FridayWeekly && date <= LastAmSettledWeekly)
            ? SettlementStyle.AmOpen
            : SettlementStyle.PmClose;

    private static DateOnly ListingStart(SpxSeries series) => series switch
    {
        SpxSeries.Standard => DateOnly.MinValue,
        SpxSeries.EndOfMonth => EndOfMonthListingStart,
        SpxSeries.FridayWeekly => FridayWeeklyListingStart,
        SpxSeries.WednesdayWeekly => WednesdayListingStart,
        SpxSeries.MondayWeekly => MondayListingStart,
        SpxSeries.TuesdayWeekly => TuesdayListingStart,
        _ => ThursdayListingStart,
    };

    // First nominal expiry of a cycle: the first such date at least seven days after listing began
    // (2005-11-04, 2016-03-02, 2016-08-22, 2022-04-26, 2022-05-19); end-of-month: July 2014.
    private static DateOnly FirstExpiry(SpxSeries series)
    {
        if (series == SpxSeries.Standard) return DateOnly.MinValue;
        if (series == SpxSeries.EndOfMonth) return new DateOnly(2014, 7, 31);
        var earliest = ListingStart(series).AddDays(7);
        var weekday = series switch
        {
            SpxSeries.MondayWeekly => DayOfWeek.Monday,
            SpxSeries.TuesdayWeekly => DayOfWeek.Tuesday,
            SpxSeries.WednesdayWeekly => DayOfWeek.Wednesday,
            SpxSeries.ThursdayWeekly => DayOfWeek.Thursday,
            _ => DayOfWeek.Friday,
        };
        return earliest.AddDays(((int)weekday - (int)earliest.DayOfWeek + 7) % 7);
    }
}
