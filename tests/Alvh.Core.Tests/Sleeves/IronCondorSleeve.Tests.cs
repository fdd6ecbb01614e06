using Alvh.Engine;
using Alvh.Engine.Options;
using Alvh.Ledger;
using Alvh.Pricing;
using Alvh.Sleeves;

namespace Alvh.Core.Tests.Sleeves;

/// <summary>
/// Condor scenarios checked by hand: the credit is four BSM prices (BSM verified against QLNet in the
/// pricing tests), the payoff at expiry is the textbook iron-condor payoff (Hull, ch. 12 spreads).
/// Thursday 2020-01-02 decides, Friday 2020-01-03 fills at the open model price, Friday 2020-01-10 settles.
/// </summary>
public class IronCondorSleeveTests
{
    private static readonly DateOnly Thursday = new(2020, 1, 2);
    private static readonly CondorParameters Hold = new()
    {
        TakeProfit = 0, StopLoss = 0, RouteIncomeToDrip = false, SkipBackwardation = false, EventBufferDays = -1,
    };

    private static (BacktestResult Result, Position[] Legs) Run(double[] spx, CondorParameters rules, double allocation = 1.0, double rate = double.NaN)
    {
        var vix = spx.Select(_ => 20.0).ToArray();
        var data = FlatOptionMarket.Data(Thursday, spx, vix);
        var market = new FlatOptionMarket(data);
        var sleeve = new IronCondorSleeve(market, rules, allocation: allocation);
        ISleeve[] sleeves = allocation < 1 ? [sleeve, new CashSleeve(allocation: 1 - allocation)] : [sleeve];
        var result = BacktestEngine.Run(data, sleeves, new CompositePriceModel(new EquityPriceModel(data), new OptionPricer(market, FlatOptionMarket.NoCosts)),
            double.IsNaN(rate) ? new BacktestConfig() : new BacktestConfig { RiskFreeRate = spx.Select(_ => rate).ToArray() });
        var legs = result.Ledger.Entries.Where(e => e.Kind == EntryKind.Fill).Take(4)
            .Select(e => new Position("condor", e.Instrument, e.Quantity, -e.Cash)).ToArray();
        return (result, legs);
    }

    private static double Credit(Position[] legs, double spot, double days) =>
        legs.Sum(l => -Math.Sign(l.Quantity) * FlatOptionMarket.Bs(l.Instrument.Right, spot, l.Instrument.Strike, days, 0.15));

    private static double Payoff(Position[] legs, double s) =>
        legs.Sum(l => Math.Sign(l.Quantity) * (l.Instrument.Right == OptionRight.Call ? Math.Max(0, s - l.Instrument.Strike) : Math.Max(0, l.Instrument.Strike - s)));

    [Theory]
    [InlineData(4000.0, "expires out of the money: the whole credit is kept")]
    [InlineData(3800.0, "expires through the put wing: the maximum loss, wing minus credit")]
    public void Condor_settles_at_its_expiry_payoff(double spotAtExpiry, string because)
    {
        // 7 weekdays Thu 01-02 .. Fri 01-10: the index stays at 4000 until expiry day.
        double[] spx = [4000, 4000, 4000, 4000, 4000, 4000, spotAtExpiry];
        var (r, legs) = Run(spx, Hold);
        legs.Should().HaveCount(4);
        legs.Select(l => l.Instrument.Expiry).Distinct().Should().Equal(new DateOnly(2020, 1, 10));
        double contracts = Math.Abs(legs[0].Quantity);
        double credit = Credit(legs, 4000, 7 + 6.5 / 24); // filled Friday 01-03 at the open: 7 days and 6.5 hours to the expiry close
        double payoff = Payoff(legs, spotAtExpiry);
        double expected = contracts * 100 * (credit + payoff);
        // The first condor's own cash: its fills and its settlement (the next week's condor, decided Thursday 01-09,
        // fills on 01-10 too).
        var expiry = new DateOnly(2020, 1, 10);
        r.Ledger.Entries.Where(e => e.Kind is EntryKind.Fill or EntryKind.Settlement && e.Instrument.Expiry == expiry)
            .Sum(e => e.Cash).Should().BeApproximately(expected, 1e-6, because);
        r.Ledger.Entries.Count(e => e.Kind == EntryKind.Settlement).Should().Be(4);
    }

