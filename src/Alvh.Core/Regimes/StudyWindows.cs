namespace Alvh.Regimes;

/// <summary>
/// The named study windows. Dates are calendar dates chosen from public, well-documented events;
/// each window opens at (or just before) the trigger and closes after the stress resolved, so the
/// hedge's entry, peak and unwind are all inside. They frame studies only: the episodes themselves
/// are computed from the data by <see cref="HighVixEpisodes"/>. Every date and level quoted below was
/// checked against the cited public sources and against the Cboe VIX and S&amp;P 500 closes in the
/// shared data folder.
/// </summary>
public static class StudyWindows
{
    /// <summary>2008 financial crisis: 2008-09-01 to 2009-06-30.</summary>
    /// <remarks>
    /// Sources: Lehman Brothers' Chapter 11 filing on Monday 2008-09-15 (ABC News, "Lehman Bros. files for
    /// bankruptcy protection", 2008-09-15, abcnews.go.com/Business/story?id=5805288); the record VIX close
    /// of 80.86 on 2008-11-20 (Cboe VIX history; Compound Advisors, "When All News Is Bad News", 2020-03-16);
    /// the S&amp;P 500 closing low of 676.53 on 2009-03-09; the NBER Business Cycle Dating Committee's
    /// announcement of 2010-09-20 dating the trough to June 2009 (nber.org/cycles).
    /// </remarks>
    public static StudyWindow FinancialCrisis2008 { get; } = new("2008", "2008 financial crisis",
        new DateOnly(2008, 9, 1), new DateOnly(2009, 6, 30),
        "Opens the month Lehman Brothers filed for Chapter 11 (Monday 2008-09-15); VIX closed at its then-record "
        + "80.86 on 2008-11-20 and the S&P 500 closed at its low of 676.53 on 2009-03-09; closes at the end of the "
        + "recession as dated by the NBER Business Cycle Dating Committee (trough June 2009, announced 2010-09-20).");

    /// <summary>2011 US downgrade: 2011-07-01 to 2011-10-31.</summary>
    /// <remarks>
    /// Sources: S&amp;P Global Ratings, "United States of America Long-Term Rating Lowered To 'AA+' Due To
    /// Political Risks, Rising Debt Burden; Outlook Negative", 2011-08-05 (published after the close;
    /// CreditWatch placement 2011-07-14); VIX close 48.00 on 2011-08-08 and the S&amp;P 500 closing low of
    /// 1,099.23 on 2011-10-03 (Cboe VIX history, S&amp;P 500 history).
    /// </remarks>
    public static StudyWindow UsDowngrade2011 { get; } = new("2011", "2011 US debt-ceiling crisis and downgrade",
        new DateOnly(2011, 7, 1), new DateOnly(2011, 10, 31),
        "Opens with the July 2011 debt-ceiling standoff (S&P placed the US on CreditWatch negative on 2011-07-14); "
        + "S&P lowered the US long-term rating to AA+ after the close on Friday 2011-08-05 (S&P press release), "
        + "VIX closed at 48.00 on Monday 2011-08-08; closes after the S&P 500's closing low of 2011-10-03 and the "
        + "October recovery.");

    /// <summary>August 2015: 2015-08-03 to 2015-10-30.</summary>
    /// <remarks>
    /// Sources: the People's Bank of China's one-day 1.9 % cut of the yuan fixing to 6.2298 per dollar on
    /// 2015-08-11 (PBOC statement quoted by Trading Economics, "China Moves to Devalue Yuan", 2015-08-11); ETF.com,
    /// "Aug. 24, 2015 Flash Crash Part Of Wall St. History", 2016-08-22 (S&amp;P 500 down as much as 5.3 %,
    /// dozens of ETFs trading far below their underlying value); VIX intraday high 53.29 on 2015-08-24
    /// against a close of 40.74 (Cboe VIX history).
    /// </remarks>
    public static StudyWindow China2015 { get; } = new("2015", "August 2015 yuan devaluation and flash crash",
        new DateOnly(2015, 8, 3), new DateOnly(2015, 10, 30),
        "The People's Bank of China devalued the yuan on 2015-08-11; on Monday 2015-08-24 US equities opened in "
        + "disarray (the S&P 500 fell as much as 5.3 %, dozens of ETFs traded far below their holdings; VIX printed "
        + "53.29 intraday and closed at 40.74); the window ends after the late-September retest and the October rebound.");

