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
    internal static MarketDataSet Market(int seed, int bars, bool gaps)
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

    private static (BacktestResult Result, string Hash) Run(MarketDataSet data, ISleeve[] sleeves, FillTiming timing, bool quiet, bool spans = true)
    {
        var prices = new EquityPriceModel(data, new Dictionary<string, string> { ["AAA"] = "aaa", ["BBB"] = "bbb", ["CCC"] = "ccc" }, commissionPerShare: 0.005, halfSpreadBps: 1);
        var r = BacktestEngine.Run(data, sleeves, prices, new BacktestConfig { InitialCapital = 1_000_000, FillTiming = timing, QuietDays = quiet, SpanDecisions = spans });
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

    public static TheoryData<int, bool, FillTiming, string> SpanCases() => new()
    {
        { 5, false, FillTiming.NextBar, "cross" },
        { 6, true, FillTiming.NextBar, "cross" },
        { 7, true, FillTiming.SameClose, "cross" },
        { 8, true, FillTiming.NextBar, "hold" },
        { 9, false, FillTiming.SameClose, "hold" },
    };

    /// <summary>
    /// A lone span sleeve decides runs of quiet closes in one call; the reference is the same sleeve decided
    /// day by day, through the quiet-day path and through the general path: every ledger entry and equity
    /// must agree to the bit, with carried marks (missing closes of the held ccc) inside spans.
    /// </summary>
    [Theory]
    [MemberData(nameof(SpanCases))]
    public void Span_decisions_give_the_daily_decisions_bits(int seed, bool gaps, FillTiming timing, string rule)
    {
        var data = Market(seed, 1500, gaps);
        CountingSpans Sleeve() => new(rule == "cross" ? new SmaCrossSleeve(3, 30, "ccc", "CCC", "x") : new BuyAndHoldSleeve(60, "ccc", "CCC", "x"));
        var spanning = Sleeve();
        var (span, spanHash) = Run(data, [spanning], timing, quiet: true, spans: true);
        var (daily, dailyHash) = Run(data, [Sleeve()], timing, quiet: true, spans: false);
        var (general, generalHash) = Run(data, [Sleeve()], timing, quiet: false, spans: true);

        if (rule == "cross") daily.Trades.Count.Should().BeGreaterThan(20, "the sleeve must trade for the comparison to mean something");
        spanning.Spans.Should().BeGreaterThan(0);
        spanning.DaysInSpans.Should().BeGreaterThan(1000, "most days must be decided inside spans");
        spanHash.Should().Be(dailyHash);
        generalHash.Should().Be(dailyHash);
        span.Daily.Count.Should().Be(daily.Daily.Count);
        ((DailyTable)span.Daily).Equity.ToArray().Should().Equal(((DailyTable)daily.Daily).Equity.ToArray());
        ((DailyTable)general.Daily).Equity.ToArray().Should().Equal(((DailyTable)daily.Daily).Equity.ToArray());
        span.FinalEquity.Should().Be(daily.FinalEquity);
    }

    [Theory]
    [InlineData(11, FillTiming.NextBar)]
    [InlineData(12, FillTiming.SameClose)]
    public void Spans_over_a_book_of_several_positions_give_the_daily_bits(int seed, FillTiming timing)
    {
        // Two positions (one with missing closes, so carried marks) run through the span's general day loop.
        var data = Market(seed, 800, gaps: true);
        var (span, spanHash) = Run(data, [new BuysTwo()], timing, quiet: true, spans: true);
        var (daily, dailyHash) = Run(data, [new BuysTwo()], timing, quiet: true, spans: false);
        daily.Trades.Count.Should().Be(2);
        spanHash.Should().Be(dailyHash);
        ((DailyTable)span.Daily).Equity.ToArray().Should().Equal(((DailyTable)daily.Daily).Equity.ToArray());
    }

    [Fact]
    public void A_span_that_stops_without_an_intent_or_outside_its_days_is_refused()
    {
        var data = Market(10, 300, false);
        var stops = () => Run(data, [new BadSpan(SpanFault.StopsEarly)], FillTiming.NextBar, quiet: true);
        var outside = () => Run(data, [new BadSpan(SpanFault.Overruns)], FillTiming.NextBar, quiet: true);
        stops.Should().Throw<InvalidOperationException>().WithMessage("*stopped its span on day 0 without an intent*");
        outside.Should().Throw<InvalidOperationException>().WithMessage("*outside 0..299*");
    }

    /// <summary>Forwards to a span sleeve and counts its spans and the days they decided.</summary>
    private sealed class CountingSpans(ISpanSleeve inner) : ISpanSleeve
    {
        public int Spans { get; private set; }

        public int DaysInSpans { get; private set; }

        public string Name => inner.Name;

        public double Allocation => inner.Allocation;

        public DividendPolicy Dividends => inner.Dividends;

        public bool WholeShares => inner.WholeShares;

        public IReadOnlyList<Assumption> Parameters => inner.Parameters;

        public void Decide(SleeveContext context, List<Intent> intents) => inner.Decide(context, intents);

        public int DecideSpan(SleeveContext context, int last, List<Intent> intents)
        {
            int decided = inner.DecideSpan(context, last, intents);
            Spans++;
            DaysInSpans += decided - context.Day + 1;
            return decided;
        }
    }

    /// <summary>Buys 1,000 AAA and 1,000 CCC on the close of day 75 (after ccc's gap-free start) and holds them.</summary>
    private sealed class BuysTwo() : TestSleeve("two"), ISpanSleeve
    {
        private const int Day = 75;

        public override void Decide(SleeveContext context, List<Intent> intents)
        {
            if (context.Day == Day) Buy(intents);
        }

        public int DecideSpan(SleeveContext context, int last, List<Intent> intents)
        {
            if (context.Day > Day || last < Day) return last;
            Buy(intents);
            return Day;
        }

        private void Buy(List<Intent> intents)
        {
            intents.Add(new Intent(Name, Instrument.Equity("AAA"), 1000, "buy"));
            intents.Add(new Intent(Name, Instrument.Equity("CCC"), 1000, "buy"));
        }
    }

    private enum SpanFault { StopsEarly, Overruns }

    private sealed class BadSpan(SpanFault fault) : TestSleeve("bad"), ISpanSleeve
    {
        public override void Decide(SleeveContext context, List<Intent> intents)
        {
        }

        public int DecideSpan(SleeveContext context, int last, List<Intent> intents) => fault == SpanFault.StopsEarly ? context.Day : last + 1;
    }
}
