using Alvh.Engine;
using Alvh.Ledger;
using Alvh.Pricing;

namespace Alvh.Core.Tests.Engine;

public class TradeRowsTests
{
    [Fact]
    public void Rows_read_back_as_the_records_booked_with_the_instruments_ids_the_same_objects_every_read()
    {
        var ledger = new TradeLedger();
        var put = Instrument.SpxOption(OptionRight.Put, 4000, new DateOnly(2024, 3, 15));
        var call = Instrument.SpxOption(OptionRight.Call, 4500.5, new DateOnly(2024, 3, 15));
        int p = ledger.Intern(put), c = ledger.Intern(call);
        var rows = new TradeRows(ledger);
        var day = new DateOnly(2024, 1, 2);
        // Past a chunk and through the first chunk's growth (32, 64, ... 512 rows, then a second chunk).
        for (int i = 0; i < 700; i++) rows.Add(day.AddDays(i), "condor", i % 2 == 0 ? p : c, -i, 1.5 * i, 0.25 * i, $"reason {i}");
        rows.Count.Should().Be(700);

        rows[0].Should().Be(new TradeRecord(day, "condor", "SPX 2024-03-15 P 4000", 0, 0, 0, "reason 0"));
        rows[699].Should().Be(new TradeRecord(day.AddDays(699), "condor", "SPX 2024-03-15 C 4500.5", -699, 1.5 * 699, 0.25 * 699, "reason 699"));
        rows.Select((r, i) => r.Reason == $"reason {i}" && r.Quantity == -i).Should().AllSatisfy(ok => ok.Should().BeTrue());
        rows[513].Should().BeSameAs(rows.ElementAt(513));
        var read = () => rows[700];
        read.Should().Throw<ArgumentOutOfRangeException>();

        // A fill booked after a read is read too.
        rows.Add(day, "condor", p, 1, 2, 3, "later");
        rows.Should().HaveCount(701);
        rows[700].Reason.Should().Be("later");
        rows[0].Should().BeSameAs(rows.First());
    }
}
