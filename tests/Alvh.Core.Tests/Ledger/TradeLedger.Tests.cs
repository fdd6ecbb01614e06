using System.Security.Cryptography;
using System.Text;
using Alvh.Engine;
using Alvh.Ledger;
using Alvh.Pricing;

namespace Alvh.Core.Tests.Ledger;

public class TradeLedgerTests
{
    private static readonly DateOnly Day = new(2020, 3, 2);

    private static Instrument Put(double strike) => Instrument.SpxOption(OptionRight.Put, strike, new DateOnly(2020, 3, 20));

    /// <summary>Fills, closes and cash entries over a few sleeves: the seeded sequence the tests replay.</summary>
    private static void Replay(TradeLedger ledger, int seed, Action<int>? afterEach = null)
    {
        var random = new Random(seed);
        string[] sleeves = ["drip", "condor", "hedge"];
        for (int i = 0; i < 400; i++)
        {
            string sleeve = sleeves[random.Next(sleeves.Length)];
            var instrument = random.Next(4) == 0 ? Instrument.Equity("SPY") : Put(2000 + (25 * random.Next(16)));
            double held = ledger.Quantity(sleeve, instrument);
            double quantity = held != 0 && random.Next(3) == 0 ? -held : random.Next(1, 5) * (random.Next(2) == 0 ? 1 : -1);
            double price = Math.Round(1 + (50 * random.NextDouble()), 2);
            if (random.Next(5) == 0) ledger.Append(Day.AddDays(i), EntryKind.Interest, sleeve, default, 0, 0, 0.01 * price, "T-bill rate");
            else ledger.Append(Day.AddDays(i), EntryKind.Fill, sleeve, instrument, quantity, price, -quantity * price * instrument.Multiplier, "test");
            afterEach?.Invoke(i);
        }
    }

