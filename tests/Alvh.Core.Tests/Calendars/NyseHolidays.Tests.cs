using System.Globalization;
using Alvh.Calendars;

namespace Alvh.Core.Tests.Calendars;

public class NyseHolidaysTests
{
    // Dates from the NYSE published holiday calendars.
    [Theory]
    [InlineData("2008-03-21")] // Good Friday
    [InlineData("2023-01-02")] // New Year's Day on Sunday, observed Monday
    [InlineData("2024-01-15")] // Martin Luther King Jr. Day
    [InlineData("2024-02-19")] // Washington's Birthday
    [InlineData("2024-03-29")] // Good Friday
    [InlineData("2024-05-27")] // Memorial Day
    [InlineData("2022-06-20")] // Juneteenth on Sunday, observed Monday
    [InlineData("2024-06-19")] // Juneteenth
    [InlineData("2020-07-03")] // Independence Day on Saturday, observed Friday
    [InlineData("2024-09-02")] // Labor Day
    [InlineData("2024-11-28")] // Thanksgiving
    [InlineData("2021-12-24")] // Christmas on Saturday, observed Friday
    [InlineData("2012-10-29")] // Hurricane Sandy
    [InlineData("2025-01-09")] // National day of mourning, President Carter
    public void IsHoliday_IsTrueForExchangeHolidays(string date) =>
        NyseHolidays.IsHoliday(Parse(date)).Should().BeTrue();

    [Theory]
    [InlineData("2021-12-31")] // New Year's Day 2022 fell on Saturday: no closure on the Friday before
    [InlineData("2021-06-18")] // Juneteenth became an exchange holiday in 2022
    [InlineData("2024-03-28")] // Thursday before Good Friday
    [InlineData("2024-11-29")] // Day after Thanksgiving: half day, not a holiday
    public void IsHoliday_IsFalseForTradingDays(string date) =>
        NyseHolidays.IsHoliday(Parse(date)).Should().BeFalse();

    [Theory]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    public void EasterSunday_MatchesTheGregorianComputus(int year, string expected) =>
        NyseHolidays.EasterSunday(year).Should().Be(Parse(expected));

    [Fact]
    public void PreviousBusinessDay_SkipsWeekendsAndHolidays() =>
        NyseHolidays.PreviousBusinessDay(Parse("2024-04-01")).Should().Be(Parse("2024-03-28"));

    private static DateOnly Parse(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
