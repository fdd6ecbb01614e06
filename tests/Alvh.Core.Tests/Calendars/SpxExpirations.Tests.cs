using System.Globalization;
using Alvh.Calendars;

namespace Alvh.Core.Tests.Calendars;

public class SpxExpirationsTests
{
    private static readonly SpxExpirations Calendar = SpxExpirations.Default;

    // Third Fridays, moved to Thursday when the Friday is an exchange holiday.
    [Theory]
    [InlineData(2024, 1, "2024-01-19")]
    [InlineData(2024, 3, "2024-03-15")]
    [InlineData(2008, 3, "2008-03-20")] // Good Friday 2008-03-21
    [InlineData(2014, 4, "2014-04-17")] // Good Friday 2014-04-18: "April (regular) Expiration this week will be on Thursday April 17th" (Cboe Options Hub, 2014-04-15)
    [InlineData(2022, 4, "2022-04-14")] // Good Friday 2022-04-15
    [InlineData(2027, 6, "2027-06-17")] // Juneteenth 2027 (Sat) observed Friday 2027-06-18 (LEAN PR #9572: ES June 2027 last trade 17 Jun)
    public void StandardMonthly_IsTheThirdFridayOrTheBusinessDayBefore(int year, int month, string expected) =>
        SpxExpirations.StandardMonthly(year, month).Should().Be(Parse(expected));

    [Fact]
    public void ExpirationsBetween_MatchesCboesAugust2016Table()
    {
        // Cboe Options Hub, 2016-08-11 and 2016-08-17: the S&P 500 expirations through 9 Sep 2016,
        // with "Tues. Sep. 6" the Monday weekly moved over Labor Day.
        var dates = SpxExpirations.ExpirationsBetween(Parse("2016-08-12"), Parse("2016-09-09")).Select(e => e.Date);

        dates.Should().Equal(
            new[] { "2016-08-12", "2016-08-17", "2016-08-19", "2016-08-22", "2016-08-24", "2016-08-26", "2016-08-29", "2016-08-31", "2016-09-02", "2016-09-06", "2016-09-07", "2016-09-09" }
                .Select(Parse));
    }

    [Fact]
    public void ExpirationsBetween_LabelsSeriesAndSettlement()
    {
        var byDate = SpxExpirations.ExpirationsBetween(Parse("2016-08-12"), Parse("2016-09-09")).ToDictionary(e => e.Date);

        byDate[Parse("2016-08-19")].Should().Be(new SpxExpiration(Parse("2016-08-19"), SpxSeries.Standard, SettlementStyle.AmOpen));
        byDate[Parse("2016-08-31")].Series.Should().Be(SpxSeries.EndOfMonth, "a Wednesday that is the last business day of the month lists as end-of-month");
        byDate[Parse("2016-09-06")].Series.Should().Be(SpxSeries.MondayWeekly);
        byDate.Values.Where(e => e.Series != SpxSeries.Standard).Should().OnlyContain(e => e.Settlement == SettlementStyle.PmClose);
    }

    [Fact]
    public void FridayWeeklys_StartWith_2005_11_04_AndSkipTheThirdFriday()
    {
        // Cboe press release 2005-09-09: first Weekly opens Friday 28 Oct 2005 and expires Friday 4 Nov;
        // none expires on a third Friday.
        var dates = SpxExpirations.ExpirationsBetween(Parse("2005-10-01"), Parse("2005-11-30")).Select(e => (e.Date, e.Series));

        dates.Should().Equal(
            (Parse("2005-10-21"), SpxSeries.Standard),
            (Parse("2005-11-04"), SpxSeries.FridayWeekly),
            (Parse("2005-11-11"), SpxSeries.FridayWeekly),
            (Parse("2005-11-18"), SpxSeries.Standard),
            (Parse("2005-11-25"), SpxSeries.FridayWeekly)); // day after Thanksgiving: a half day, still a business day
    }

