using Alvh.Benchmarks;
using Alvh.MarketData;

namespace Alvh.Core.Tests.Benchmarks;

/// <summary>The canonical SMA cross and buy-and-hold through the engine, on small series worked out by hand.</summary>
public class SmaCrossSleeveTests
{
    private static MarketDataSet Bars(double[] open, double[] close)
    {
        var dates = new DateOnly[close.Length];
        var day = new DateOnly(2020, 1, 6);
        for (int i = 0; i < dates.Length; i++)
        {
            dates[i] = day;
            day = day.AddDays(day.DayOfWeek == DayOfWeek.Friday ? 3 : 1);
        }
        return CanonicalBenchmark.DataSet(new DailySeries("x", "test", dates, close, open));
    }

    /// <summary>A seeded random walk without gaps: each open is the previous close, log steps uniform in ±<paramref name="step"/>/2.</summary>
    private static (double[] Open, double[] Close) Walk(Random random, int bars, double start, double step)
    {
        var close = new double[bars];
        var open = new double[bars];
        double price = start;
        for (int t = 0; t < bars; t++)
        {
            open[t] = price;
            price *= Math.Exp(step * (random.NextDouble() - 0.5));
            close[t] = price;
        }
        return (open, close);
    }

    private static (CanonicalRun Run, Alvh.Engine.BacktestResult Result) RunCross(double[] open, double[] close)
    {
        var data = Bars(open, close);
        var prices = CanonicalBenchmark.PriceModel(data);
        var result = Alvh.Engine.BacktestEngine.Run(data, [new SmaCrossSleeve(2, 4)], prices, CanonicalBenchmark.Config);
        return (CanonicalBenchmark.Run(data, prices, new SmaCrossSleeve(2, 4)), result);
    }

    // SMA(2) − SMA(4) of these closes: bar 3: 9.5 − 9.75 = −0.25; bar 4: 10.5 − 10.25 = +0.25 (cross up);
    // bar 5: 12 − 10.75 = +1.25; bar 6: 10 − 10.25 = −0.25 (cross down); bars 7–9 negative.
    private static readonly double[] Closes = [10, 10, 10, 9, 12, 12, 8, 8, 8, 8];

    [Fact]
    public void Buys_on_the_cross_up_and_sells_on_the_cross_down_at_the_next_opens()
    {
        double[] open = [10, 10, 10, 9, 12, 11.5, 12, 8.5, 8, 8];
        var (run, result) = RunCross(open, Closes);

        // Bar 4 close: floor(1,000,000 / 12 × 0.99) = 82,500 shares, filled at bar 5's open 11.5 = 948,750 (cash 51,250).
        // Bar 6 close: sell all 82,500 at bar 7's open 8.5 = 701,250, cash 752,500; flat to the end.
        result.Trades.Select(t => (t.Date, t.Quantity, t.Price)).Should().Equal(
            (new DateOnly(2020, 1, 13), 82_500d, 11.5),
            (new DateOnly(2020, 1, 15), -82_500d, 8.5));
        run.Trades.Should().Be(2);
        run.FinalValue.Should().Be(752_500);
        run.Bars.Should().Be(10);
        result.Daily[5].Equity.Should().Be(51_250 + 82_500 * 12.0, "marked at the close of the fill day");
    }

    [Fact]
    public void A_buy_the_gap_makes_unaffordable_is_clipped_to_the_whole_shares_the_cash_buys_at_the_open()
    {
        double[] open = [10, 10, 10, 9, 12, 12.5, 12, 8.5, 8, 8];
        var (run, result) = RunCross(open, Closes);

        // 82,500 × 12.5 = 1,031,250 > 1,000,000: clipped to floor(1,000,000 / 12.5) = 80,000 shares; sold at 8.5.
        result.Trades.Select(t => t.Quantity).Should().Equal(80_000d, -80_000d);
        run.FinalValue.Should().Be(680_000);
    }

    [Fact]
    public void No_decision_before_the_slow_average_and_its_previous_value_exist()
    {
        // A "cross" at bar 3 (the first bar with SMA(4)) has no previous spread: nothing is traded.
        double[] close = [12, 12, 12, 12, 12, 12];
        var (run, _) = RunCross(close, close);
        run.Trades.Should().Be(0);
        run.FinalValue.Should().Be(CanonicalRules.InitialCash);
    }

    [Fact]
    public void Buy_and_hold_buys_once_on_bar_199_and_fills_at_bar_200s_open()
    {
        var close = Enumerable.Repeat(10.0, 260).ToArray();
        close[^1] = 11;
        var open = Enumerable.Repeat(10.0, 260).ToArray();
        var data = Bars(open, close);
        var result = Alvh.Engine.BacktestEngine.Run(data, [new BuyAndHoldSleeve()], CanonicalBenchmark.PriceModel(data), CanonicalBenchmark.Config);

        // floor(1,000,000 / 10 × 0.99) = 99,000 shares at 10 (cash 10,000); final 10,000 + 99,000 × 11 = 1,099,000.
        result.Trades.Should().ContainSingle().Which.Date.Should().Be(data.Calendar[200]);
        result.Trades[0].Quantity.Should().Be(99_000);
        result.Daily[^1].Equity.Should().Be(1_099_000);
    }

