using Alvh.Cli.Commands;
using Alvh.Engine;
using Alvh.Ledger;

namespace Alvh.Cli.Tests.Commands;

public class BacktestNotesTests
{
    private static readonly DateOnly Day0 = new(2020, 1, 2);

    /// <summary>A two-day run of <paramref name="sleeves"/> that made no trade, with <paramref name="dropped"/>.</summary>
    private static BacktestResult IdleRun(string[] sleeves, params DroppedOrder[] dropped)
    {
        var daily = Enumerable.Range(0, 2).Select(t => new DailyRecord(Day0.AddDays(t), 1_000, 1_000, [.. sleeves.Select(_ => 1_000.0 / sleeves.Length)], 20, 0)).ToList();
        return new BacktestResult(sleeves, daily, [], new TradeLedger(), dropped, [], 0);
    }

    /// <summary>
    /// The note on a sleeve whose orders were all dropped finds them by the record's sleeve. It used to read the second
    /// word of each line: a sleeve named with a space (the engine takes any unique name) lent its drops to the sleeve
    /// named by its first word, "hedge" below, and had none of its own.
    /// </summary>
    [Fact]
    public void A_sleeve_whose_orders_were_all_dropped_is_found_by_its_name_whole()
    {
        var result = IdleRun(["hedge", "hedge b"],
            new DroppedOrder(Day0.AddDays(1), "hedge b", "SPY", "buy", "not enough cash", DroppedOrderKind.NotFilled),
            new DroppedOrder(Day0.AddDays(1), "hedge b", "SPY", "buy again", "no tradable price", DroppedOrderKind.NotFilled));

        BacktestNotes.IdleSleeves(result, overlayRoll: null, asIf: false).Should().Equal(
            "alvh: note: the hedge sleeve made no trade from 2020-01-02 to 2020-01-03 (its gates stayed shut, or its rules build no position on this market: check its parameters)",
            "alvh: note: the hedge b sleeve made no trade from 2020-01-02 to 2020-01-03 (2 of its orders were placed and dropped at the fill: see summary.json's 'dropped')");
        BacktestNotes.Dropped(result).Should().Be(
            "alvh: note: 2 orders not filled, or filled in part (listed in summary.json, 'dropped'); the first: 2020-01-03 hedge b SPY for 'buy': not enough cash");
    }

    [Fact]
    public void A_run_without_dropped_orders_has_no_note_on_them()
    {
        BacktestNotes.Dropped(IdleRun(["cash"])).Should().BeNull();
        BacktestNotes.IdleSleeves(IdleRun(["cash"]), overlayRoll: null, asIf: false).Should().BeEmpty("the cash sleeve never trades");
    }
}
