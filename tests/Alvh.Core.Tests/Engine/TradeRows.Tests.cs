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

    private static readonly DateOnly Day = new(2024, 1, 2);

    /// <summary>A ledger with two options (indices 0 and 1) for the rows to name.</summary>
    private static TradeLedger TwoOptions()
    {
        var ledger = new TradeLedger();
        ledger.Intern(Instrument.SpxOption(OptionRight.Put, 4000, new DateOnly(2024, 3, 15)));
        ledger.Intern(Instrument.SpxOption(OptionRight.Call, 4500.5, new DateOnly(2024, 3, 15)));
        return ledger;
    }

    /// <summary>Books <paramref name="count"/> fills told apart by <paramref name="run"/> into rows on <paramref name="store"/>.</summary>
    private static TradeRows Book(TradeLedger ledger, ChunkStore<TradeRows.Row[]> store, int run, int count)
    {
        var rows = new TradeRows(ledger);
        rows.UseStore(store);
        for (int i = 0; i < count; i++) rows.Add(Day.AddDays(i), $"sleeve {run}", i % 2, run * 10_000 + i, i, run, $"run {run} fill {i}");
        return rows;
    }

    private static TradeRecord[] Expected(int run, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new TradeRecord(Day.AddDays(i), $"sleeve {run}", i % 2 == 0 ? "SPX 2024-03-15 P 4000" : "SPX 2024-03-15 C 4500.5", run * 10_000 + i, i, run, $"run {run} fill {i}"))];

    /// <summary>
    /// Runs on one store, longer then shorter then longer than the run before (the rows past a short run's last fill still
    /// hold a longer run's): each reads back its own fills, the first chunk stays as large as it grew (no run after grows
    /// it again), and the store gains a chunk only when a run needs more than it holds.
    /// </summary>
    [Fact]
    public void Runs_on_a_store_read_their_own_fills_and_the_store_keeps_the_chunks_as_grown()
    {
        var ledger = TwoOptions();
        var store = new ChunkStore<TradeRows.Row[]>();
        Book(ledger, store, 1, 700).Should().Equal(Expected(1, 700));
        store.Chunks.Select(c => c.Length).Should().Equal(512, 512);
        var first = store.Chunks[0];
        var second = store.Chunks[1];
        foreach (var (run, count) in new[] { (2, 40), (3, 1100), (4, 600), (5, 0), (6, 513) })
        {
            Book(ledger, store, run, count).Should().Equal(Expected(run, count));
            store.Chunks[0].Should().BeSameAs(first);
            store.Chunks[1].Should().BeSameAs(second);
        }
        store.Chunks.Select(c => c.Length).Should().Equal(512, 512, 512);

        // A first chunk growing while reused: grown by one run (32 to 64, then 128), kept at that size by the store.
        var small = new ChunkStore<TradeRows.Row[]>();
        Book(ledger, small, 1, 40).Should().Equal(Expected(1, 40));
        small.Chunks.Should().ContainSingle().Which.Length.Should().Be(64);
        Book(ledger, small, 2, 100).Should().Equal(Expected(2, 100));
        var grown = small.Chunks.Should().ContainSingle().Which;
        grown.Length.Should().Be(128);
        Book(ledger, small, 3, 10).Should().Equal(Expected(3, 10));
        Book(ledger, small, 4, 128).Should().Equal(Expected(4, 128));
        small.Chunks.Should().ContainSingle().Which.Should().BeSameAs(grown);
    }

    /// <summary>
    /// The rows of a run whose store a later run took over refuse every read (though its records were made and cached
    /// before) and every fill: the fill would land in the row the later run wrote at the stale count (slot 5 of the shared
    /// first chunk here), overwriting it without a word.
    /// </summary>
    [Fact]
    public void A_run_whose_store_was_taken_over_refuses_reads_and_fills_and_the_later_runs_fills_stay_its_own()
    {
        var ledger = TwoOptions();
        var store = new ChunkStore<TradeRows.Row[]>();
        var kept = Book(ledger, store, 1, 5);
        kept[0].Should().Be(Expected(1, 5)[0], "read and cached before the next run");
        var next = Book(ledger, store, 2, 20);

        FluentActions.Invoking(() => kept.Count).Should().Throw<RunBuffersReusedException>().WithMessage("*trades were reused by a later run*");
        FluentActions.Invoking(() => kept[0]).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => kept.ToList()).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => kept.Add(Day, "late", 0, 1, 2, 3, "late")).Should().Throw<RunBuffersReusedException>().WithMessage("*trades were reused by a later run*");
        next.Should().Equal(Expected(2, 20));
        next.Add(Day, "sleeve 2", 1, 7, 8, 9, "after a read");
        next.Should().HaveCount(21);
        next[20].Reason.Should().Be("after a read");
        FluentActions.Invoking(() => next.UseStore(store)).Should().Throw<InvalidOperationException>("a store is chosen before the first fill");
    }
}