    [Fact]
    public void Wings_are_50_points_from_16_delta_shorts_rounded_to_the_nearest_listed_strike()
    {
        double[] spx = [4000, 4000, 4000, 4000, 4000, 4000, 4000, 4000];
        var (_, legs) = Run(spx, Hold);
        var puts = legs.Where(l => l.Instrument.Right == OptionRight.Put).OrderBy(l => l.Instrument.Strike).ToArray();
        var calls = legs.Where(l => l.Instrument.Right == OptionRight.Call).OrderBy(l => l.Instrument.Strike).ToArray();
        (puts[1].Instrument.Strike - puts[0].Instrument.Strike).Should().Be(50);
        (calls[1].Instrument.Strike - calls[0].Instrument.Strike).Should().Be(50);
        puts[1].Quantity.Should().BeNegative("the inner put is sold");
        calls[0].Quantity.Should().BeNegative("the inner call is sold");
        // 16-delta put strike on a flat 15% vol, 8 days: K = S·exp(−N⁻¹(0.84)·σ√T + σ²T/2) ≈ 3913.6 (Hull,
        // delta of a European put = N(d1) − 1 with q = r = 0), rounded to the nearest 5-point strike.
        double t = 8 / 365.0;
        double exact = 4000 * Math.Exp(-NormalDistribution.InverseCdf(1 - 0.16) * 0.15 * Math.Sqrt(t) + 0.5 * 0.15 * 0.15 * t);
        puts[1].Instrument.Strike.Should().Be(Math.Round(exact / 5) * 5);
        (puts[1].Instrument.Strike % 5).Should().Be(0);
    }

    [Fact]
    public void Stop_loss_closes_the_condor_at_the_next_open()
    {
        // Thu..Wed: the index falls toward the short put; the loss passes 2× the credit before the
        // next Thursday (when a new condor could open).
        double[] spx = [4000, 4000, 3880, 3850, 3850];
        var (r, _) = Run(spx, Hold with { StopLoss = 2.0 });
        var closes = r.Trades.Where(t => t.Reason == "stop loss").ToList();
        // Three legs: the long call, 270 points above the index by then, is marked under one tick and left to expire.
        closes.Should().HaveCount(3);
        closes.Should().NotContain(t => t.Instrument.Contains(" C ", StringComparison.Ordinal) && t.Quantity < 0);
        closes.Select(c => c.Date).Distinct().Should().ContainSingle().Which.Should().BeBefore(new DateOnly(2020, 1, 10));
        r.Ledger.Entries.Should().NotContain(e => e.Kind == EntryKind.Settlement);
        r.Ledger.Positions.Should().ContainSingle().Which.Quantity.Should().BePositive("the long call is held to its expiry");
    }