    [Theory]
    [InlineData("2005-11-04", SettlementStyle.AmOpen)] // Cboe 2006-03-17: SPX Weeklys settle Friday A.M.
    [InlineData("2010-12-03", SettlementStyle.AmOpen)] // last A.M.-settled Weekly
    [InlineData("2010-12-10", SettlementStyle.PmClose)] // first P.M.-settled End-of-Week expiry (RG10-112)
    [InlineData("2022-04-14", SettlementStyle.AmOpen)] // standard monthly, Good Friday shift
    [InlineData("2024-01-31", SettlementStyle.PmClose)] // end of month
    [InlineData("2024-02-07", SettlementStyle.PmClose)] // Wednesday weekly
    public void Settlement_FollowsTheSeries(string expiry, SettlementStyle expected) =>
        SpxExpirations.Settlement(Parse(expiry)).Should().Be(expected);

    [Theory]
    [InlineData("2017-01-17", SpxSeries.MondayWeekly)] // MLK Day 2017-01-16: Monday weekly moves to Tuesday (Cboe 2016-08-11)
    [InlineData("2018-12-04", SpxSeries.WednesdayWeekly)] // national day of mourning Wed 2018-12-05: expiry Tuesday (Cboe notice)
    [InlineData("2014-07-31", SpxSeries.EndOfMonth)] // first end-of-month expiry (trading from 2014-07-07)
    public void HolidayShifts_AndLaunches(string date, SpxSeries series) =>
        SpxExpirations.ExpirationsBetween(Parse(date), Parse(date)).Should().ContainSingle().Which.Series.Should().Be(series);

    [Theory]
    [InlineData("2014-06-30")] // a Monday month end before end-of-month series existed
    [InlineData("2016-02-24")] // a Wednesday before the first Wednesday weekly (2016-03-02)
    [InlineData("2022-04-19")] // a Tuesday before the first Tuesday weekly (2022-04-26)
    [InlineData("2022-05-12")] // a Thursday before the first Thursday weekly (2022-05-19)
    public void NoExpiry_BeforeACycleExisted(string date) =>
        SpxExpirations.ExpirationsBetween(Parse(date), Parse(date)).Should().BeEmpty();

    [Fact]
    public void EveryBusinessDay_IsAnExpiry_AfterMay2022()
    {
        // Tuesday and Thursday weeklies (listed from 2022-04-18 and 2022-05-11) complete the week.
        var from = Parse("2023-06-12");
        var to = Parse("2023-06-30");
        var businessDays = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).Where(NyseHolidays.IsBusinessDay);