    [Fact]
    public void The_sweep_grid_has_484_pairs_with_fast_below_slow()
    {
        var grid = CanonicalBenchmark.SweepGrid();
        grid.Should().HaveCount(484);
        grid.Should().OnlyContain(p => p.Fast < p.Slow);
        grid[0].Should().Be((5, 50));
    }

    /// <summary>
    /// The sleeve's indicators (a loop on locals in steady state, one bar at a time through warm-up and missing
    /// closes) against the library's batch <see cref="Alvh.Indicators.Sma"/> and <see cref="Alvh.Indicators.Macd"/>:
    /// the same trades as a reference sleeve that recomputes the batch SMAs of its history every day, and the
    /// same spread and MACD histogram at the last bar, to the bit, on seeded walks with missing closes.
    /// </summary>
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 12)]
    [InlineData(3, 40)]
    public void Its_indicators_equal_the_batch_sma_and_macd(int seed, int missing)
    {
        var random = new Random(seed);
        int bars = 700;
        var (open, close) = Walk(random, bars, 100, 0.03);
        for (int k = 0; k < missing; k++) close[20 + random.Next(bars - 20)] = double.NaN;
        var data = Bars(open, close);
        var prices = CanonicalBenchmark.PriceModel(data);
        var sleeve = new SmaCrossSleeve(5, 20);
        var result = Alvh.Engine.BacktestEngine.Run(data, [sleeve], prices, CanonicalBenchmark.Config);
        var reference = Alvh.Engine.BacktestEngine.Run(data, [new BatchCross(5, 20)], prices, CanonicalBenchmark.Config);

        reference.Trades.Count.Should().BeGreaterThan(10);
        result.Ledger.Sha256().Should().Be(reference.Ledger.Sha256());
        var fast = Alvh.Indicators.Sma.Compute(close, 5);
        var slow = Alvh.Indicators.Sma.Compute(close, 20);
        sleeve.Spread.Should().Be(fast[^1] - slow[^1]);
        var (line, signal, histogram, crossovers) = (new double[bars], new double[bars], new double[bars], new int[bars]);
        Alvh.Indicators.Macd.Compute(close, 12, 26, 9, line, signal, histogram, crossovers);
        sleeve.MacdHistogram.Should().Be(histogram[^1]);
    }

    /// <summary>
    /// The run reports the last bar's MACD histogram of either canonical sleeve (the workload-parity indicator,
    /// which bench/peers/run.sh compares with the peers): the library's batch <see cref="Alvh.Indicators.Macd"/>
    /// of the closes, to the bit.
    /// </summary>
    [Fact]
    public void A_run_reports_the_last_macd_histogram_of_either_canonical_sleeve()
    {
        int bars = 400;
        var (open, close) = Walk(new Random(7), bars, 50, 0.02);
        var data = Bars(open, close);
        var prices = CanonicalBenchmark.PriceModel(data);
        var (line, signal, histogram, crossovers) = (new double[bars], new double[bars], new double[bars], new int[bars]);
        Alvh.Indicators.Macd.Compute(close, 12, 26, 9, line, signal, histogram, crossovers);

        CanonicalBenchmark.Run(data, prices, new SmaCrossSleeve(10, 30)).MacdHistogram.Should().Be(histogram[^1]);
        CanonicalBenchmark.Run(data, prices, new BuyAndHoldSleeve()).MacdHistogram.Should().Be(histogram[^1]);
    }

    /// <summary>
    /// Closes beyond the steady loop's bound (|close| &gt; 1e300, where its MACD skips the NaN checks), missing
    /// ones and infinite ones go through the indicators' own steps, and the steady loop takes over again once the
    /// windows are clean and the EMAs back within the bound: fed one bar at a time, and in scans that stop at every
    /// sign change of the spread, the spread and the MACD histogram equal the library's batch
    /// <see cref="Alvh.Indicators.Sma"/> and <see cref="Alvh.Indicators.Macd"/> at every bar, to the bit (NaN
    /// included). The outsized closes are spaced wider than the windows and the EMAs' recovery, so most bars of
    /// the series (counted: at least half) go through the steady loop.
    /// </summary>
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Outsized_and_missing_closes_leave_spread_and_macd_equal_to_the_batch_at_every_bar(int seed)
    {
        var random = new Random(seed);
        int bars = 1_500;
        var (_, close) = Walk(random, bars, 100, 0.03);
        double[] outsized = [5e300, -3e301, 2e302, 1.0000000000000002e300, double.NaN, 7e299, double.PositiveInfinity];
        for (int k = 0; k < outsized.Length; k++) close[100 + (180 * k) + random.Next(60)] = outsized[k];
        int infinite = Array.IndexOf(close, double.PositiveInfinity);
        var fast = Alvh.Indicators.Sma.Compute(close, 5);
        var slow = Alvh.Indicators.Sma.Compute(close, 20);
        var (line, signal, histogram, crossovers) = (new double[bars], new double[bars], new double[bars], new int[bars]);
        Alvh.Indicators.Macd.Compute(close, 12, 26, 9, line, signal, histogram, crossovers);

        var daily = new CanonicalIndicators(5, 20);
        int steadyBars = 0;
        for (int t = 0; t < bars; t++)
        {
            daily.CatchUp(close.AsSpan(0, t + 1));
            daily.Spread.Should().Be(fast[t] - slow[t], $"spread at bar {t}");
            daily.MacdHistogram.Should().Be(histogram[t], $"histogram at bar {t}");
            // Bars the steady loop can take (a clean 20-bar window; before the infinite close, after which the
            // EMAs stay NaN): the outsized closes must leave most of them.
            if (t >= 20 && t < infinite && close.AsSpan(t - 20, 21).ToArray().All(x => Math.Abs(x) <= 1e300)) steadyBars++;
        }
        steadyBars.Should().BeGreaterThan(bars / 2);

        var spans = new CanonicalIndicators(5, 20);
        int day = -1, stops = 0;
        while (day < bars - 1)
        {
            day = spans.Scan(close, bars - 1, 0);
            spans.Spread.Should().Be(fast[day] - slow[day], $"spread at stop {day}");
            spans.MacdHistogram.Should().Be(histogram[day], $"histogram at stop {day}");
            stops++;
        }
        stops.Should().BeGreaterThan(20);
    }

    /// <summary>
    /// The same through the engine: the buy-and-hold sleeve's last MACD histogram equals the batch one after
    /// outsized and missing closes (its single decision falls on an outsized close, so it never holds shares
    /// marked at one).
    /// </summary>
    [Fact]
    public void A_run_through_outsized_closes_reports_the_batch_macd()
    {
        var random = new Random(5);
        int bars = 700;
        var (open, close) = Walk(random, bars, 100, 0.03);
        close[59] = 5e300;
        double[] outsized = [-3e301, 2e302, double.NaN, 7e299];
        for (int k = 0; k < outsized.Length; k++) close[150 + (120 * k) + random.Next(40)] = outsized[k];
        var data = Bars(open, close);
        var (line, signal, histogram, crossovers) = (new double[bars], new double[bars], new double[bars], new int[bars]);
        Alvh.Indicators.Macd.Compute(close, 12, 26, 9, line, signal, histogram, crossovers);

        var run = CanonicalBenchmark.Run(data, CanonicalBenchmark.PriceModel(data), new BuyAndHoldSleeve(slowPeriod: 60));

        run.Trades.Should().Be(0);
        double.IsFinite(histogram[^1]).Should().BeTrue();
        run.MacdHistogram.Should().Be(histogram[^1]);
    }

    /// <summary>The SMA cross rule on the batch SMAs of the history, recomputed every day (the reference).</summary>
    private sealed class BatchCross(int fast, int slow) : Alvh.Engine.ISleeve
    {
        private static readonly Alvh.Engine.Instrument Bars = Alvh.Engine.Instrument.Equity(CanonicalRules.Symbol);

        public string Name => "sma-cross";

        public double Allocation => 1;

        public Alvh.Engine.DividendPolicy Dividends => Alvh.Engine.DividendPolicy.Cash;

        public bool WholeShares => true;

        public IReadOnlyList<Alvh.Assumption> Parameters => [];

        public void Decide(Alvh.Engine.SleeveContext context, List<Alvh.Engine.Intent> intents)
        {
            var closes = context.Market.History(CanonicalRules.SeriesId);
            if (closes.Length < slow + 1) return;
            var f = Alvh.Indicators.Sma.Compute(closes, fast);
            var s = Alvh.Indicators.Sma.Compute(closes, slow);
            double spread = f[^1] - s[^1], previous = f[^2] - s[^2];
            if (previous < 0 && spread > 0 && context.Quantity(Bars) == 0)
            {
                double shares = CanonicalRules.OrderSize(context.Cash, closes[^1]);
                if (shares > 0) intents.Add(new Alvh.Engine.Intent(Name, Bars, shares, "SMA cross up"));
            }
            else if (previous > 0 && spread < 0 && context.Quantity(Bars) > 0)
            {
                intents.Add(new Alvh.Engine.Intent(Name, Bars, -context.Quantity(Bars), "SMA cross down"));
            }
        }
    }
}