    [Fact]
    public void No_entry_when_vix_is_above_the_gate()
    {
        double[] spx = [4000, 4000, 4000, 4000, 4000, 4000, 4000, 4000];
        var data = FlatOptionMarket.Data(Thursday, spx, spx.Select(_ => 40.0).ToArray());
        var market = new FlatOptionMarket(data);
        var r = BacktestEngine.Run(data, [new IronCondorSleeve(market, Hold, allocation: 1.0)],
            new CompositePriceModel(new EquityPriceModel(data), new OptionPricer(market, FlatOptionMarket.NoCosts)), new BacktestConfig());
        r.Trades.Should().BeEmpty();
    }
    [Fact]
    public void A_condor_held_to_expiry_does_not_skip_the_next_weeks_entry()
    {
        // Thu 01-02 .. Fri 01-17, flat: the condor decided Thu 01-02 expires Fri 01-10 and is still held at the close
        // of Thu 01-09, the next entry. It settles by the next fill, so the next week's condor (expiry 01-17) is
        // decided that day too: a condor every week, not every other week.
        double[] spx = Enumerable.Repeat(4000.0, 12).ToArray();
        var (r, _) = Run(spx, Hold);
        var opens = r.Trades.Where(t => t.Reason.StartsWith("open condor", StringComparison.Ordinal)).ToList();
        // (a third is decided on Thu 01-16 and fills on the last day, 01-17)
        opens.Select(t => t.Date).Distinct().Should().Equal(new DateOnly(2020, 1, 3), new DateOnly(2020, 1, 10), new DateOnly(2020, 1, 17));
        opens.Select(t => t.Instrument.Split(' ')[1]).Distinct().Should().Equal("2020-01-10", "2020-01-17", "2020-01-24");
        r.Ledger.Entries.Count(e => e.Kind == EntryKind.Settlement).Should().Be(8, "both condors settle, each at its own expiry");
        // The reason's credit is the decision's, at the mids: the fill's is the legs' prices (it read "credit", and a helper
        // took 9.31 for a fill whose credit was 14.89).
        opens[0].Reason.Should().MatchRegex(@"^open condor \d+/\d+/\d+/\d+ decision mid credit \d+\.\d\d$");
    }

    [Fact]
    public void The_next_weeks_condor_leaves_out_the_held_ones_whole_risk()
    {
        // Half the equity at risk per condor (the rule's maximum) from a sleeve holding 60% of it: the first condor
        // risks 500,000 of its 600,000. The second, decided while the first is held, is sized on the cash left after
        // the first one's worst loss (its 50-point wing × contracts), so both can be paid at once. Sized on the cash
        // alone it would be as large as the first, 1,000,000 at risk together against about 850,000 of cash.
        double[] spx = Enumerable.Repeat(4000.0, 12).ToArray();
        var (r, _) = Run(spx, Hold with { MaxLossFraction = 0.5 }, allocation: 0.6);
        var opens = r.Trades.Where(t => t.Reason.StartsWith("open condor", StringComparison.Ordinal)).ToList();
        var first = opens.Where(t => t.Date == new DateOnly(2020, 1, 3)).ToList();
        var second = opens.Where(t => t.Date == new DateOnly(2020, 1, 10)).ToList();
        first.Should().HaveCount(4);
        second.Should().HaveCount(4);
        double n1 = Math.Abs(first[0].Quantity), n2 = Math.Abs(second[0].Quantity);
        double credit2 = -second.Sum(t => t.Quantity * t.Price) * 100;
        // Sized at the decision's marks, filled a day of decay later: 1% of slack for the second credit's decay.
        // The condor sleeve's cash at the Thursday close: its value plus the first condor's mark (a liability).
        double sleeveCash = r.Ledger.Entries.Where(e => e.Sleeve == "condor" && e.Date <= new DateOnly(2020, 1, 9)).Sum(e => e.Cash);
        ((n1 + n2) * 50 * 100).Should().BeLessThanOrEqualTo(sleeveCash + 1.01 * credit2, "both condors' worst losses are covered");
        n2.Should().BeLessThan(n1 / 2);
        // Beside a held condor the new one is sized on its wing alone, no credit counted: the fill's credit may fall short
        // of the decision's mids, and the engine's margin check at the fill sees only the new order.
        double equity = r.Daily.Single(d => d.Date == new DateOnly(2020, 1, 9)).Equity;
        n2.Should().Be(Math.Floor(Math.Min(0.5 * equity, sleeveCash - n1 * 50 * 100) / (50 * 100)));
        (sleeveCash + credit2).Should().BeGreaterThanOrEqualTo((n1 + n2) * 50 * 100, "covered at the fill's credit, whatever it is");
    }

