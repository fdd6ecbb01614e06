using Alvh.Model;
using Alvh.MarketData;

namespace Alvh.Core.Tests.Model;

public class RatesAndDividendsTests
{
    [SkippableFact]
    public void Rates_come_from_dtb3_carried_over_gaps_and_fed_funds_after_coverage()
    {
        var m = ModelData.Require();
        var cal = m.Data.Calendar;
        // PROVENANCE: DTB3 ends 2026-03-26; days after it use DFF.
        int last = cal.IndexOnOrBefore(new DateOnly(2026, 3, 26));
        m.Carry.RateSourceOn(last).Should().Be(RateSource.Dtb3);
        if (last + 1 < cal.Count) m.Carry.RateSourceOn(last + 1).Should().Be(RateSource.FedFunds);
        // Columbus Day 2019-10-14: bond market closed, NYSE open → last DTB3 carried.
        int columbus = cal.IndexOf(new DateOnly(2019, 10, 14));
        m.Carry.RateSourceOn(columbus).Should().Be(RateSource.Dtb3Carried);
        m.Carry.Rate(columbus).Should().Be(m.Carry.Rate(columbus - 1));
        for (int i = 0; i < cal.Count; i++) m.Carry.Rate(i).Should().BeInRange(-0.01, 0.10);
    }

    [SkippableFact]
    public void Dividend_yield_switches_from_shiller_to_spy_and_stays_plausible()
    {
        var m = ModelData.Require();
        var cal = m.Data.Calendar;
        m.Carry.DividendSourceOn(cal.IndexOnOrAfter(new DateOnly(1992, 6, 1))).Should().Be(DividendSource.Shiller);
        m.Carry.DividendSourceOn(cal.IndexOnOrAfter(new DateOnly(2000, 6, 1))).Should().Be(DividendSource.SpyTrailing);
        for (int i = 0; i < cal.Count; i++)
        {
            // S&P 500 dividend yield history: about 1.1% (2000) to 3.6% (early 1990s, March 2009);
            // SPY's trailing yield runs a little lower (expense ratio, ex-date timing): 0.9% in Dec 2001.
            if (m.Carry.DividendSourceOn(i) != DividendSource.None) m.Carry.DividendYield(i).Should().BeInRange(0.008, 0.045, cal[i].ToString("yyyy-MM-dd"));
        }
    }
}

/// <summary>
/// The dividend yield's sources on typed data (rule: the class remarks): SPY's trailing distributions over its close once it
/// has a year of them, Shiller's D/P otherwise, his last D/P carried over months without a dividend, NaN without either.
/// Expected values by hand: q = ln(1 + y) for the simple yield y.
/// </summary>
public class RatesAndDividendsSourceTests
{
    private static readonly DateOnly[] Days = WeekdaysFrom(new DateOnly(2001, 1, 2), new DateOnly(2003, 12, 31));

    private static DateOnly[] WeekdaysFrom(DateOnly from, DateOnly to)
    {
        var days = new List<DateOnly>();
        for (var d = from; d <= to; d = d.AddDays(1)) if (d.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday) days.Add(d);
        return [.. days];
    }

    /// <summary>SPY at 100 every day; distributions of 0.5 on each quarter's third Friday (2% a year) when asked.</summary>
    private static MarketDataSet Data(bool distributions, bool shiller, int shillerMonthsWithDividend = int.MaxValue, Func<DateOnly, double>? shillerPrice = null)
    {
        var spy = new DailySeries("spy", "spy.csv", Days, Days.Select(_ => 100.0).ToArray());
        DividendSeries? dividends = null;
        if (distributions)
        {
            var list = new List<Dividend>();
            for (var m = new DateOnly(2001, 3, 1); m <= Days[^1]; m = m.AddMonths(3))
            {
                var friday = Enumerable.Range(15, 7).Select(d => new DateOnly(m.Year, m.Month, d)).First(d => d.DayOfWeek == DayOfWeek.Friday);
                list.Add(new Dividend(friday, 0.5, null));
            }
            dividends = new DividendSeries("spy-dividends", "spy-dividends.csv", list);
        }
        ShillerMonthly? monthly = null;
        if (shiller)
        {
            // Shiller's D of 30 over P of 1,000 (3%) each month from 2000-01, then no dividend (NaN, as his reader reads
            // the FRED-extended months' zeros) after the given number of months.
            var months = Enumerable.Range(0, 48).Select(i => new DateOnly(2000, 1, 1).AddMonths(i)).ToArray();
            var price = months.Select(m => shillerPrice?.Invoke(m) ?? 1000.0).ToArray();
            var dividend = months.Select((_, i) => i < shillerMonthsWithDividend ? 30.0 : double.NaN).ToArray();
            var nan = months.Select(_ => double.NaN).ToArray();
            monthly = new ShillerMonthly("shiller", "shiller.csv", months, price, dividend, nan, nan, nan, nan);
        }
        return new MarketDataSet("memory", new TradingCalendar(Days), [spy], dividends, [], null, null, monthly, [], [], []);
    }

