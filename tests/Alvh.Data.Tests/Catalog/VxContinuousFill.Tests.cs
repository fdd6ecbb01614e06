using Alvh.Calendars;
using Alvh.Data.Catalog;
using Alvh.MarketData;

namespace Alvh.Data.Tests.Catalog;

/// <summary>
/// The continuous VX file fills contracts the per-contract files lack. Expirations are Cboe's rule (the Wednesday 30 days
/// before the next month's third Friday): the May 2007 contract expired 2007-05-16, June 2007-06-20 (July 20, the third Friday, less 30 days), July 2007-07-18.
/// The roll on the expiry day itself is PROVENANCE.md's quirk of the continuous file.
/// </summary>
public class VxContinuousFillTests
{
    private static readonly DateOnly May16 = new(2007, 5, 16), May17 = new(2007, 5, 17);

    [Fact]
    public void Expirations_after_a_date_roll_on_the_expiry_day_itself()
    {
        VxExpirations.ForContractMonth(2007, 5).Should().Be(May16);
        var next = new List<DateOnly>();
        VxContinuousFill.NextExpirations(new DateOnly(2007, 5, 15), 2, next);
        next.Should().Equal(May16, new DateOnly(2007, 6, 20));
        VxContinuousFill.NextExpirations(May16, 2, next);
        next.Should().Equal([new DateOnly(2007, 6, 20), new DateOnly(2007, 7, 18)], "on the expiry day VX1 is already the next contract");
    }

    [Fact]
    public void Missing_contracts_are_taken_from_the_continuous_file_and_shared_ones_checked()
    {
        // Two dates, VX1 and VX2. The per-contract history has only the July contract on 05-17 (settle 14.00, as the
        // continuous VX2 that day): June is added on both days, July on 05-16, and nothing is reported.
        var curve = new VxContinuousCurve("vx-continuous", "c.csv", [May16, May17], [13, 13],
            [[13.50, 13.60], [14.10, 14.00]], [1500, 1500]);
        var july = new DateOnly(2007, 7, 18);
        var vx = new VxFuturesHistory("vx", "p.csv", [May17], [july], [14], [14], [14], [14], [14.00], [100], [1000]);
        var issues = new List<DataIssue>();
        var rules = new List<string>();
        var merged = VxContinuousFill.Run(vx, curve, [2, 3], 0.05, issues, rules);
        merged.TradeDates.Should().Equal(May16, May16, May17, May17);
        merged.Expirations.Should().Equal(new DateOnly(2007, 6, 20), july, new DateOnly(2007, 6, 20), july);
        merged.Settle.Should().Equal(13.50, 14.10, 13.60, 14.00);
        merged.Volume[3].Should().Be(100, "a per-contract row is kept as it is");
        double.IsNaN(merged.Volume[0]).Should().BeTrue("the continuous file has settles only");
        issues.Should().BeEmpty();
        rules.Should().ContainSingle().Which.Should().Contain("3 settles").And.Contain("1 shared settles agree within 0.05 points, 0 do not");
    }

    [Fact]
    public void Only_the_two_nearest_columns_are_read_and_a_repeat_is_not()
    {
        // VX3 (15.00) counts the third contract listed, not the third month: it is not read. On 05-17 VX2 repeats VX1, as
        // the file does when fewer contracts were listed than it has columns: June alone is taken.
        var curve = new VxContinuousCurve("vx-continuous", "c.csv", [May16, May17], [13, 13],
            [[13.50, 13.60], [14.10, 13.60], [15.00, 15.10]], [1500, 1500]);
        var merged = VxContinuousFill.Run(null, curve, [2, 3], 0.05, [], []);
        merged.TradeDates.Should().Equal(May16, May16, May17);
        merged.Expirations.Should().Equal(new DateOnly(2007, 6, 20), new DateOnly(2007, 7, 18), new DateOnly(2007, 6, 20));
        merged.Settle.Should().Equal(13.50, 14.10, 13.60);
    }

    [Fact]
    public void A_shared_settle_that_disagrees_is_reported_with_its_line_and_the_per_contract_one_kept()
    {
        var curve = new VxContinuousCurve("vx-continuous", "c.csv", [May17], [13], [[13.60], [14.30]], [1500]);
        var july = new DateOnly(2007, 7, 18);
        var vx = new VxFuturesHistory("vx", "p.csv", [May17], [july], [14], [14], [14], [14], [14.00], [100], [1000]);
        var issues = new List<DataIssue>();
        var merged = VxContinuousFill.Run(vx, curve, [7], 0.05, issues, []);
        merged.Settle.Should().Equal(13.60, 14.00);
        issues.Should().ContainSingle().Which.Should().Match<DataIssue>(i => i.File == "c.csv" && i.Line == 7 && i.Message.Contains("VX2 (contract 2007-07-18): settle 14.3 here, 14 in the per-contract file"));
    }
}
