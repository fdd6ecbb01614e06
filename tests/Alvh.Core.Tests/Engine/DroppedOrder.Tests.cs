using Alvh.Engine;

namespace Alvh.Core.Tests.Engine;

public class DroppedOrderTests
{
    /// <summary>
    /// Its line is the text the engine wrote before the record (summary.json's "dropped" keeps it): date, sleeve, order,
    /// the sleeve's reason in quotes, then the engine's account.
    /// </summary>
    [Fact]
    public void Its_line_is_date_sleeve_order_reason_and_why()
    {
        var order = new DroppedOrder(new DateOnly(2018, 9, 21), "condor", "order of 2 legs (-1 SPX 2018-09-28 P 1465, +1 SPX 2018-09-28 P 1415)",
            "open condor", "not enough cash for 3 of each leg, filled 2", DroppedOrderKind.FilledInPart);

        order.ToString().Should().Be("2018-09-21 condor order of 2 legs (-1 SPX 2018-09-28 P 1465, +1 SPX 2018-09-28 P 1415) for 'open condor': not enough cash for 3 of each leg, filled 2");
        $"{order with { Sleeve = "alvh-30", Order = "SPY", Kind = DroppedOrderKind.NotFilled }}".Should().Be(
            "2018-09-21 alvh-30 SPY for 'open condor': not enough cash for 3 of each leg, filled 2", "the kind is a field, not part of the line");
    }
}
