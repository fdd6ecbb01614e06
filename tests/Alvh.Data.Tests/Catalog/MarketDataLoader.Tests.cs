using Alvh.Data.Catalog;
using Alvh.MarketData;

namespace Alvh.Data.Tests.Catalog;

/// <summary>
/// The whole of ../shared/data loads as it is. Expected ranges, counts and spot values come from
/// ../shared/data/PROVENANCE.md (its summary table and "sanity checks that passed").
/// </summary>
public class MarketDataLoaderSharedDataTests
{
    private static readonly Lazy<MarketDataSet> Shared = new(() => MarketDataLoader.Load(SharedData.Require()));

    private static MarketDataSet Load()
    {
        SharedData.Require();
        return Shared.Value;
    }

    private static SeriesInfo Info(MarketDataSet set, string id) => set.Series.Single(s => s.Id == id);

    [SkippableFact]
    public void Every_file_loads_with_the_ranges_and_row_counts_of_provenance()
    {
        var set = Load();
        // PROVENANCE.md summary table: file, range, rows.
        var expected = new (string Id, string First, string Last, int Rows)[]
        {
            ("spx", "1989-09-11", "2025-05-09", 8983),
            ("spx-fred", "2016-02-12", "2026-02-11", 2609),
            ("shiller", "1871-01-01", "2026-06-01", 1866),
            ("spy", "1993-01-29", "2026-05-29", 8390),
            ("spy-dividends", "1993-03-19", "2026-09-18", 136),
            ("dtb3", "1954-01-04", "2026-03-26", 18844),
            ("dff", "1954-07-01", "2026-07-08", 26306),
            ("vix", "1990-01-02", "2026-07-23", 9235),
            ("vix9d", "2011-01-04", "2026-07-22", 3909),
            ("vix3m", "2009-09-18", "2026-07-22", 4235),
            ("vix6m", "2008-01-02", "2026-04-24", 4607),
            ("vvix", "2006-03-06", "2026-07-22", 5066),
            ("skew", "1990-01-02", "2026-07-22", 9189),
            ("vx-cfe", "2006-04-21", "2015-04-01", 17208),
            ("vx-cboe", "2013-01-02", "2026-02-18", 28801),
            ("vx-continuous", "2007-04-02", "2021-12-23", 3711),
            ("fomc", "1940-03-20", "2026-12-09", 832),
        };
        foreach (var (id, first, last, rows) in expected)
        {
            var info = Info(set, id);
            info.First.Should().Be(DateOnly.Parse(first), id);
            info.Last.Should().Be(DateOnly.Parse(last), id);
            info.Rows.Should().Be(rows, id);
        }
        set.Series.Should().HaveCount(expected.Length);
    }

    [SkippableFact]
    public void Spot_values_match_the_provenance_sanity_checks()
    {
        var set = Load();
        set.Get("spx").CloseOn(new DateOnly(2008, 10, 10)).Should().BeApproximately(899.22, 1e-9);
        set.Get("spx").CloseOn(new DateOnly(2020, 3, 16)).Should().BeApproximately(2386.13, 1e-9);
        set.Get("vix").CloseOn(new DateOnly(2008, 11, 20)).Should().BeApproximately(80.86, 1e-9);
        set.Get("spy").CloseOn(new DateOnly(2008, 10, 10)).Should().BeApproximately(88.50, 1e-9);
        set.Get("spy").CloseOn(new DateOnly(2020, 3, 16)).Should().BeApproximately(239.85, 1e-9);
        // VX Dec-08 (expiring 2008-12-17) settle on 2008-11-20 = 66.23, equal to VX1 of the continuous file.
        set.Vx!.SettleOn(new DateOnly(2008, 11, 20), new DateOnly(2008, 12, 17)).Should().BeApproximately(66.23, 1e-9);
        var c = set.VxContinuous!;
        c.Settles[0][Array.BinarySearch(c.Dates, new DateOnly(2008, 11, 20))].Should().BeApproximately(66.23, 1e-9);
        // The per-contract files begin with the Jan-08 contract: the two nearest 2007 contracts come from the continuous
        // file's VX1 and VX2, on 2007-08-16 Aug-07 (expiring 08-22) 30.61 and Sep-07 (09-19) 27.25; its further columns are
        // not read (VX4, 22.38, was taken as Nov-07, but VXn counts the contracts listed, and not every month was).
        set.Vx.SettleOn(new DateOnly(2007, 8, 16), new DateOnly(2007, 8, 22)).Should().BeApproximately(30.61, 1e-9);
        set.Vx.SettleOn(new DateOnly(2007, 8, 16), new DateOnly(2007, 9, 19)).Should().BeApproximately(27.25, 1e-9);
        double.IsNaN(set.Vx.SettleOn(new DateOnly(2007, 8, 16), new DateOnly(2007, 11, 21))).Should().BeTrue();
        // SPY pre-decimal prices are exact 1/64 fractions (PROVENANCE: 1993-01-29 close = 43.9375).
        set.Get("spy").CloseOn(new DateOnly(1993, 1, 29)).Should().Be(43.9375);
    }