    private static int Index(int year, int month, int day) => new TradingCalendar(Days).IndexOnOrAfter(new DateOnly(year, month, day));

    [Fact]
    public void Spy_distributions_give_the_trailing_yield_after_a_year_and_shiller_before()
    {
        var carry = new RatesAndDividends(Data(distributions: true, shiller: true));

        carry.DividendSourceOn(Index(2001, 6, 1)).Should().Be(DividendSource.Shiller);
        carry.DividendYield(Index(2001, 6, 1)).Should().BeApproximately(Math.Log(1.03), 1e-15);
        // 2002-06-03: four distributions of 0.5 in the trailing 365 days over a close of 100: y = 2%.
        carry.DividendSourceOn(Index(2002, 6, 3)).Should().Be(DividendSource.SpyTrailing);
        carry.DividendYield(Index(2002, 6, 3)).Should().BeApproximately(Math.Log(1.02), 1e-15);
        carry.HasSpyDistributions.Should().BeTrue();
        carry.DividendRule.Should().Be("ln(1 + TTM SPY dividends / SPY close); Shiller D/P before 2002-01-02");
        carry.DividendNotes(0, Days.Length - 1).Should().BeEmpty();
    }

    [Fact]
    public void Without_spy_distributions_the_yield_is_shillers_not_zero()
    {
        // Before 2026-11-28 SPY's trailing yield (0: no distributions) was taken from 2002-01-02 on.
        var carry = new RatesAndDividends(Data(distributions: false, shiller: true));

        for (int i = 0; i < Days.Length; i++)
        {
            carry.DividendSourceOn(i).Should().Be(DividendSource.Shiller);
            carry.DividendYield(i).Should().BeApproximately(Math.Log(1.03), 1e-15);
        }
        carry.HasSpyDistributions.Should().BeFalse();
        carry.DividendRule.Should().Be("ln(1 + Shiller D/P) throughout (the data hold no SPY distributions)");
        carry.DividendNotes(0, Days.Length - 1).Should().ContainSingle().Which.Should().StartWith("The data hold no SPY distributions");
    }

    [Fact]
    public void Shillers_last_yield_is_carried_over_his_months_without_a_dividend()
    {
        // 30 months with D (2000-01 to 2002-06), then none.
        var carry = new RatesAndDividends(Data(distributions: false, shiller: true, shillerMonthsWithDividend: 30));

        carry.DividendYield(Index(2003, 11, 3)).Should().BeApproximately(Math.Log(1.03), 1e-15);
        carry.DividendSourceOn(Index(2003, 11, 3)).Should().Be(DividendSource.Shiller);
        carry.DividendRule.Should().EndWith("; Shiller's D/P of 2002-06 carried over his later months without a dividend");
    }

    [Fact]
    public void Shillers_month_is_read_only_once_it_has_ended()
    {
        // His price is the month's average close, so June 2001's row (P 500: D/P 6%) holds June's later closes: a day in
        // June reads May's row (P 1,000: 3%), the first day of July June's. Before 2026-11-28 June's row was read from
        // 2001-06-01 (6% there): in the shared data the June 1991 row moved the marks of 1991-06-03 to 1991-06-14.
        var carry = new RatesAndDividends(Data(distributions: false, shiller: true,
            shillerPrice: m => m == new DateOnly(2001, 6, 1) ? 500.0 : 1000.0));

        carry.DividendYield(Index(2001, 6, 1)).Should().BeApproximately(Math.Log(1.03), 1e-15);
        carry.DividendYield(Index(2001, 6, 29)).Should().BeApproximately(Math.Log(1.03), 1e-15);
        carry.DividendYield(Index(2001, 7, 2)).Should().BeApproximately(Math.Log(1.06), 1e-15);
        carry.DividendYield(Index(2001, 8, 1)).Should().BeApproximately(Math.Log(1.03), 1e-15);
    }

    [Fact]
    public void Without_either_source_no_day_has_a_yield_and_a_note_counts_them()
    {
        var carry = new RatesAndDividends(Data(distributions: false, shiller: false));

        double.IsNaN(carry.DividendYield(Index(2002, 6, 3))).Should().BeTrue();
        carry.DividendSourceOn(Index(2002, 6, 3)).Should().Be(DividendSource.None);
        var notes = carry.DividendNotes(Index(2002, 1, 2), Index(2002, 1, 31));
        notes.Should().HaveCount(2);
        // January 2002 has 23 weekdays (the typed calendar keeps holidays): 2002-01-02 to 2002-01-31 holds 22 of them.
        notes[1].Should().StartWith("No SPX dividend yield on 22 trading days, 2002-01-02 to 2002-01-31");
    }
}
