using Alvh.Benchmarks;
using Alvh.Engine;
using Alvh.MarketData;

namespace Alvh.Core.Tests.Engine;

/// <summary>
/// Runs on reused daily columns, ledger rows and trade rows (<see cref="RunBuffers"/>): the reference is the same run on
/// columns and rows of its own, so every equity, sleeve value, ledger entry and trade must agree to the bit, whatever the
/// run before left in the arrays; a result kept past the next run on its buffers must refuse to be read, not show the
/// other run's days, entries or fills.
/// </summary>
public class RunBuffersTests
{
    private static readonly Dictionary<string, string> Symbols = new() { ["AAA"] = "aaa", ["BBB"] = "bbb", ["CCC"] = "ccc" };

    private static BacktestResult Run(MarketDataSet data, ISleeve[] sleeves, RunBuffers? buffers)
    {
        var prices = new EquityPriceModel(data, Symbols, commissionPerShare: 0.005, halfSpreadBps: 1);
        return BacktestEngine.Run(data, sleeves, prices, new BacktestConfig { InitialCapital = 1_000_000 }, buffers);
    }

    private static ISleeve[] Four() =>
    [
        new SmaCrossSleeve(5, 20, "aaa", "AAA", "fast-aaa") { Allocation = 0.3 },
        new SmaCrossSleeve(10, 50, "aaa", "AAA", "slow-aaa") { Allocation = 0.3 },
        new SmaCrossSleeve(3, 30, "bbb", "BBB", "bbb") { Allocation = 0.2 },
        new BuyAndHoldSleeve(60, "ccc", "CCC", "hold-ccc") { Allocation = 0.2 },
    ];

    private static ISleeve[] Two() =>
    [
        new SmaCrossSleeve(7, 40, "bbb", "BBB", "bbb") { Allocation = 0.5 },
        new BuyAndHoldSleeve(60, "aaa", "AAA", "hold-aaa") { Allocation = 0.5 },
    ];

    private static ISleeve[] One() => [new SmaCrossSleeve(3, 30, "ccc", "CCC", "x")];

    private static void ShouldMatch(BacktestResult reused, BacktestResult own)
    {
        reused.Ledger.Sha256().Should().Be(own.Ledger.Sha256());
        reused.Trades.Should().Equal(own.Trades);
        var a = (DailyTable)own.Daily;
        var b = (DailyTable)reused.Daily;
        b.Equity.ToArray().Should().Equal(a.Equity.ToArray());
        for (int row = 0; row < a.Count; row++)
        {
            for (int k = 0; k < own.Sleeves.Count; k++) b.SleeveValue(row, k).Should().Be(a.SleeveValue(row, k));
        }
    }

    [Theory]
    [InlineData(21, false)]
    [InlineData(22, true)]
    public void Runs_on_reused_columns_give_the_bits_of_runs_on_their_own(int seed, bool gaps)
    {
        // One set of buffers through runs of every shape: four sleeves (a sleeve-value column), two sleeves on the same
        // days (the same equity column, a shorter sleeve-value column), one span sleeve (no sleeve-value column), a
        // shorter calendar (new arrays), and four sleeves again on arrays the others wrote.
        var data = QuietDaysTests.Market(seed, 1500, gaps);
        var shorter = QuietDaysTests.Market(seed + 100, 900, gaps);
        var buffers = new RunBuffers();
        foreach (var (market, sleeves) in new (MarketDataSet, Func<ISleeve[]>)[] { (data, Four), (data, Two), (data, One), (shorter, Four), (data, Four), (data, Two) })
        {
            var own = Run(market, sleeves(), null);
            var reused = Run(market, sleeves(), buffers);
            own.Trades.Count.Should().BeGreaterThan(5, "the sleeves must trade for the comparison to mean something");
            ShouldMatch(reused, own);
        }
    }