    [SkippableFact]
    public void Calendar_comes_from_the_equity_data_and_spx_is_spliced_with_fred_closes()
    {
        var set = Load();
        set.Calendar.First.Should().Be(new DateOnly(1989, 9, 11));
        set.Calendar.Last.Should().Be(new DateOnly(2026, 5, 29), "SPY's last day");
        set.Calendar.IsTradingDay(new DateOnly(2004, 6, 11)).Should().BeFalse("markets closed for President Reagan's funeral");
        set.Calendar.IsTradingDay(new DateOnly(2012, 10, 29)).Should().BeFalse("Hurricane Sandy");
        var spx = set.Get("spx");
        spx.Last.Should().Be(new DateOnly(2026, 2, 11), "FRED closes extend SPX past 2025-05-09");
        double.IsNaN(spx.Open![spx.IndexOf(new DateOnly(2025, 5, 12))]).Should().BeTrue("no OHLC after the splice");
        set.RulesApplied.Should().Contain(r => r.StartsWith("spx: OHLC from spx-daily.csv to 2025-05-09", StringComparison.Ordinal));
        // Every spliced day is a trading day of the calendar, and SPX has no gap against it (PROVENANCE: no gaps).
        Info(set, "spx").Issues.Should().NotContain(i => i.Kind == "gap");
        Info(set, "spy").Issues.Should().NotContain(i => i.Kind == "gap");
    }

    [SkippableFact]
    public void Vix_holiday_rows_are_dropped_and_its_missing_days_reported()
    {
        var set = Load();
        var vix = Info(set, "vix");
        // PROVENANCE: 31 rows fall on NYSE holidays (2004-06-11 and US holidays from 2022-05-30), counted on the equity
        // calendar (to 2026-05-29). Past it the file holds two more: Juneteenth, Friday 2026-06-19, and Independence Day
        // observed, Friday 2026-07-03 (4 July 2026 is a Saturday; NYSE Rule 7.2).
        vix.Issues.Count(i => i.Kind == "holiday-row").Should().Be(33);
        vix.Issues.Should().Contain(i => i.Kind == "holiday-row" && i.Message.StartsWith("2004-06-11", StringComparison.Ordinal) && i.Line > 1);
        set.Get("vix").IndexOf(new DateOnly(2004, 6, 11)).Should().BeNegative();
        set.Get("vix").IndexOf(new DateOnly(2026, 6, 19)).Should().BeNegative();
        set.Get("vix").IndexOf(new DateOnly(2026, 7, 3)).Should().BeNegative();
        set.Get("vix").Count.Should().Be(9235 - 33);
        // PROVENANCE: 3 NYSE trading days are missing: 1997-01-31, 1997-11-26 and 1999-12-31.
        foreach (var day in new[] { "1997-01-31", "1997-11-26", "1999-12-31" })
        {
            vix.Issues.Should().Contain(i => i.Kind == "gap" && i.Message.Contains(day), day);
        }
        double.IsNaN(set.Aligned("vix")[set.Calendar.IndexOf(new DateOnly(1997, 1, 31))]).Should().BeTrue("gaps are never filled");
    }

    [SkippableFact]
    public void Vvix_is_used_from_2007_and_skew_gaps_are_reported()
    {
        var set = Load();
        set.Get("vvix").First.Should().BeOnOrAfter(new DateOnly(2007, 1, 1));
        set.RulesApplied.Should().Contain(r => r.StartsWith("vvix:", StringComparison.Ordinal));
        // PROVENANCE: VVIX misses 2010-11-11 and 2013-05-13; SKEW misses 2018-12-03 and 2024-11-29 among 16 days.
        Info(set, "vvix").Issues.Should().Contain(i => i.Kind == "gap" && i.Message.Contains("2010-11-11"));
        Info(set, "vvix").Issues.Should().Contain(i => i.Kind == "gap" && i.Message.Contains("2013-05-13"));
        Info(set, "skew").Issues.Should().Contain(i => i.Kind == "gap" && i.Message.Contains("2018-12-03"));
        Info(set, "skew").Issues.Should().Contain(i => i.Kind == "gap" && i.Message.Contains("2024-11-29"));
    }