    /// <summary>February 2018 "Volmageddon": 2018-01-26 to 2018-04-30.</summary>
    /// <remarks>
    /// Sources: S&amp;P 500 record close 2,872.87 on 2018-01-26; VIX close 17.31 on 2018-02-02 and 37.32 on
    /// 2018-02-05, +115.6 %, its largest one-day rise (Cboe VIX history; Wall Street Journal, 2018-02-07,
    /// "Credit Suisse ... event acceleration" of XIV); Credit Suisse's announcement on 2018-02-06 of the
    /// acceleration of the VelocityShares Daily Inverse VIX Short-Term ETN (XIV), last trading day 2018-02-20.
    /// </remarks>
    public static StudyWindow Volmageddon2018 { get; } = new("2018-02", "February 2018 Volmageddon",
        new DateOnly(2018, 1, 26), new DateOnly(2018, 4, 30),
        "Opens at the S&P 500 record close of 2018-01-26; on Monday 2018-02-05 VIX more than doubled in one day "
        + "(17.31 to 37.32, +115.6 %, its largest one-day rise) and inverse-VIX products collapsed (Credit Suisse "
        + "announced the acceleration of XIV on 2018-02-06, last trading day 2018-02-20); closes after the "
        + "early-April retest of the February lows.");

    /// <summary>Q4 2018 selloff: 2018-10-01 to 2018-12-31.</summary>
    /// <remarks>
    /// Sources: S&amp;P 500 record close 2,930.75 on 2018-09-20 and close 2,351.10 on 2018-12-24, a 19.8 %
    /// closing drawdown (20.06 % from the 2018-09-21 intraday high of 2,940.91) (CNBC, "By the numbers: S&amp;P
    /// 500 falls into bear market", 2018-12-24; Los Angeles Times/Bloomberg, 2018-12-24); FOMC meeting of
    /// 2018-12-18/19 that raised the target range (Federal Reserve FOMC calendar).
    /// </remarks>
    public static StudyWindow Q4Selloff2018 { get; } = new("2018-q4", "Q4 2018 selloff",
        new DateOnly(2018, 10, 1), new DateOnly(2018, 12, 31),
        "The fourth quarter of 2018: rate-hike and trade-war fears took the S&P 500 from its 2018-09-20 record "
        + "close (2,930.75) to the 2018-12-24 close (2,351.10), a 19.8 % closing drawdown just short of a bear "
        + "market, after the FOMC hike of 2018-12-19.");

    /// <summary>2020 COVID crash: 2020-02-19 to 2020-06-30.</summary>
    /// <remarks>
    /// Sources: S&amp;P 500 record close 3,386.15 on 2020-02-19 and closing low 2,237.40 on 2020-03-23, −33.9 %
    /// in 33 days (Reuters, "Say goodbye to the shortest bear market in S&amp;P 500 history", 2020-08-18);
    /// record VIX close 82.69 on 2020-03-16 (Sydney Morning Herald, 2020-03-17; Cboe VIX history); the
    /// Federal Reserve's 2020-03-23 announcement of extensive new measures (open-ended asset purchases,
    /// corporate credit facilities) (Politico, "Fed unveils aggressive new measures", 2020-03-23).
    /// </remarks>
    public static StudyWindow Covid2020 { get; } = new("2020", "2020 COVID crash",
        new DateOnly(2020, 2, 19), new DateOnly(2020, 6, 30),
        "Opens at the S&P 500 record close of 2020-02-19; VIX closed at its all-time record 82.69 on 2020-03-16 "
        + "and the S&P 500 closed at its low on 2020-03-23 (−33.9 %), the day the Fed announced open-ended asset "
        + "purchases and corporate credit facilities; closes at the end of Q2 2020 after the recovery and the June retest.");

    /// <summary>2022 bear market: 2022-01-03 to 2022-12-30.</summary>
    /// <remarks>
    /// Sources: S&amp;P 500 record close 4,796.56 on 2022-01-03 and 2022 closing low 3,577.03 on 2022-10-12
    /// (Dow Jones Market Data via MarketScreener, "S&amp;P 500 Rises 2.60% to 3669.91 -- Data Talk",
    /// 2022-10-13); VIX closed above 35 on only two days of 2022, peak close 36.45 on 2022-03-07 (Cboe VIX history).
    /// </remarks>
    public static StudyWindow BearMarket2022 { get; } = new("2022", "2022 bear market",
        new DateOnly(2022, 1, 3), new DateOnly(2022, 12, 30),
        "Calendar 2022: opens at the S&P 500 record close of 2022-01-03 (4,796.56); the Fed's fastest hiking cycle "
        + "in four decades drove a bear market with the closing low of 3,577.03 on 2022-10-12 (−25.4 %); a grinding "
        + "decline in which VIX closed above 35 on only two days (peak 36.45 on 2022-03-07) — the opposite of a spike.");

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
