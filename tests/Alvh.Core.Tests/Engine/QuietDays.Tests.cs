using Alvh.Benchmarks;
using Alvh.Engine;
using Alvh.MarketData;

namespace Alvh.Core.Tests.Engine;

/// <summary>
/// The engine's quiet-day path (equities only, no rate, nothing to fill or receive) against its general
/// path: the reference is the same engine with the quiet path switched off, so every ledger entry, every
/// equity and every sleeve value must agree to the bit on seeded random markets.
/// </summary>
public class QuietDaysTests
{
    private static MarketDataSet Market(int seed, int bars, bool gaps)
    {
        var random = new Random(seed);
        var days = SyntheticMarket.Weekdays(new DateOnly(2001, 1, 2), bars);
        var series = new List<DailySeries>();
        foreach (var id in new[] { "aaa", "bbb", "ccc" })
        {
            var open = new double[bars];
            var close = new double[bars];
            double price = 50 + (100 * random.NextDouble());
            for (int t = 0; t < bars; t++)
            {
                open[t] = price * (1 + (0.004 * (random.NextDouble() - 0.5)));
                price *= Math.Exp(0.02 * (random.NextDouble() - 0.5));
                close[t] = price;
            }
            // Missing opens (a fill takes the close); missing closes only on ccc, bought on its first decision
            // (bar 59) and held: its mark carries the previous one (a fill on a day without a close is refused).
            if (gaps)
            {
                for (int k = 0; k < bars / 40; k++)
                {
                    open[1 + random.Next(bars - 1)] = double.NaN;
                    if (id == "ccc") close[70 + random.Next(bars - 70)] = double.NaN;
                }
            }
            series.Add(new DailySeries(id, id + ".csv", days, close, open));
        }
        return new MarketDataSet("quiet", new TradingCalendar(days), series, null, [], null, null, null, [], [], []);
    }

    private static (BacktestResult Result, string Hash) Run(MarketDataSet data, ISleeve[] sleeves, FillTiming timing, bool quiet)
    {
        var prices = new EquityPriceModel(data, new Dictionary<string, string> { ["AAA"] = "aaa", ["BBB"] = "bbb", ["CCC"] = "ccc" }, commissionPerShare: 0.005, halfSpreadBps: 1);
        var r = BacktestEngine.Run(data, sleeves, prices, new BacktestConfig { InitialCapital = 1_000_000, FillTiming = timing, QuietDays = quiet });
        return (r, r.Ledger.Sha256());
    }

    public static TheoryData<int, bool, FillTiming> Cases() => new()
    {
        { 1, false, FillTiming.NextBar },
        { 2, true, FillTiming.NextBar },
        { 3, true, FillTiming.SameClose },
        { 4, false, FillTiming.SameClose },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Quiet_days_give_the_general_path_bits(int seed, bool gaps, FillTiming timing)
    {
        var data = Market(seed, 1500, gaps);
        // Two sleeves trading the same symbol (one instrument, two positions), one trading another, one holding a third.
        ISleeve[] Sleeves() =>
        [
            new SmaCrossSleeve(5, 20, "aaa", "AAA", "fast-aaa") { Allocation = 0.3 },
            new SmaCrossSleeve(10, 50, "aaa", "AAA", "slow-aaa") { Allocation = 0.3 },
            new SmaCrossSleeve(3, 30, "bbb", "BBB", "bbb") { Allocation = 0.2 },
            new BuyAndHoldSleeve(60, "ccc", "CCC", "hold-ccc") { Allocation = 0.2 },
        ];
        var (general, generalHash) = Run(data, Sleeves(), timing, quiet: false);
        var (quiet, quietHash) = Run(data, Sleeves(), timing, quiet: true);

        general.Trades.Count.Should().BeGreaterThan(30, "the sleeves must trade for the comparison to mean something");
        quietHash.Should().Be(generalHash);
        var a = (DailyTable)general.Daily;
        var b = (DailyTable)quiet.Daily;
        b.Equity.ToArray().Should().Equal(a.Equity.ToArray());
        for (int row = 0; row < a.Count; row++)
        {
            for (int k = 0; k < 4; k++) b.SleeveValue(row, k).Should().Be(a.SleeveValue(row, k));
        }
    }
}