    [Fact]
    public void Interest_on_an_expiry_day_is_earned_on_the_previous_closes_cash_not_on_the_settlements()
    {
        // 5% a year, continuously compounded, actual/365 (the engine's T-bill rule). The condor expires through its
        // put wing on Fri 01-10: the loss is paid that day, so the interest booked on 01-10 (for Thu 01-09 to Fri
        // 01-10, one day) is the cash at the 01-09 close × (e^{0.05/365} − 1). Booked after the settlement, it was
        // earned on the cash left after the loss.
        double[] spx = [4000, 4000, 4000, 4000, 4000, 4000, 3800];
        var (r, _) = Run(spx, Hold, rate: 0.05);
        var expiry = new DateOnly(2020, 1, 10);
        double cashBefore = r.Ledger.Entries.Where(e => e.Sleeve == "condor" && e.Date < expiry).Sum(e => e.Cash);
        var interest = r.Ledger.Entries.Single(e => e.Kind == EntryKind.Interest && e.Date == expiry && e.Sleeve == "condor");
        interest.Cash.Should().BeApproximately(cashBefore * (Math.Exp(0.05 / 365) - 1), 1e-9);
        r.Ledger.Entries.Where(e => e.Date == expiry && e.Kind == EntryKind.Settlement).Sum(e => e.Cash).Should().BeLessThan(-20_000, "the settlement is a loss (25,000 for 5 contracts; the old order booked 3.42 less interest)");
    }

    [Fact]
    public void A_take_profit_leaves_long_wings_without_a_bid_to_expire()
    {
        // Flat at 4000 and 15% vol: three days before expiry (Tue 01-07) the condor is worth under half its credit, and its
        // long wings, 100 points beyond the shorts, are marked under one tick (0.05; at 50 points the put was worth 0.14
        // and is sold): buying back the shorts takes the profit; selling the wings would fetch nothing and pay fees.
        // They settle at 0.
        double[] spx = [4000, 4000, 4000, 4000, 4000, 4000, 4000];
        var (r, legs) = Run(spx, Hold with { TakeProfit = 0.5, PutWing = 100, CallWing = 100 });
        var closes = r.Trades.Where(t => t.Reason == "take profit").ToList();
        closes.Should().NotBeEmpty();
        closes.Should().OnlyContain(t => t.Quantity > 0, "only the short legs are bought back");
        var longs = legs.Where(l => l.Quantity > 0).Select(l => l.Instrument).ToList();
        r.Ledger.Entries.Where(e => e.Kind == EntryKind.Settlement).Select(e => e.Instrument).Should().BeEquivalentTo(longs, "the wings expire");
        r.Ledger.Entries.Where(e => e.Kind == EntryKind.Settlement).Should().OnlyContain(e => e.Cash == 0);
        // What is held at the end is the next week's condor, decided Thu 01-09 (the wings left do not hold it back).
        r.Ledger.Positions.Should().HaveCount(4).And.OnlyContain(p => p.Instrument.Expiry == new DateOnly(2020, 1, 17));
    }

    [Fact]
    public void Income_is_swept_to_the_DRIP_while_a_condor_is_held_keeping_its_worst_loss_in_cash()
    {
        // 90% DRIP, 10% condor risking 10% of the equity: flat at 4000 the held condor decays, the sleeve's value rises
        // above its 10% target, and the excess goes to the DRIP while the condor is still held (it used to wait for the
        // sleeve to be flat, which a condor sold every week rarely is). The cash left covers the condor's worst loss.
        double[] spx = Enumerable.Repeat(4000.0, 7).ToArray();
        var data = FlatOptionMarket.Data(Thursday, spx, spx.Select(_ => 20.0).ToArray());
        var market = new FlatOptionMarket(data);
        var condor = new IronCondorSleeve(market, Hold with { RouteIncomeToDrip = true, MaxLossFraction = 0.1 }, allocation: 0.1);
        var drip = new DripSleeve(allocation: 0.9, fallbackSymbol: null);
        var r = BacktestEngine.Run(data, [drip, condor], new CompositePriceModel(new EquityPriceModel(data), new OptionPricer(market, FlatOptionMarket.NoCosts)), new BacktestConfig());
        var expiry = new DateOnly(2020, 1, 10);
        var sweeps = r.Ledger.Entries.Where(e => e.Kind == EntryKind.Transfer && e.Sleeve == "condor" && e.Cash < 0).ToList();
        sweeps.Should().Contain(e => e.Date > new DateOnly(2020, 1, 3) && e.Date < expiry, "a sweep while the condor is held");
        var opens = r.Trades.Where(t => t.Reason.StartsWith("open condor", StringComparison.Ordinal) && t.Date == new DateOnly(2020, 1, 3)).ToList();
        double contracts = Math.Abs(opens[0].Quantity);
        foreach (var day in r.Daily.Where(d => d.Date >= new DateOnly(2020, 1, 3) && d.Date < expiry))
        {
            double cash = r.Ledger.Entries.Where(e => e.Sleeve == "condor" && e.Date <= day.Date).Sum(e => e.Cash);
            cash.Should().BeGreaterThanOrEqualTo(contracts * 50 * 100, $"the 50-point wing's worst loss stays covered on {day.Date}");
        }
    }

