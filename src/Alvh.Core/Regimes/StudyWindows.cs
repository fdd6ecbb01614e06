namespace Alvh.Regimes;

/// <summary>
/// The named study windows. Dates are calendar dates chosen from public, well-documented events;
/// each window opens at (or just before) the trigger and closes after the stress resolved, so the
/// hedge's entry, peak and unwind are all inside. They frame studies only: the episodes themselves
/// are computed from the data by <see cref="HighVixEpisodes"/>.
/// </summary>
public static class StudyWindows
{
    /// <summary>2008 financial crisis: 2008-09-01 to 2009-06-30.</summary>
    public static StudyWindow FinancialCrisis2008 { get; } = new("2008", "2008 financial crisis",
        new DateOnly(2008, 9, 1), new DateOnly(2009, 6, 30),
        "Opens the month Lehman Brothers filed for Chapter 11 (2008-09-15); VIX closed at its then-record 80.86 "
        + "on 2008-11-20 and the S&P 500 bottomed on 2009-03-09; closes at the end of the recession as dated by "
        + "the NBER Business Cycle Dating Committee (trough June 2009).");

    /// <summary>2011 US downgrade: 2011-07-01 to 2011-10-31.</summary>
    public static StudyWindow UsDowngrade2011 { get; } = new("2011", "2011 US debt-ceiling crisis and downgrade",
        new DateOnly(2011, 7, 1), new DateOnly(2011, 10, 31),
        "Opens with the July 2011 debt-ceiling standoff; S&P lowered the US long-term rating to AA+ after the "
        + "close on Friday 2011-08-05 (S&P Global press release), VIX jumped to 48 on 2011-08-08; closes after "
        + "the S&P 500's correction low of 2011-10-03 and the October recovery.");

    /// <summary>August 2015: 2015-08-03 to 2015-10-30.</summary>
    public static StudyWindow China2015 { get; } = new("2015", "August 2015 yuan devaluation and flash crash",
        new DateOnly(2015, 8, 3), new DateOnly(2015, 10, 30),
        "The People's Bank of China devalued the yuan on 2015-08-11; on Monday 2015-08-24 US equities opened in "
        + "disarray (many ETF dislocations; Cboe VIX printed above 50 intraday); the window ends after the "
        + "September retest and the October rebound.");

    /// <summary>February 2018 "Volmageddon": 2018-01-26 to 2018-04-30.</summary>
    public static StudyWindow Volmageddon2018 { get; } = new("2018-02", "February 2018 Volmageddon",
        new DateOnly(2018, 1, 26), new DateOnly(2018, 4, 30),
        "Opens at the S&P 500 record close of 2018-01-26; on 2018-02-05 VIX more than doubled in one day (+116 %) "
        + "and inverse-VIX products collapsed (Credit Suisse announced the redemption of XIV on 2018-02-06); "
        + "closes after the early-April retest of the February lows.");

    /// <summary>Q4 2018 selloff: 2018-10-01 to 2018-12-31.</summary>
    public static StudyWindow Q4Selloff2018 { get; } = new("2018-q4", "Q4 2018 selloff",
        new DateOnly(2018, 10, 1), new DateOnly(2018, 12, 31),
        "The fourth quarter of 2018: rate-hike and trade-war fears took the S&P 500 from near its 2018-09-20 "
        + "record to the 2018-12-24 low (a drawdown near 20 %), after the FOMC hike of 2018-12-19.");

    /// <summary>2020 COVID crash: 2020-02-19 to 2020-06-30.</summary>
    public static StudyWindow Covid2020 { get; } = new("2020", "2020 COVID crash",
        new DateOnly(2020, 2, 19), new DateOnly(2020, 6, 30),
        "Opens at the S&P 500 record close of 2020-02-19; VIX closed at its all-time record 82.69 on 2020-03-16 "
        + "and the S&P 500 bottomed on 2020-03-23 (Fed emergency facilities); closes at the end of Q2 2020 after "
        + "the recovery and the June retest.");

    /// <summary>2022 bear market: 2022-01-03 to 2022-12-30.</summary>
    public static StudyWindow BearMarket2022 { get; } = new("2022", "2022 bear market",
        new DateOnly(2022, 1, 3), new DateOnly(2022, 12, 30),
        "Calendar 2022: opens at the S&P 500 record close of 2022-01-03; the Fed's fastest hiking cycle in four "
        + "decades drove a bear market with the closing low on 2022-10-12; a grinding decline with a VIX that "
        + "rarely exceeded 35 — the opposite of a spike.");

    /// <summary>All windows, oldest first.</summary>
    public static IReadOnlyList<StudyWindow> All { get; } =
    [
        FinancialCrisis2008, UsDowngrade2011, China2015, Volmageddon2018, Q4Selloff2018, Covid2020, BearMarket2022,
    ];

    /// <summary>The window with this id (case-insensitive), or null.</summary>
    public static StudyWindow? Find(string id) =>
        All.FirstOrDefault(w => string.Equals(w.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The window with this id (case-insensitive).</summary>
    /// <exception cref="KeyNotFoundException">No window has this id.</exception>
    public static StudyWindow Get(string id) =>
        Find(id) ?? throw new KeyNotFoundException($"no study window '{id}'; known: {string.Join(", ", All.Select(w => w.Id))}");
}