    [SkippableFact]
    public void Vx_files_merge_by_rule_fixing_the_bad_2013_05_28_settle()
    {
        var set = Load();
        // PROVENANCE: CFE has 10.25 for contract 2014-02 on 2013-05-28; the Cboe CDN file's 20.10 is correct.
        var feb14 = new DateOnly(2014, 2, 19);
        var day = new DateOnly(2013, 5, 28);
        set.VxFutures.Single(v => v.Id == "vx-cfe").SettleOn(day, feb14).Should().BeApproximately(10.25, 1e-9);
        set.Vx!.SettleOn(day, feb14).Should().BeApproximately(20.10, 1e-9);
        Info(set, "vx-cfe").Issues.Should().ContainSingle(i => i.Kind == "source-disagreement" && i.Message.Contains("2013-05-28"));
        // Cboe CDN settles are 0 (missing) for 852 rows of 2013-01..07: filled from CFE where it has them.
        set.VxFutures.Single(v => v.Id == "vx-cboe").Settle.Count(double.IsNaN).Should().Be(852);
        set.Vx.Settle.Count(double.IsNaN).Should().BeLessThan(852);
        // Placeholder settles of 1.00 on CFE listing days (e.g. 2008-04-21) are read as missing.
        Info(set, "vx-cfe").Issues.Should().Contain(i => i.Kind == "implausible-settle" && i.Message.StartsWith("2008-04-21", StringComparison.Ordinal));
        // Pre-2007-03-26 CFE quotes are rescaled: every settle is on the VIX scale (< 100).
        set.Vx.Settle.Where(double.IsFinite).Should().OnlyContain(s => s > 5 && s < 100);
    }

    [SkippableFact]
    public void Shiller_zeros_are_missing_and_dividends_use_the_precise_amounts()
    {
        var set = Load();
        var sh = set.Shiller!;
        int jul2023 = Array.IndexOf(sh.Months, new DateOnly(2023, 7, 1));
        jul2023.Should().BePositive();
        double.IsNaN(sh.Dividend[jul2023]).Should().BeTrue("PROVENANCE: from 2023-07 every column but SP500 is 0");
        double.IsNaN(sh.Cape[0]).Should().BeTrue("PE10 is 0 for 1871-1880");
        sh.Price[jul2023].Should().BePositive();
        var divs = set.Dividends!.Dividends;
        divs.Should().HaveCount(136);
        // PROVENANCE: 2021-12-17 Yahoo 1.633 against precise 1.636431, flagged "amounts disagree".
        divs.Single(d => d.ExDate == new DateOnly(2021, 12, 17)).Amount.Should().BeApproximately(1.636431, 1e-12);
        Info(set, "spy-dividends").Issues.Should().Contain(i => i.Kind == "source-note" && i.Message.Contains("2021-12-17"));
        divs.Count(d => d.ExDate.Year == 2004).Should().Be(5, "2004 has the extra 2004-11-15 distribution");
    }

    [SkippableFact]
    public void Fomc_meetings_are_events_on_the_decision_day()
    {
        var set = Load();
        var fomc = set.EventsOfKind("fomc");
        fomc.Should().HaveCount(832);
        fomc.Count(e => e.Date.Year >= 1990).Should().Be(301, "PROVENANCE: 301 since 1990");
        fomc.Should().Contain(e => e.Date == new DateOnly(2008, 10, 8) && !e.Scheduled, "the 2008-10-08 intermeeting cut");
    }

    [SkippableFact]
    public void Every_issue_names_its_file_and_loads_are_deterministic()
    {
        var folder = SharedData.Require();
        var a = MarketDataLoader.Load(folder);
        var b = MarketDataLoader.Load(folder);
        foreach (var s in a.Series) s.Issues.All(i => i.File == s.File).Should().BeTrue(s.File);
        a.Series.SelectMany(s => s.Issues).Should().Equal(b.Series.SelectMany(s => s.Issues));
        a.RulesApplied.Should().Equal(b.RulesApplied);
    }
}

