namespace Alvh.Reports.Tests;

/// <summary>The report's number formats (percentages with one decimal, invariant culture).</summary>
public class FormatTests
{
    [Theory]
    [InlineData(-0.0004, "0.0%")]
    [InlineData(-0.0005, "-0.1%")] // .NET rounds half away from zero in custom formats
    [InlineData(0.1234, "12.3%")]
    public void Percent_never_prints_a_negative_zero(double fraction, string expected) => Format.Percent(fraction).Should().Be(expected);

    [Fact]
    public void Points_never_print_a_negative_zero() => Format.Points(-0.0002).Should().Be("0.0");

    [Theory]
    [InlineData(0.11982, "11.98%")] // "12.0%" beside an inside 0.12048 read as inside the claimed 12-18%
    [InlineData(0.12048, "12.05%")]
    [InlineData(0.12, "12.0%")]
    [InlineData(0.1530, "15.3%")]
    [InlineData(0.17996, "17.996%")]
    [InlineData(0.119996, "11.9996%")]
    public void A_share_beside_the_claims_bounds_shows_which_side_it_lies(double fraction, string expected) =>
        Format.PercentBeside(fraction, 0.12, 0.18).Should().Be(expected);

    /// <summary>
    /// Counts carry thousands separators, as the console's do; years do not. A backtest's card read "2021 fills" for
    /// drip-alvh over 2006-2026, a count that looked like a year (review h101).
    /// </summary>
    [Fact]
    public void Counts_carry_thousands_separators_and_years_do_not()
    {
        Format.Count(2021).Should().Be("2,021");
        Format.Count(7908).Should().Be("7,908");
        Format.Count(999).Should().Be("999");
        Format.Count(0).Should().Be("0");
        Format.Integer(2021).Should().Be("2021");
    }
}
