using System.Globalization;
using Alvh.Calendars;

namespace Alvh.Core.Tests.Calendars;

public class VxExpirationsTests
{
    // Cboe's published final settlement dates of monthly VX futures (Cboe VX contract specifications
    // and expiration calendars; the same dates are the last trade dates of the CFE/Cboe per-contract files).
    [Theory]
    [InlineData(2008, 1, "2008-01-16")]
    [InlineData(2008, 2, "2008-02-19")] // 21 Mar 2008 is Good Friday: 30 days before Thursday 20 Mar
    [InlineData(2008, 3, "2008-03-19")]
    [InlineData(2013, 1, "2013-01-16")]
    [InlineData(2014, 4, "2014-04-16")]
    [InlineData(2020, 3, "2020-03-18")]
    [InlineData(2022, 6, "2022-06-15")] // Juneteenth 2022 was observed Monday 20 Jun: no effect
    [InlineData(2024, 6, "2024-06-18")] // Wednesday 19 Jun 2024 is Juneteenth: the business day before
    [InlineData(2024, 12, "2024-12-18")]
    [InlineData(2025, 3, "2025-03-18")] // 18 Apr 2025 is Good Friday: 30 days before Thursday 17 Apr
    public void ForContractMonth_MatchesCboePublishedExpirations(int year, int month, string expected) =>
        VxExpirations.ForContractMonth(year, month).Should().Be(DateOnly.Parse(expected, CultureInfo.InvariantCulture));

    /// <summary>
    /// Every contract month from 1940 to 2260 (inside and outside the months the class keeps), asked from two threads
    /// at once and then again: the same date each time, and the contract specification's shape: a business day 30 days
    /// before the third Friday of the next month, or up to a few days earlier when a holiday moves it (the Friday, then
    /// the settlement day, step back to business days).
    /// </summary>
    [Fact]
    public void Every_month_gives_one_business_day_about_30_days_before_the_next_months_third_friday()
    {
        var months = Enumerable.Range(1940 * 12, (2260 - 1940) * 12).Select(i => (Year: i / 12, Month: (i % 12) + 1)).ToArray();
        var first = new DateOnly[months.Length];
        var second = new DateOnly[months.Length];
        Parallel.Invoke(
            () => { for (int i = 0; i < months.Length; i++) first[i] = VxExpirations.ForContractMonth(months[i].Year, months[i].Month); },
            () => { for (int i = months.Length - 1; i >= 0; i--) second[i] = VxExpirations.ForContractMonth(months[i].Year, months[i].Month); });
        second.Should().Equal(first);
        // Far outside the kept months the rule is worked out each time (no index arithmetic to wrap).
        var far = () => VxExpirations.ForContractMonth(1950 + (1 << 30), 1);
        far.Should().Throw<ArgumentOutOfRangeException>("DateOnly ends in 9999");
        for (int i = 0; i < months.Length; i++)
        {
            var (year, month) = months[i];
            VxExpirations.ForContractMonth(year, month).Should().Be(first[i]);
            var next = new DateOnly(year, month, 1).AddMonths(1);
            var thirdFriday = NyseHolidays.NthWeekday(next.Year, next.Month, DayOfWeek.Friday, 3);
            int before = thirdFriday.DayNumber - first[i].DayNumber;
            before.Should().BeInRange(30, 34, $"{year}-{month:D2}");
            NyseHolidays.IsBusinessDay(first[i]).Should().BeTrue($"{year}-{month:D2} settles on {first[i]}");
        }
    }

    [Fact]
    public void MonthlyBetween_ListsOneExpirationPerMonthInclusive()
    {
        var expirations = VxExpirations.MonthlyBetween(new DateOnly(2013, 1, 31), new DateOnly(2013, 4, 1));

        expirations.Should().Equal(new DateOnly(2013, 1, 16), new DateOnly(2013, 2, 13), new DateOnly(2013, 3, 20), new DateOnly(2013, 4, 17));
    }

    [Fact]
    public void ForContractMonth_RejectsInvalidMonth()
    {
        var act = () => VxExpirations.ForContractMonth(2024, 13);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [SharedDataFact("vix-futures-cboe-2013-2026.csv")]
    public void ForContractMonth_MatchesEveryExpirationInTheSharedCboeFile()
    {
        // Reads (never copies) the real per-contract file: every distinct expiration, 2013-01 .. 2026-02.
        var expirations = File.ReadLines(SharedDataFactAttribute.PathOf("vix-futures-cboe-2013-2026.csv")).Skip(1)
            .Select(line => DateOnly.ParseExact(line.Split(',')[1], "yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Distinct()
            .OrderBy(d => d)
            .ToList();

        expirations.Should().HaveCountGreaterThan(150);
        foreach (var expiration in expirations)
        {
            VxExpirations.ForContractMonth(expiration.Year, expiration.Month).Should().Be(expiration, "the {0:yyyy-MM} contract expired then", expiration);
        }
    }

    [SharedDataFact("vix-futures-cfe-2007-2015.csv")]
    public void ForContractMonth_MatchesEveryExpirationInTheSharedCfeFile()
    {
        // Reads (never copies) the real CFE file: expirations of the Jan-2008 .. Dec-2015 contracts,
        // including the Good Friday shifts of 2008 and 2013.
        var expirations = File.ReadLines(SharedDataFactAttribute.PathOf("vix-futures-cfe-2007-2015.csv")).Skip(1)
            .Select(line => DateOnly.ParseExact(line.Split(',')[2], "yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Distinct()
            .OrderBy(d => d)
            .ToList();

        expirations.Should().HaveCount(96);
        foreach (var expiration in expirations)
        {
            VxExpirations.ForContractMonth(expiration.Year, expiration.Month).Should().Be(expiration, "the {0:yyyy-MM} contract expired then", expiration);
        }
    }
}