/// <summary>Cboe holiday rows on small made-up files.</summary>
public class MarketDataLoaderHolidayRowTests
{
    /// <summary>
    /// A VX settle above 150 VIX points is no price (the VIX's record close is 82.69, 2020-03-16, Cboe; VX futures settle
    /// below spot in a spike): read as missing and reported, as a placeholder below 5 is. A mistyped 9999 was reported as a
    /// jump of the contract, then used by the futures model's fit (review h99).
    /// </summary>
    [Fact]
    public void A_vx_settle_above_150_vix_points_is_read_as_missing()
    {
        using var dir = new TempFolder();
        dir.Write("spy-daily.csv", "Date,Open,High,Low,Close,Volume\n2020-01-02,100,101,99,100,1000\n2020-01-03,100,101,99,100,1000\n2020-01-06,100,101,99,100,1000\n");
        dir.Write("vix-futures-cboe.csv", "trade_date,expiration,open,high,low,close,settle,change,total_volume,efp,open_interest\n" +
            "2020-01-02,2020-01-22,13,13,13,13,13.5,0,100,0,100\n2020-01-03,2020-01-22,14,14,14,14,9999,0,100,0,100\n2020-01-06,2020-01-22,14,14,14,14,14.5,0,100,0,100\n");

        var set = MarketDataLoader.Load(dir.Path);

        var jan22 = new DateOnly(2020, 1, 22);
        set.Vx!.SettleOn(new DateOnly(2020, 1, 2), jan22).Should().Be(13.5);
        double.IsNaN(set.Vx.SettleOn(new DateOnly(2020, 1, 3), jan22)).Should().BeTrue();
        set.Vx.SettleOn(new DateOnly(2020, 1, 6), jan22).Should().Be(14.5);
        set.Series.SelectMany(x => x.Issues).Should().ContainSingle(i => i.Kind == "implausible-settle")
            .Which.Should().Match<DataIssue>(i => i.Line == 3 && i.Message == "2020-01-03 contract 2020-01-22: settle 9999 is above 150 VIX points: read as missing");
    }

    [Fact]
    public void Cboe_rows_on_nyse_holidays_after_the_equity_data_ends_are_dropped_too()
    {
        // The calendar (the equity files) ends on Friday 2026-05-29; VIX goes on. Juneteenth, Friday 2026-06-19, is an
        // NYSE holiday (NYSE Rule 7.2, from 2022): Cboe's global-trading-hours row of that day was kept, because only
        // dates inside the calendar were checked.
        using var dir = new TempFolder();
        dir.Write("spy-daily.csv", "Date,Open,High,Low,Close,Volume\n2026-05-28,100,101,99,100,1000\n2026-05-29,100,101,99,100,1000\n");
        dir.Write("vix-daily.csv", "DATE,OPEN,HIGH,LOW,CLOSE\n2026-05-28,15,15,15,15\n2026-05-29,15,15,15,15\n2026-06-18,16,16,16,16\n2026-06-19,17,17,17,17\n2026-06-22,18,18,18,18\n");

        var set = MarketDataLoader.Load(dir.Path);

        set.Get("vix").Dates.Should().Equal(new DateOnly(2026, 5, 28), new DateOnly(2026, 5, 29), new DateOnly(2026, 6, 18), new DateOnly(2026, 6, 22));
        set.Series.Single(s => s.Id == "vix").Issues.Should().ContainSingle(i => i.Kind == "holiday-row" && i.Line == 5);
    }
}

/// <summary>Files with a header and no data rows.</summary>
public class MarketDataLoaderHeaderOnlyTests
{
    /// <summary>
    /// A basket ticker that pays no dividend has a dividend list of its header alone (the strategy file's basket key asks
    /// for <c>&lt;ticker&gt;-dividends.csv</c>): it loads as an empty list, as before header-only files were refused;
    /// the refusal made every command on the folder fail. SPY's list and a price series are still refused without rows.
    /// </summary>
    [Fact]
    public void A_basket_tickers_dividend_list_may_be_its_header_alone()
    {
        using var dir = new TempFolder();
        dir.Write("spy-daily.csv", "Date,Open,High,Low,Close,Volume\n2020-01-02,100,101,99,100,1000\n2020-01-03,100,101,99,100,1000\n");
        dir.Write("xyz-daily.csv", "Date,Open,High,Low,Close,Volume\n2020-01-02,10,11,9,10,1000\n2020-01-03,10,11,9,10,1000\n");
        dir.Write("xyz-dividends.csv", "Date,Dividends\n");

        var set = MarketDataLoader.Load(dir.Path);

        set.Get("xyz").Count.Should().Be(2);

        dir.Write("spy-dividends.csv", "Date,Dividends\n");
        FluentActions.Invoking(() => MarketDataLoader.Load(dir.Path)).Should().Throw<DataFormatException>().WithMessage("*spy-dividends.csv*no data rows*");
    }
}