    /// <summary>
    /// The ledger stores numbers and indices, not the entries themselves (EntryRows): every entry reads back,
    /// field for field, as it was appended — cash entries with the default instrument, fills, fees, settlements
    /// and equities, over several sleeves, with its sequence number — by index and by enumeration.
    /// </summary>
    [Fact]
    public void Entries_read_back_exactly_as_appended()
    {
        var random = new Random(11);
        var ledger = new TradeLedger();
        var appended = new List<LedgerEntry>();
        string[] sleeves = ["drip", "condor", "hedge", "cash"];
        EntryKind[] kinds = [EntryKind.Fill, EntryKind.Fee, EntryKind.Interest, EntryKind.Transfer, EntryKind.Dividend, EntryKind.Settlement];
        for (int i = 0; i < 1500; i++)
        {
            // A new string each time: the ledger keeps its own copy of a sleeve's name, equal as a string.
            string sleeve = new string(sleeves[random.Next(sleeves.Length)].AsSpan());
            var kind = kinds[random.Next(kinds.Length)];
            bool cashOnly = kind is EntryKind.Interest or EntryKind.Transfer;
            var instrument = cashOnly ? default : random.Next(3) == 0 ? Instrument.Equity("SPY") : Put(1000 + (5 * random.Next(400)));
            double quantity = cashOnly || kind is EntryKind.Fee or EntryKind.Dividend ? 0 : random.Next(-5, 6);
            double price = cashOnly ? 0 : Math.Round(100 * random.NextDouble(), 4);
            double cash = (random.NextDouble() - 0.5) * 1e4;
            var date = Day.AddDays(i / 3);
            string reason = $"reason {random.Next(50)}";
            ledger.Append(date, kind, sleeve, instrument, quantity, price, cash, reason);
            appended.Add(new LedgerEntry(i, date, kind, sleeve, instrument, quantity, price, cash, reason));
        }

        ledger.Entries.Should().HaveCount(appended.Count);
        for (int i = 0; i < appended.Count; i++) ledger.Entries[i].Should().Be(appended[i]);
        ledger.Entries.Should().Equal(appended);
        FluentActions.Invoking(() => ledger.Entries[appended.Count]).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void A_negative_zero_is_written_as_0()
    {
        // A long option settled worthless books quantity × 0 × −1 = −0 cash: ledger.csv showed "-0" (332 lines in the
        // study's condor ledgers). Round-trip text ("R") of +0 is "0".
        var e = new LedgerEntry(3, new DateOnly(2006, 4, 13), EntryKind.Settlement, "condor", Instrument.SpxOption(Alvh.Pricing.OptionRight.Call, 1320, new DateOnly(2006, 4, 13)), -0.0, -0.0, -0.0, "expiry");
        var text = new StringBuilder();
        LedgerText.Append(text, e);
        text.ToString().Should().Be("3,2006-04-13,settlement,condor,SPX 2006-04-13 C 1320,0,0,0,expiry");
    }

    [Fact]
    public void Hash_is_the_SHA256_of_the_ledger_files_text_whenever_it_is_asked_for()
    {
        // Independent computation: SHA-256 (FIPS 180-4, via .NET's one-shot HashData) of the UTF-8 text of ledger.csv:
        // its header line, then every entry's canonical line, each followed by a newline.
        var once = new TradeLedger();
        Replay(once, 7);
        var text = new StringBuilder(LedgerText.Header).Append('\n');
        foreach (var e in once.Entries)
        {
            LedgerText.Append(text, e);
            text.Append('\n');
        }
        string expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        once.Sha256().Should().Be(expected);

        // Asked for along the way (the hash catches up on the entries appended since): same final hash.
        var often = new TradeLedger();
        Replay(often, 7, i => { if (i % 37 == 0) often.Sha256(); });
        often.Sha256().Should().Be(expected);
    }

    /// <summary>
    /// The instrument table (chunks of instruments, a hash of their numbers) past its chunk size and its hash's
    /// growths, beyond the 8,192 instruments where its hash reaches the large-object heap: 20,000 distinct options
    /// in a seeded order, each bought and partly sold, read back entry by entry; every position's quantity found by
    /// an instrument equal to, but not the same instance as, the one appended (symbols copied to new strings); an
    /// instrument never appended holds nothing.
    /// </summary>
    [Fact]
    public void Twenty_thousand_instruments_are_numbered_and_found_again()
    {
        var random = new Random(23);
        var ledger = new TradeLedger();
        var instruments = new List<Instrument>();
        var expiries = Enumerable.Range(0, 100).Select(k => new DateOnly(2021, 1, 1).AddDays(7 * k)).ToArray();
        foreach (var expiry in expiries)
        {
            for (int k = 0; k < 100; k++)
            {
                instruments.Add(Instrument.SpxOption(OptionRight.Put, 1000 + (5 * k), expiry));
                instruments.Add(Instrument.VixOption(OptionRight.Call, 10 + (0.5 * k), expiry));
            }
        }
        // Strikes the comparer equates with others of other bits: −0 with 0, every NaN with every NaN.
        instruments.Add(Instrument.VixOption(OptionRight.Put, -0.0, expiries[0]));
        instruments.Add(Instrument.VixOption(OptionRight.Put, double.NaN, expiries[0]));
        var order = instruments.OrderBy(_ => random.Next()).ToList();
        var held = new Dictionary<Instrument, double>();
        foreach (var instrument in order)
        {
            double quantity = random.Next(1, 9);
            ledger.Append(Day, EntryKind.Fill, "hedge", instrument, quantity, 1.5, -quantity * 150, "open");
            held[instrument] = quantity;
        }
        foreach (var instrument in order.Where((_, i) => i % 3 == 0))
        {
            ledger.Append(Day.AddDays(1), EntryKind.Fill, "hedge", instrument, -1, 2, 200, "trim");
            held[instrument] -= 1;
        }

        ledger.Entries.Should().HaveCount(order.Count + ((order.Count + 2) / 3));
        for (int i = 0; i < order.Count; i++) ledger.Entries[i].Instrument.Should().Be(order[i]);
        foreach (var (instrument, quantity) in held)
        {
            var copy = instrument with { Symbol = new string(instrument.Symbol.AsSpan()) };
            ledger.Quantity("hedge", copy).Should().Be(quantity);
        }
        ledger.Quantity("hedge", Instrument.SpxOption(OptionRight.Call, 1000, expiries[0])).Should().Be(0);
        ledger.Quantity("hedge", Instrument.VixOption(OptionRight.Put, 0.0, expiries[0])).Should().Be(held[Instrument.VixOption(OptionRight.Put, -0.0, expiries[0])]);
        double otherNaN = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(double.NaN) ^ 1);
        ledger.Quantity("hedge", Instrument.VixOption(OptionRight.Put, otherNaN, expiries[0])).Should().Be(held[Instrument.VixOption(OptionRight.Put, double.NaN, expiries[0])]);
        ledger.PositionCount.Should().Be(held.Count(kv => kv.Value != 0));
    }