    [Theory]
    [InlineData(false, "a P.M. option settles at the close, after the open's fills: their cash checks do not read it")]
    [InlineData(true, "an A.M. option settles at the open, before the open's fills")]
    public void An_expiry_day_books_A_M_settlements_before_the_open_fills_and_P_M_ones_after(bool am, string because)
    {
        // Fri 01-10: the first condor expires and the next week's (decided Thu 01-09) fills at the open.
        double[] spx = Enumerable.Repeat(4000.0, 8).ToArray();
        var data = FlatOptionMarket.Data(Thursday, spx, spx.Select(_ => 20.0).ToArray());
        var market = new FlatOptionMarket(data) { AmSettled = _ => am };
        var r = BacktestEngine.Run(data, [new IronCondorSleeve(market, Hold, allocation: 1.0)],
            new CompositePriceModel(new EquityPriceModel(data), new OptionPricer(market, FlatOptionMarket.NoCosts)), new BacktestConfig());
        var day = r.Ledger.Entries.Select((e, i) => (e, i)).Where(x => x.e.Date == new DateOnly(2020, 1, 10)).ToList();
        int lastFill = day.Where(x => x.e.Kind == EntryKind.Fill).Max(x => x.i);
        int firstFill = day.Where(x => x.e.Kind == EntryKind.Fill).Min(x => x.i);
        var settlements = day.Where(x => x.e.Kind == EntryKind.Settlement).Select(x => x.i).ToList();
        settlements.Should().HaveCount(4);
        if (am) settlements.Should().OnlyContain(i => i < firstFill, because);
        else settlements.Should().OnlyContain(i => i > lastFill, because);
    }