        SpxExpirations.ExpirationsBetween(from, to).Select(e => e.Date).Should().Equal(businessDays);
    }

    [Theory]
    [InlineData("2005-11-04", "2005-10-28", true)] // listing day of the first Weekly
    [InlineData("2005-11-04", "2005-10-27", false)] // the day before Weeklys existed
    [InlineData("2006-03-17", "2006-01-03", true)] // standard monthly, within 12 months
    [InlineData("2006-03-10", "2006-03-01", false)] // early Weeklys listed only about a week ahead
    [InlineData("2016-03-02", "2016-02-23", true)] // first Wednesday weekly on its listing day
    [InlineData("2016-03-02", "2016-02-22", false)]
    [InlineData("2016-08-22", "2016-08-15", true)] // first Monday weekly on its listing day
    [InlineData("2016-08-22", "2016-08-12", false)]
    [InlineData("2022-04-26", "2022-04-18", true)] // first Tuesday weekly
    [InlineData("2024-03-01", "2024-01-02", false)] // a weekly 59 days out: beyond the 42-day horizon
    [InlineData("2024-02-09", "2024-01-02", true)] // a weekly 38 days out
    [InlineData("2022-04-14", "2022-04-13", true)] // A.M.-settled: last trading day is the day before
    [InlineData("2022-04-14", "2022-04-14", false)] // ... and not on the settlement day
    [InlineData("2024-01-31", "2024-01-31", true)] // P.M.-settled: trades on its expiry day
    [InlineData("2024-01-31", "2024-01-27", false)] // a Saturday
    [InlineData("2024-02-10", "2024-01-02", false)] // a Saturday is no expiry
    public void IsListed_FollowsLaunchDatesHorizonsAndSettlement(string expiry, string onDate, bool expected) =>
        Calendar.IsListed(Parse(expiry), Parse(onDate)).Should().Be(expected);

    [Fact]
    public void ListedExpirations_In2006_AreTheMonthliesAndNextWeeksWeekly() =>
        Calendar.ListedExpirations(Parse("2006-03-01"), 60).Select(e => e.Date).Should().Equal(Parse("2006-03-03"), Parse("2006-03-17"), Parse("2006-04-21"));

    [Theory]
    [InlineData("2016-01-04", 45, false, "2016-02-19")] // standard Feb expiry (46 days) beats the last listed weekly (39 days)
    [InlineData("2016-01-04", 45, true, "2016-02-18")] // as-if: any business day, exactly 45 days
    [InlineData("2024-01-02", 45, false, "2024-02-16")]
    [InlineData("2024-01-02", 0, false, "2024-01-02")] // 0 DTE: a Tuesday weekly
    [InlineData("2006-01-03", 7, false, "2006-01-06")] // an early Weekly
    [InlineData("2024-03-27", 2, true, "2024-03-28")] // as-if target Good Friday 2024-03-29: the nearer business day, Thursday
    public void NearestListed_PicksTheClosestExpiry(string onDate, int target, bool asIf, string expected) =>
        Calendar.NearestListed(Parse(onDate), target, asIf).Should().Be(Parse(expected));

    // NearestListed walks out from the target date; its answer must be the nearest of ListedExpirations (ties to the
    // earlier date) for every era of the listing history, targets beyond the horizon and other horizons.
    [Theory]
    [InlineData(365, 365, 42, 8)]
    [InlineData(30, 10, 14, 3)]
    public void NearestListed_IsTheNearestOfTheListedExpirations(int standardDays, int endOfMonthDays, int weeklyDays, int earlyWeeklyDays)
    {
        var horizons = new SpxListingHorizons(standardDays, endOfMonthDays, weeklyDays, earlyWeeklyDays);
        int horizon = Math.Max(Math.Max(standardDays, endOfMonthDays), Math.Max(weeklyDays, earlyWeeklyDays));
        var calendar = new SpxExpirations(horizons);
        for (var date = Parse("1990-01-02"); date <= Parse("2040-12-31"); date = date.AddDays(13))
        {
            foreach (int target in new[] { 0, 1, 2, 5, 8, 30, 45, 46, 60, 400 })
            {
                DateOnly? expected = null;
                int bestGap = int.MaxValue;
                foreach (var e in calendar.ListedExpirations(date, Math.Max(horizon, target)))
                {
                    int gap = Math.Abs(e.Date.DayNumber - date.DayNumber - target);
                    if (gap < bestGap) (expected, bestGap) = (e.Date, gap);
                }
                calendar.NearestListed(date, target).Should().Be(expected, $"on {date:yyyy-MM-dd} for {target} days");
            }
        }
    }

    [Fact]
    public void NearestListed_IsNullOnAWeekend() =>
        Calendar.NearestListed(Parse("2024-01-06"), 45).Should().BeNull();

    [Fact]
    public void VixOptions_ExpireWithTheVxFuture() =>
        VxExpirations.ForContractMonth(2022, 4).Should().Be(Parse("2022-04-20"), "30 days before the May 2022 standard SPX expiry, 2022-05-20");

    [Fact]
    public void Horizons_AreValidated()
    {
        var act = () => new SpxExpirations(new SpxListingHorizons(WeeklyDays: -1));

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static DateOnly Parse(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