    [Fact]
    public void Positions_enumerate_like_a_dictionary_of_the_same_operations_and_quantities_agree_with_it()
    {
        // Reference: the dictionary the ledger used to keep (a closed entry's place is reused by the next new key).
        var ledger = new TradeLedger();
        var reference = new Dictionary<(string, Instrument), double>();
        Replay(ledger, 11, _ =>
        {
            var e = ledger.Entries[^1];
            if (!e.MovesPosition) return;
            var key = (e.Sleeve, e.Instrument);
            double q = reference.GetValueOrDefault(key) + e.Quantity;
            if (Math.Abs(q) < 1e-9) reference.Remove(key);
            else reference[key] = q;
            ledger.Positions.Select(p => (p.Sleeve, p.Instrument, p.Quantity))
                .Should().Equal(reference.Select(kv => (kv.Key.Item1, kv.Key.Item2, kv.Value)));
            ledger.PositionCount.Should().Be(reference.Count);
        });
        reference.Count.Should().BeGreaterThan(8, "the replay must also exercise the indexed lookup above the scan limit");
        foreach (var ((sleeve, instrument), quantity) in reference) ledger.Quantity(sleeve, instrument).Should().Be(quantity);
        ledger.Quantity("drip", Put(1)).Should().Be(0);
        ledger.Quantity("nobody", Instrument.Equity("SPY")).Should().Be(0);
    }

    [Fact]
    public void Cash_per_sleeve_and_in_total_sum_the_entries()
    {
        var ledger = new TradeLedger();
        Replay(ledger, 3);
        foreach (var sleeve in new[] { "drip", "condor", "hedge" })
        {
            double sum = 0;
            foreach (var e in ledger.Entries.Where(e => e.Sleeve == sleeve)) sum += e.Cash;
            ledger.Cash(sleeve).Should().Be(sum);
        }
        ledger.TotalCash().Should().BeApproximately(ledger.Entries.Sum(e => e.Cash), 1e-6);
        ledger.Cash("nobody").Should().Be(0);
    }

    /// <summary>
    /// The fees booked on an open position (VIX fees of 0.65 + 0.40 + 0.03 = 1.08 a contract, FeeSchedule.Vix): its fills'
    /// fee entries add up, its sales' too (2.16 + 2.16 + 3.24 on 2, 2 and 3 contracts); a closed position forgets them, one
    /// opened again starts from its own (0.54 on half a contract's fee), and a fee booked by a sleeve without the position
    /// leaves them alone; the cost basis never holds them (it is the prices paid).
    /// </summary>
    [Fact]
    public void Fees_paid_are_those_booked_on_the_open_position_since_it_opened()
    {
        var ledger = new TradeLedger();
        var call = Instrument.VixOption(OptionRight.Call, 20, new DateOnly(2020, 3, 18));
        ledger.Append(Day, EntryKind.Deposit, "hedge", default, 0, 0, 10_000, "capital");
        ledger.Append(Day, EntryKind.Fill, "hedge", call, 2, 1.5, -300, "buy");
        ledger.Append(Day, EntryKind.Fee, "hedge", call, 0, 0, -2.16, "fees");
        ledger.Append(Day, EntryKind.Fill, "hedge", call, 2, 1.6, -320, "buy");
        ledger.Append(Day, EntryKind.Fee, "hedge", call, 0, 0, -2.16, "fees");
        ledger.Append(Day, EntryKind.Fee, "other", call, 0, 0, -9, "no position of this sleeve");
        ledger.FeesPaid("hedge", call).Should().BeApproximately(4.32, 1e-12);
        ledger.Positions.Single().CostBasis.Should().Be(620, "the prices paid, no fee");
        ledger.FeesPaid("other", call).Should().Be(0);

        ledger.Append(Day.AddDays(1), EntryKind.Fill, "hedge", call, -3, 2.0, 600, "sell part");
        ledger.Append(Day.AddDays(1), EntryKind.Fee, "hedge", call, 0, 0, -3.24, "fees");
        ledger.FeesPaid("hedge", call).Should().BeApproximately(7.56, 1e-12, "the position's fees since it opened, its sales' too");

        ledger.Append(Day.AddDays(2), EntryKind.Fill, "hedge", call, -1, 2.0, 200, "sell the rest");
        ledger.Append(Day.AddDays(2), EntryKind.Fee, "hedge", call, 0, 0, -1.08, "fees");
        ledger.FeesPaid("hedge", call).Should().Be(0, "no position is open");

        ledger.Append(Day.AddDays(3), EntryKind.Fill, "hedge", call, 1, 1.0, -100, "buy again");
        ledger.Append(Day.AddDays(3), EntryKind.Fee, "hedge", call, 0, 0, -0.54, "fees");
        ledger.FeesPaid("hedge", call).Should().Be(0.54);
    }
}