    [Fact]
    public void A_result_kept_past_the_next_run_on_its_buffers_refuses_its_days_ledger_entries_and_trades()
    {
        var data = QuietDaysTests.Market(23, 600, false);
        var buffers = new RunBuffers();
        var first = Run(data, Four(), buffers);
        double final = first.FinalEquity;
        double cash = first.Ledger.TotalCash();
        int positions = first.Ledger.PositionCount;
        var second = Run(data, Two(), buffers);

        var daily = (DailyTable)first.Daily;
        FluentActions.Invoking(() => daily.Equity.ToArray()).Should().Throw<RunBuffersReusedException>().WithMessage("*reused by a later run*");
        FluentActions.Invoking(() => first.FinalEquity).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => daily.SleeveValue(0, 1)).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => daily[3]).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => daily.Count).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => daily.Cash.ToArray()).Should().Throw<InvalidOperationException>("a column computed on first use is the table's too");
        FluentActions.Invoking(() => daily.Drawdown.ToArray()).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => daily.Vix(0)).Should().Throw<InvalidOperationException>();
        // The second run wrote its entries over the first's rows: the first's ledger refuses them, its cash and positions are its own.
        FluentActions.Invoking(() => first.Ledger.Sha256()).Should().Throw<RunBuffersReusedException>().WithMessage("*ledger entries were reused by a later run*");
        FluentActions.Invoking(() => first.Ledger.Entries.Count).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => first.Ledger.Entries.ToList()).Should().Throw<InvalidOperationException>();
        first.Ledger.TotalCash().Should().Be(cash);
        first.Ledger.PositionCount.Should().Be(positions);
        FluentActions.Invoking(() => first.Trades.Count).Should().Throw<RunBuffersReusedException>().WithMessage("*trades were reused by a later run*");
        FluentActions.Invoking(() => first.Trades.ToList()).Should().Throw<InvalidOperationException>();
        second.FinalEquity.Should().NotBe(final, "the second run is another strategy");
        ShouldMatch(second, Run(data, Two(), null));
    }

    /// <summary>
    /// An entry appended to a kept result's ledger after the next run on its buffers would land in the rows that run
    /// now owns (the same chunk, at the stale ledger's count), overwriting one of its entries without a word: the append
    /// is refused, and the later run's ledger is unchanged.
    /// </summary>
    [Fact]
    public void A_kept_results_ledger_refuses_appends_after_the_next_run_and_the_next_runs_entries_stay_its_own()
    {
        var data = QuietDaysTests.Market(24, 600, false);
        var buffers = new RunBuffers();
        var first = Run(data, One(), buffers);
        var second = Run(data, Four(), buffers);
        string hash = second.Ledger.Sha256();
        var entries = second.Ledger.Entries.ToList();
        var append = () => first.Ledger.Append(data.Calendar[0], Alvh.Ledger.EntryKind.Deposit, "x", default, 0, 0, 1, "late");
        append.Should().Throw<RunBuffersReusedException>().WithMessage("*reused by a later run*");
        second.Ledger.Entries.Should().Equal(entries);
        second.Ledger.Sha256().Should().Be(hash);
        ShouldMatch(second, Run(data, Four(), null));
    }

    /// <summary>Buffers made to keep each run's records (<c>reuseRecords: false</c>) reuse the columns only: a kept result's ledger and trades read as they did.</summary>
    [Fact]
    public void Buffers_that_keep_records_leave_a_kept_results_ledger_and_trades_readable()
    {
        var data = QuietDaysTests.Market(25, 600, false);
        var buffers = new RunBuffers(reuseRecords: false);
        var first = Run(data, Four(), buffers);
        string ledger = first.Ledger.Sha256();
        int entries = first.Ledger.Entries.Count;
        var trades = first.Trades.ToList();
        var second = Run(data, Two(), buffers);
        FluentActions.Invoking(() => first.FinalEquity).Should().Throw<InvalidOperationException>("the columns are reused");
        first.Ledger.Sha256().Should().Be(ledger, "the ledger is the run's own");
        first.Ledger.Entries.Count.Should().Be(entries);
        first.Trades.Should().Equal(trades, "the trades are the run's own");
        ShouldMatch(second, Run(data, Two(), null));
        ShouldMatch(Run(data, Four(), buffers), Run(data, Four(), null));
    }

    /// <summary>
    /// Ledger rows and trade rows reused across runs whose ledgers and trades are shorter, then longer, than the one
    /// before (the rows past a short run's last entry or fill still hold the longer run's; the first run grows the first
    /// trade chunk from 32 rows to 256, and the runs after book into it as grown): every ledger and every run's trades
    /// match the same run's on rows of its own.
    /// </summary>
    [Fact]
    public void Reused_ledger_rows_give_each_run_its_own_entries_whatever_length_came_before()
    {
        var longer = QuietDaysTests.Market(26, 1500, false);
        var shorter = QuietDaysTests.Market(27, 300, false);
        var buffers = new RunBuffers();
        var trades = new List<int>();
        foreach (var (data, sleeves) in new (MarketDataSet, Func<ISleeve[]>)[] { (longer, Four), (shorter, One), (longer, Two), (shorter, Four), (longer, Four) })
        {
            var reused = Run(data, sleeves(), buffers);
            var own = Run(data, sleeves(), null);
            reused.Ledger.Entries.Count.Should().Be(own.Ledger.Entries.Count);
            reused.Ledger.Entries.Should().Equal(own.Ledger.Entries);
            trades.Add(reused.Trades.Count);
            ShouldMatch(reused, own);
        }
        trades[0].Should().BeGreaterThan(128, "the first run grows the first trade chunk past 128 rows");
        trades[1..^1].Should().OnlyContain(n => n < trades[0], "the runs after book fewer fills into the grown chunk");
    }

    [Fact]
    public void A_run_started_on_buffers_in_use_is_refused_and_the_buffers_serve_again_after()
    {
        var data = QuietDaysTests.Market(24, 300, false);
        var buffers = new RunBuffers();
        var nested = new NestedRun(data, buffers);
        FluentActions.Invoking(() => Run(data, [nested], buffers)).Should().Throw<InvalidOperationException>().WithMessage("*in use by another run*");
        nested.Tried.Should().BeTrue();
        // The failed run gave the buffers back.
        ShouldMatch(Run(data, One(), buffers), Run(data, One(), null));
    }

    /// <summary>
    /// A start whose columns cannot be allocated (here 2 × 2^30 sleeve values, past an array's 2^31 − 1 elements: an
    /// OverflowException before any memory is taken; in a run, an OutOfMemoryException) gives the buffers back: it kept them
    /// marked in use, and every later run on them (a sweep thread's, for good) was refused as "in use by another run".
    /// </summary>
    [Fact]
    public void A_start_that_cannot_allocate_its_columns_leaves_the_buffers_free()
    {
        var buffers = new RunBuffers();
        FluentActions.Invoking(() => buffers.Start(2, 1 << 30)).Should().Throw<Exception>().Which.Should().NotBeOfType<InvalidOperationException>();
        var data = QuietDaysTests.Market(25, 300, false);
        ShouldMatch(Run(data, Four(), buffers), Run(data, Four(), null));
    }

    /// <summary>A sleeve that starts a second run on the buffers of the run deciding it (what two threads sharing them would do).</summary>
    private sealed class NestedRun(MarketDataSet data, RunBuffers buffers) : TestSleeve("nested")
    {
        public bool Tried { get; private set; }

        public override void Decide(SleeveContext context, List<Intent> intents)
        {
            if (context.Day != 10) return;
            Tried = true;
            Run(data, One(), buffers);
        }
    }
}
