using Alvh.Engine;
using Alvh.Ledger;
using Alvh.Pricing;
using Alvh.Runs;

namespace Alvh.Core.Tests.Runs;

public class SleeveStatisticsTests
{
    private static readonly DateOnly Day0 = new(2020, 1, 1);

    [Fact]
    public void Hedge_spike_payoff_is_the_layers_value_change_less_their_transfers_and_interest_inside_the_episode()
    {
        // Ten days (2020-01-01 + t); sleeves drip, alvh-30, alvh-60 worth 1000, 10 + t and 20 + 2t: equity 1030 + 3t.
        string[] sleeves = ["drip", "alvh-30", "alvh-60"];
        var daily = Enumerable.Range(0, 10).Select(t => new DailyRecord(Day0.AddDays(t), 1030 + 3 * t, 0, [1000, 10 + t, 20 + 2 * t], 20, 0)).ToList();
        var ledger = new TradeLedger();
        ledger.Append(Day0, EntryKind.Deposit, "drip", default, 0, 0, 1000, "initial capital");
        ledger.Append(Day0, EntryKind.Deposit, "alvh-30", default, 0, 0, 10, "initial capital");
        ledger.Append(Day0, EntryKind.Deposit, "alvh-60", default, 0, 0, 20, "initial capital");
        ledger.Append(Day0.AddDays(2), EntryKind.Transfer, "alvh-60", default, 0, 0, 7, "on the day before the episode: left out");
        ledger.Append(Day0.AddDays(3), EntryKind.Transfer, "alvh-30", default, 0, 0, 5, "in");
        ledger.Append(Day0.AddDays(4), EntryKind.Interest, "alvh-60", default, 0, 0, 0.25, "in");
        ledger.Append(Day0.AddDays(4), EntryKind.Interest, "drip", default, 0, 0, 1, "not a layer: left out");
        ledger.Append(Day0.AddDays(5), EntryKind.Fee, "alvh-30", Instrument.VixOption(OptionRight.Call, 20, Day0.AddDays(30)), 0, 0, -3, "not a transfer: left out");
        ledger.Append(Day0.AddDays(6), EntryKind.Transfer, "alvh-30", default, 0, 0, -2, "on the episode's last day: in");
        ledger.Append(Day0.AddDays(8), EntryKind.Interest, "alvh-30", default, 0, 0, 0.5, "in the second episode");
        var result = new BacktestResult(sleeves, daily, [], ledger, [], [], 0);

        var hedge = SleeveStatistics.Hedge(result, [(Day0.AddDays(3), Day0.AddDays(6)), (Day0, Day0.AddDays(2)), (Day0.AddDays(8), Day0.AddDays(9))])!;

        // First: from the close of 01-03 (layers 12 + 24) to 01-07 (16 + 32), less 5 + 0.25 − 2 moved in, over equity 1036.
        // Second: an episode from the first day has no close before it, so it is left out. Third: from 01-08 (17 + 34)
        // to 01-10 (19 + 38), less 0.5, over 1051.
        hedge.SpikePayoff.Should().Equal((Day0.AddDays(3), 8.75 / 1036), (Day0.AddDays(8), 5.5 / 1051));
    }

    [Fact]
    public void Hedge_spike_payoff_equals_the_filter_over_every_ledger_entry_bit_for_bit()
    {
        // The formula the statistics used, filtering all entries per episode, on a seeded random ledger whose amounts do
        // not add exactly: the sums must keep their order.
        var rng = new Random(20200101);
        string[] sleeves = ["drip", "alvh-30", "alvh-60", "alvh-90"];
        var ledger = new TradeLedger();
        var daily = new List<DailyRecord>();
        for (int t = 0; t < 300; t++)
        {
            var date = Day0.AddDays(t);
            double[] values = [.. sleeves.Select(_ => 1000 * rng.NextDouble())];
            daily.Add(new DailyRecord(date, values.Sum(), 0, values, 20, 0));
            for (int k = rng.Next(4); k > 0; k--)
            {
                var kind = rng.Next(3) switch { 0 => EntryKind.Transfer, 1 => EntryKind.Interest, _ => EntryKind.Fee };
                ledger.Append(date, kind, sleeves[rng.Next(sleeves.Length)], default, 0, 0, 100 * (rng.NextDouble() - 0.5), "random");
            }
        }
        var episodes = Enumerable.Range(0, 25).Select(_ => rng.Next(300)).Select(s => (Day0.AddDays(s), Day0.AddDays(s + rng.Next(40)))).ToList();
        var result = new BacktestResult(sleeves, daily, [], ledger, [], [], 0);

        var hedge = SleeveStatistics.Hedge(result, episodes)!;

        var layers = new[] { 1, 2, 3 };
        var expected = new List<(DateOnly, double)>();
        foreach (var (start, end) in episodes)
        {
            int a = daily.FindLastIndex(d => d.Date <= start.AddDays(-1));
            int b = daily.FindLastIndex(d => d.Date <= end);
            if (a < 0 || b <= a) continue;
            double transfersIn = ledger.Entries.Where(e => e.Sleeve.StartsWith("alvh-", StringComparison.Ordinal) && e.Kind is EntryKind.Transfer or EntryKind.Interest && e.Date > daily[a].Date && e.Date <= daily[b].Date).Sum(e => e.Cash);
            double change = layers.Sum(i => daily[b].SleeveValues[i]) - layers.Sum(i => daily[a].SleeveValues[i]) - transfersIn;
            expected.Add((start, change / daily[a].Equity));
        }
        expected.Should().HaveCountGreaterThan(20);
        hedge.SpikePayoff.Should().Equal(expected);
    }
}