    [Fact]
    public void A_decision_whose_target_expiry_cannot_be_traded_takes_the_next_one_that_can()
    {
        // Decided on Friday 01-03 for two days: Sunday, then Monday (the fill day itself) cannot be traded at Monday's
        // open; the order was dropped every week ("expires on or before the fill day"). It now takes Tuesday's expiry.
        double[] spx = Enumerable.Repeat(4000.0, 8).ToArray();
        var (r, _) = Run(spx, Hold with { EntryWeekday = DayOfWeek.Friday, TargetDte = 2 });
        var opens = r.Trades.Where(t => t.Reason.StartsWith("open condor", StringComparison.Ordinal)).ToList();
        opens.Should().HaveCount(8, "two weeks, two condors");
        opens.Where(t => t.Date == new DateOnly(2020, 1, 6)).Should().HaveCount(4).And.OnlyContain(t => t.Instrument.Contains("2020-01-07", StringComparison.Ordinal));
        opens.Where(t => t.Date == new DateOnly(2020, 1, 13)).Should().HaveCount(4).And.OnlyContain(t => t.Instrument.Contains("2020-01-14", StringComparison.Ordinal));
        r.Dropped.Should().BeEmpty();
    }
    [Theory]
    [InlineData(false, "a P.M.-settled weekly trades through its expiry morning: the stop fills at that open")]
    [InlineData(true, "an A.M.-settled option settles at the open itself: the stop cannot fill, the condor settles")]
    public void A_stop_decided_the_day_before_expiry_closes_at_the_expiry_open_unless_the_option_settles_there(bool am, string because)
    {
        // Thu 01-02 decides, Fri 01-03 fills; the index sits at 4000 until Thu 01-09, the day before the expiry, when it
        // closes at 3860, through the short put: the loss passes 2x the credit. Fri 01-10 opens at 3870 and closes at 3800.
        // The stop used to wait for a next fill before the expiry, so the condor was held to settlement either way.
        double[] spx = [4000, 4000, 4000, 4000, 4000, 3860, 3800, 3800];
        double[] open = [4000, 4000, 4000, 4000, 4000, 3860, 3870, 3800];
        var data = FlatOptionMarket.Data(Thursday, spx, spx.Select(_ => 20.0).ToArray(), spxOpen: open);
        var market = new FlatOptionMarket(data) { AmSettled = _ => am };
        var r = BacktestEngine.Run(data, [new IronCondorSleeve(market, Hold with { StopLoss = 2.0 }, allocation: 1.0)],
            new CompositePriceModel(new EquityPriceModel(data), new OptionPricer(market, FlatOptionMarket.NoCosts)), new BacktestConfig());
        var expiry = new DateOnly(2020, 1, 10);
        var opened = r.Ledger.Entries.Where(e => e.Kind == EntryKind.Fill && e.Date == new DateOnly(2020, 1, 3)).ToList();
        opened.Should().HaveCount(4);
        var onExpiry = r.Ledger.Entries.Where(e => e.Date == expiry && e.Instrument.Expiry == expiry).ToList();
        if (am)
        {
            // Settled at the open (the A.M. settlement is the open here): 3870 through the put spread's 50-point wing.
            r.Trades.Should().NotContain(t => t.Reason == "stop loss");
            onExpiry.Should().HaveCount(4).And.OnlyContain(e => e.Kind == EntryKind.Settlement, because);
            foreach (var e in onExpiry)
            {
                var o = e.Instrument;
                double intrinsic = o.Right == OptionRight.Call ? Math.Max(0, 3870 - o.Strike) : Math.Max(0, o.Strike - 3870);
                e.Price.Should().BeApproximately(intrinsic, 1e-9);
            }
            return;
        }
        // P.M.: the short put, the long put and the short call are bought or sold back at the open's model price: the
        // SPX open with 6.5 hours to the close (Black-Scholes at zero rates, the flat 15% vol; fills at mid, no costs). The
        // long call, 4000+ against 3860, is marked under one tick and left: it settles worthless at the close.
        var stops = onExpiry.Where(e => e.Kind == EntryKind.Fill).ToList();
        stops.Should().HaveCount(3, because);
        r.Trades.Where(t => t.Reason == "stop loss").Should().HaveCount(3).And.OnlyContain(t => t.Date == expiry);
        foreach (var e in stops)
        {
            var o = e.Instrument;
            double held = opened.Single(f => InstrumentComparer.Instance.Equals(f.Instrument, o)).Quantity;
            e.Quantity.Should().Be(-held, "the whole leg is closed");
            e.Price.Should().BeApproximately(FlatOptionMarket.Bs(o.Right, 3870, o.Strike, 6.5 / 24, 0.15), 1e-9);
        }
        var settled = onExpiry.Where(e => e.Kind == EntryKind.Settlement).ToList();
        settled.Should().ContainSingle().Which.Instrument.Right.Should().Be(OptionRight.Call);
        settled[0].Quantity.Should().BeNegative("the long call's expiry");
        settled[0].Cash.Should().Be(0);
        r.Ledger.Positions.Should().NotContain(p => p.Instrument.Expiry == expiry, "closed or settled, nothing of the condor is left");
        r.Dropped.Should().BeEmpty();
    }
}
