using Alvh.Engine;
using Alvh.Engine.Options;
using Alvh.Ledger;
using Alvh.Pricing;
using Alvh.Sleeves;

namespace Alvh.Core.Tests.Sleeves;

/// <summary>
/// The Cboe benchmark rules on the flat stand-in market (15% SPX vol, 80% VIX-option vol, zero rates, no
/// costs), each number checked by hand: strikes from the Cboe rules (PUT: listed strike at or below the
/// index; BXM: at or above; CNDR: by delta), contract counts from the sizing rules, prices by BSM (verified
/// against QLNet in the pricing tests), settlement to the intrinsic value at the settlement price.
/// </summary>
public class OptionOverlaySleeveTests
{
    private const double Capital = 10_000_000;

    private static BacktestResult Run(FlatOptionMarket market, Alvh.MarketData.MarketDataSet data, OverlayParameters rules, FillTiming fills = FillTiming.NextBar) =>
        BacktestEngine.Run(data, [new OptionOverlaySleeve(market, rules)],
            new CompositePriceModel(new EquityPriceModel(data, halfSpreadBps: 0), new OptionPricer(market, FlatOptionMarket.NoCosts)),
            new BacktestConfig { InitialCapital = Capital, FillTiming = fills });

    private static List<LedgerEntry> Fills(BacktestResult r) => r.Ledger.Entries.Where(e => e.Kind == EntryKind.Fill).ToList();

    [Theory]
    [InlineData(OverlayRoll.SpxMonthly, "2014-04-16", "2014-04-17")] // Good Friday 2014-04-18: the Thursday before
    [InlineData(OverlayRoll.SpxMonthly, "2014-04-17", "2014-05-16")]
    [InlineData(OverlayRoll.SpxMonthly, "2020-01-02", "2020-01-17")]
    [InlineData(OverlayRoll.SpxWeekly, "2020-01-02", "2020-01-03")]
    [InlineData(OverlayRoll.SpxWeekly, "2020-01-03", "2020-01-10")]
    [InlineData(OverlayRoll.SpxWeekly, "2020-04-06", "2020-04-09")] // Good Friday 2020-04-10
    [InlineData(OverlayRoll.VixMonthly, "2020-01-01", "2020-01-22")] // 30 days before Friday 2020-02-21
    [InlineData(OverlayRoll.VixMonthly, "2020-01-22", "2020-02-19")]
    [InlineData(OverlayRoll.VixMonthly, "2024-06-01", "2024-06-18")] // Juneteenth Wednesday: the Tuesday before
    public void Roll_calendar_gives_the_next_expiry(OverlayRoll roll, string after, string expected) =>
        OverlayRollCalendar.NextExpiry(roll, DateOnly.Parse(after, System.Globalization.CultureInfo.InvariantCulture))
            .Should().Be(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Put_write_sells_collateralised_atm_puts_and_rolls_when_the_itm_put_settles_at_the_am_open()
    {
        // Mon 2020-01-13 .. Fri 2020-01-24; the January standard expiry is Friday 2020-01-17 (AM-settled here).
        var from = new DateOnly(2020, 1, 13);
        double[] close = [3302, 3300, 3300, 3300, 3250, 3250, 3250, 3250, 3250, 3250];
        double[] open = [3302, 3300, 3300, 3300, 3200, 3250, 3250, 3250, 3250, 3250];
        var data = FlatOptionMarket.Data(from, close, close.Select(_ => 20.0).ToArray(), spxOpen: open);
        var market = new FlatOptionMarket(data) { AmSettled = e => e == new DateOnly(2020, 1, 17) || e == new DateOnly(2020, 2, 21) };
        var r = Run(market, data, new OverlayParameters());

        var fills = Fills(r);
        fills.Should().HaveCount(2);
        // Day one: strike = highest 5-point strike at or below 3302 = 3300; contracts = floor(10,000,000 / (3300 × 100)) = 30.
        fills[0].Date.Should().Be(new DateOnly(2020, 1, 14));
        fills[0].Instrument.Should().Be(Instrument.SpxOption(OptionRight.Put, 3300, new DateOnly(2020, 1, 17)));
        fills[0].Quantity.Should().Be(-30);
        // Decided at Thursday's close (index 3300), sold at the roll-day open when the old put settles.
        fills[1].Date.Should().Be(new DateOnly(2020, 1, 17));
        fills[1].Instrument.Should().Be(Instrument.SpxOption(OptionRight.Put, 3300, new DateOnly(2020, 2, 21)));
        fills[1].Quantity.Should().Be(-30, "floor(value at Thursday's close / 330,000) with value = 10,000,000 + a small gain");
        var settlement = r.Ledger.Entries.Single(e => e.Kind == EntryKind.Settlement);
        settlement.Date.Should().Be(new DateOnly(2020, 1, 17));
        settlement.Price.Should().Be(100, "settles to 3300 − the open 3200 (the AM special opening quotation proxy), not the close 3250");
        settlement.Cash.Should().Be(-30 * 100 * 100);

        // Equity on the roll day: premium of the first put (filled at the open of 01-14: 3 days to the AM settlement)
        // − its settlement + the new put's premium at the open (3200, 35 days) − its mark at the close (3250).
        double p1 = FlatOptionMarket.Bs(OptionRight.Put, 3300, 3300, 3, 0.15);
        double p2 = FlatOptionMarket.Bs(OptionRight.Put, 3200, 3300, 35, 0.15);
        double m2 = FlatOptionMarket.Bs(OptionRight.Put, 3250, 3300, 35 - 6.5 / 24, 0.15);
        double expected = Capital + 3000 * (p1 - 100) + 3000 * (p2 - m2);
        r.Daily.Single(d => d.Date == new DateOnly(2020, 1, 17)).Equity.Should().BeApproximately(expected, 1e-6);
    }

    [Fact]
    public void Weekly_pm_settled_puts_roll_at_the_expiry_close_and_fill_at_the_next_open()
    {
        var from = new DateOnly(2020, 1, 2);
        double[] spx = Enumerable.Repeat(3300.0, 16).ToArray();
        var data = FlatOptionMarket.Data(from, spx, spx.Select(_ => 20.0).ToArray());
        var r = Run(new FlatOptionMarket(data), data, new OverlayParameters { Roll = OverlayRoll.SpxWeekly });
        Fills(r).Select(f => (f.Date, f.Instrument.Expiry)).Should().Equal(
            (new DateOnly(2020, 1, 3), new DateOnly(2020, 1, 10)),
            (new DateOnly(2020, 1, 13), new DateOnly(2020, 1, 17)),
            (new DateOnly(2020, 1, 20), new DateOnly(2020, 1, 24)));
        r.Ledger.Entries.Count(e => e.Kind == EntryKind.Settlement).Should().Be(2);
    }

    [Fact]
    public void Buy_write_holds_one_short_call_per_index_unit_with_the_premium_in_the_index()
    {
        var from = new DateOnly(2020, 1, 13);
        double[] spx = Enumerable.Repeat(3302.0, 4).ToArray();
        var data = FlatOptionMarket.Data(from, spx, spx.Select(_ => 20.0).ToArray());
        var r = Run(new FlatOptionMarket(data), data, new OverlayParameters { Structure = OverlayStructure.ShortCall, Sizing = OverlaySizing.CoveredIndex });
        var fills = Fills(r);
        // Strike: lowest 5-point strike at or above 3302 = 3305. Units N = V / (S − C), contracts = floor(N / 100).
        double c = FlatOptionMarket.Bs(OptionRight.Call, 3302, 3305, 4, 0.15); // mark at Monday's close, 4 days to Friday's close
        double contracts = Math.Floor(Capital / (3302 - c) / 100);
        var call = fills.Single(f => f.Instrument.IsOption);
        call.Instrument.Should().Be(Instrument.SpxOption(OptionRight.Call, 3305, new DateOnly(2020, 1, 17)));
        call.Quantity.Should().Be(-contracts);
        var index = fills.Single(f => !f.Instrument.IsOption);
        index.Instrument.Should().Be(Instrument.Equity("SPX"));
        // Decided for (V + premium at the close mark) / S; the call fills at Tuesday's open with 3 days and 6.5 hours
        // left, a little cheaper than the close mark, so the index purchase is clipped to the cash actually received.
        double filled = FlatOptionMarket.Bs(OptionRight.Call, 3302, 3305, 3 + 6.5 / 24, 0.15);
        index.Quantity.Should().BeApproximately((Capital + contracts * 100 * filled) / 3302, 2e-6);
        index.Quantity.Should().BeLessThan((Capital + contracts * 100 * c) / 3302);
        fills.IndexOf(call).Should().BeLessThan(fills.IndexOf(index), "the call is sold first; its premium buys index units");
    }

    /// <summary>
    /// A buy-write holding SPY (a tenth of the index in the stand-in market) still sells one SPX call per unit of the index
    /// its SPY is worth: sized by SPY's price it sold ten times as many, nine in ten of them naked.
    /// </summary>
    [Fact]
    public void Buy_write_on_spy_sells_one_call_per_index_unit_its_shares_are_worth()
    {
        var from = new DateOnly(2020, 1, 13);
        double[] spx = Enumerable.Repeat(3302.0, 4).ToArray();
        var data = FlatOptionMarket.Data(from, spx, spx.Select(_ => 20.0).ToArray());
        var r = Run(new FlatOptionMarket(data), data, new OverlayParameters { Structure = OverlayStructure.ShortCall, Sizing = OverlaySizing.CoveredIndex, IndexSymbol = "SPY" });
        var fills = Fills(r);
        // As the SPX buy-write above: N = V / (S − C) with S the index (3302), contracts = floor(N / 100) = 30.
        double c = FlatOptionMarket.Bs(OptionRight.Call, 3302, 3305, 4, 0.15);
        double contracts = Math.Floor(Capital / (3302 - c) / 100);
        fills.Single(f => f.Instrument.IsOption).Quantity.Should().Be(-contracts);
        var spy = fills.Single(f => !f.Instrument.IsOption);
        spy.Instrument.Should().Be(Instrument.Equity("SPY"));
        // The capital and the premium buy SPY at 330.2 (the stand-in's SPY is the index / 10): 10 shares per index unit.
        double filled = FlatOptionMarket.Bs(OptionRight.Call, 3302, 3305, 3 + 6.5 / 24, 0.15);
        spy.Quantity.Should().BeApproximately((Capital + contracts * 100 * filled) / 330.2, 2e-5);
        (spy.Quantity / 10).Should().BeGreaterThanOrEqualTo(contracts * 100, "every call is covered by an index unit's worth of SPY");
    }

    /// <summary>
    /// A buy-write's roll is sized at the close before the A.M. expiry with the expiring calls at their close mark; they
    /// settle at the open, here 50 points higher after a gap up, and the difference is owed in cash. It is now sold out of
    /// the index at the next open (units = the cash owed / the index's close, the rule of SweepCash); it stayed a loan
    /// until the next roll, as Cboe's BXM, which holds only the index and its calls, never has.
    /// </summary>
    [Fact]
    public void Buy_write_sells_index_units_for_the_cash_a_roll_s_settlement_took()
    {
        // Mon 2020-01-13 .. Wed 2020-01-22; the January expiry Friday 2020-01-17 is A.M.-settled here, at the open of 3450.
        var from = new DateOnly(2020, 1, 13);
        double[] close = [3302, 3340, 3370, 3400, 3450, 3450, 3450, 3450];
        double[] open = [3302, 3302, 3340, 3370, 3450, 3450, 3450, 3450];
        var data = FlatOptionMarket.Data(from, close, close.Select(_ => 20.0).ToArray(), spxOpen: open);
        var market = new FlatOptionMarket(data) { AmSettled = e => e == new DateOnly(2020, 1, 17) || e == new DateOnly(2020, 2, 21) };

        var r = Run(market, data, new OverlayParameters { Structure = OverlayStructure.ShortCall, Sizing = OverlaySizing.CoveredIndex });

        var friday = r.Daily.Single(d => d.Date == new DateOnly(2020, 1, 17));
        double owed = friday.Cash;
        owed.Should().BeLessThan(-OptionOverlaySleeve.CashSweepShare * friday.Equity, "the calls settled 50 points above their close mark");
        var sale = Fills(r).Single(f => f.Date == new DateOnly(2020, 1, 20));
        sale.Instrument.Should().Be(Instrument.Equity("SPX"));
        sale.Quantity.Should().BeApproximately(owed / 3450, 1e-9);
        // Filled at Monday's open, 3450, the index's Friday close: the loan is repaid to the cent.
        r.Daily.Single(d => d.Date == new DateOnly(2020, 1, 20)).Cash.Should().BeApproximately(0, 1e-6);
        r.Daily.Where(d => d.Date > new DateOnly(2020, 1, 20)).Should().OnlyContain(d => Math.Abs(d.Cash) < 1e-6);
    }

    /// <summary>
    /// Under <see cref="FillTiming.SameClose"/> a roll fills at the close it is decided at, so it is decided at the close
    /// after the expiring options settle: the A.M. expiry's own close (the open's settlement comes first), as a P.M.
    /// expiry's. It was decided at Thursday's close as under next-open fills, and filled there while the January calls
    /// were still short until Friday's open: two series against one set of index units overnight (cboe-bxm 2020-01-16
    /// with fills: SameClose, 616 short calls against 30,909 units).
    /// </summary>
    [Fact]
    public void Buy_write_under_same_close_fills_rolls_after_the_am_settlement_never_short_two_series()
    {
        // Mon 2020-01-13 .. Wed 2020-01-22; the January expiry Friday 2020-01-17 is A.M.-settled.
        var from = new DateOnly(2020, 1, 13);
        double[] close = [3302, 3340, 3370, 3400, 3450, 3450, 3450, 3450];
        var data = FlatOptionMarket.Data(from, close, close.Select(_ => 20.0).ToArray(), spxOpen: close);
        var market = new FlatOptionMarket(data) { AmSettled = e => e == new DateOnly(2020, 1, 17) || e == new DateOnly(2020, 2, 21) };

        var r = Run(market, data, new OverlayParameters { Structure = OverlayStructure.ShortCall, Sizing = OverlaySizing.CoveredIndex }, FillTiming.SameClose);

        var calls = Fills(r).Where(f => f.Instrument.IsOption).ToList();
        calls.Select(f => (f.Date, f.Instrument.Expiry)).Should().Equal(
            (new DateOnly(2020, 1, 13), new DateOnly(2020, 1, 17)),
            (new DateOnly(2020, 1, 17), new DateOnly(2020, 2, 21)));
        var settlement = r.Ledger.Entries.Single(e => e.Kind == EntryKind.Settlement);
        r.Ledger.Entries.ToList().IndexOf(settlement).Should().BeLessThan(r.Ledger.Entries.ToList().IndexOf(calls[1]), "the old calls settle before the new ones are sold");
    }

    [Fact]
    public void Iron_condor_strikes_by_delta_and_contracts_by_the_short_put_collateral()
    {
        var from = new DateOnly(2020, 1, 13);
        double[] spx = Enumerable.Repeat(3300.0, 4).ToArray();
        var data = FlatOptionMarket.Data(from, spx, spx.Select(_ => 20.0).ToArray());
        var r = Run(new FlatOptionMarket(data), data, new OverlayParameters { Structure = OverlayStructure.ShortIronCondor, ShortDelta = 0.20, WingDelta = 0.05 });
        var legs = Fills(r).ToDictionary(f => (f.Instrument.Right, f.Quantity < 0), f => f);
        double t = 4 / 365.0;
        double Strike(OptionRight right, double delta) => Math.Round(StrikeFromDelta.ForFlatVol(right, delta, 3300, 0, 0, 0.15, t) / 5, MidpointRounding.AwayFromZero) * 5;
        double shortPut = Strike(OptionRight.Put, -0.20);
        legs[(OptionRight.Put, true)].Instrument.Strike.Should().Be(shortPut);
        legs[(OptionRight.Put, false)].Instrument.Strike.Should().Be(Math.Min(Strike(OptionRight.Put, -0.05), shortPut - 5));
        legs[(OptionRight.Call, true)].Instrument.Strike.Should().Be(Strike(OptionRight.Call, 0.20));
        legs[(OptionRight.Call, false)].Instrument.Strike.Should().Be(Math.Max(Strike(OptionRight.Call, 0.05), Strike(OptionRight.Call, 0.20) + 5));
        legs.Values.Select(l => Math.Abs(l.Quantity)).Distinct().Should().Equal(Math.Floor(Capital / (shortPut * 100)));
    }

    [Theory]
    [InlineData(12.0, 0.0)]
    [InlineData(15.0, 0.0)]
    [InlineData(15.5, 0.01)]
    [InlineData(30.0, 0.01)]
    [InlineData(30.5, 0.005)]
    [InlineData(50.0, 0.005)]
    [InlineData(55.0, 0.0)]
    public void Vxth_weight_follows_the_same_expiry_future_bucket(double future, double weight) =>
        new OverlayParameters().WeightFor(future).Should().Be(weight);

    [Theory]
    [InlineData(20.0, 0.01)]
    [InlineData(12.0, 0.0)]
    public void Vxth_buys_30_delta_vix_calls_with_the_bucket_weight_and_holds_the_rest_in_the_index(double vix, double weight)
    {
        // Mon 2020-01-13; the current VIX cycle expires Wednesday 2020-01-22 (9 days).
        var from = new DateOnly(2020, 1, 13);
        double[] spx = Enumerable.Repeat(3300.0, 3).ToArray();
        var data = FlatOptionMarket.Data(from, spx, spx.Select(_ => vix).ToArray());
        var r = Run(new FlatOptionMarket(data), data, new OverlayParameters { Structure = OverlayStructure.LongVixCall, Roll = OverlayRoll.VixMonthly, Sizing = OverlaySizing.PremiumWeight });
        var fills = Fills(r);
        double t = 9 / 365.0;
        double strike = Math.Round(StrikeFromDelta.ForFlatVol(OptionRight.Call, 0.30, vix, 0, 0, 0.8, t), MidpointRounding.AwayFromZero);
        double premium = Black76.Price(OptionRight.Call, vix, strike, 0, 0.8, 9 / 365.0 - 6.5 / 24 / 365);
        double contracts = Math.Floor(weight * Capital / (premium * 100));
        var calls = fills.Where(f => f.Instrument.Kind == InstrumentKind.VixOption).ToList();
        if (weight == 0)
        {
            calls.Should().BeEmpty("no VIX calls at or below a future of 15");
        }
        else
        {
            calls.Should().ContainSingle().Which.Instrument.Should().Be(Instrument.VixOption(OptionRight.Call, strike, new DateOnly(2020, 1, 22)));
            calls[0].Quantity.Should().Be(contracts);
        }
        // The rest of the cash goes into the index at the same open, after the calls at their fill price (the open's
        // model price, a day nearer expiry than the close's mark the count was sized at).
        double spent = calls.Sum(c => c.Quantity * c.Price * 100);
        fills.Single(f => f.Instrument.Kind == InstrumentKind.Equity).Quantity.Should().BeApproximately((Capital - spent) / 3300, 1e-6);
    }

    [Fact]
    public void Vxth_funds_the_new_calls_when_the_expiring_ones_marked_at_the_close_settle_at_0()
    {
        // Mon 2020-01-13 .. Thu 2020-01-23 (weekdays): the C22s bought at the 2020-01-14 open (VIX 20) expire Wednesday
        // 2020-01-22. At the 2020-01-21 close the VIX (= its future here) is 23, above their strike, so they are marked at
        // about a point and the weight is 1% (Cboe VXTH: over 15 up to 30); the VIX opens at 21.9 on 2020-01-22, so they
        // settle at 0 (SOQ = open). The sleeve counted their mark (about 3% of its value) as cash there and bought the new
        // calls from the 0.1% of cash the first roll left: filled in part (on 2011-09-21 in the real history, not at all).
        var from = new DateOnly(2020, 1, 13);
        double[] spx = Enumerable.Repeat(3300.0, 9).ToArray();
        double[] vix = [20, 20, 20, 20, 20, 20, 23, 22, 22];
        var data = FlatOptionMarket.Data(from, spx, vix, vixOpen: vix.Select((v, i) => i == 7 ? 21.9 : v).ToArray());
        var r = Run(new FlatOptionMarket(data), data, new OverlayParameters { Structure = OverlayStructure.LongVixCall, Roll = OverlayRoll.VixMonthly, Sizing = OverlaySizing.PremiumWeight });
        r.Dropped.Should().BeEmpty();
        var rollDay = new DateOnly(2020, 1, 22);
        var expiring = r.Ledger.Entries.Single(e => e.Kind == EntryKind.Settlement);
        (expiring.Date, expiring.Price).Should().Be((rollDay, 0.0));
        // The rule at the 2020-01-21 close: 1% of the sleeve value in 30-delta calls on the 2020-02-19 future at 23.
        double value = r.Daily[6].Equity;
        double t = 29 / 365.0;
        double strike = Math.Round(StrikeFromDelta.ForFlatVol(OptionRight.Call, 0.30, 23, 0, 0, 0.8, t), MidpointRounding.AwayFromZero);
        double mark = Black76.Price(OptionRight.Call, 23, strike, 0, 0.8, t - 6.5 / 24 / 365);
        var call = Fills(r).Single(f => f.Date == rollDay && f.Instrument.Kind == InstrumentKind.VixOption);
        call.Instrument.Should().Be(Instrument.VixOption(OptionRight.Call, strike, new DateOnly(2020, 2, 19)));
        call.Quantity.Should().Be(Math.Floor(0.01 * value / (100 * mark)));
        // Everything else is back in the index at the same open (no costs here: no cash is left but rounding).
        r.Daily[7].Cash.Should().BeLessThan(1.0);
    }

    [Theory]
    [InlineData(OverlayRoll.VixMonthly, false, 0)]
    [InlineData(OverlayRoll.VixMonthly, true, 1)]
    [InlineData(OverlayRoll.SpxWeekly, false, 0)]
    [InlineData(OverlayRoll.SpxWeekly, true, 1)]
    public void Before_their_launch_the_options_trade_only_under_the_as_if_listing(OverlayRoll roll, bool asIf, int optionFills)
    {
        // 2004-01-12..14: before VIX options (2006-02-24) and Friday SPX Weeklys (2005-10-28). The sleeve read fixed
        // launch dates, so cboe-vxth and cboe-wput ignored --as-if and held T-bills only (1990-2006 in the shared data).
        var from = new DateOnly(2004, 1, 12);
        double[] spx = Enumerable.Repeat(1100.0, 3).ToArray();
        var data = FlatOptionMarket.Data(from, spx, spx.Select(_ => 20.0).ToArray());
        var rules = roll == OverlayRoll.VixMonthly
            ? new OverlayParameters { Structure = OverlayStructure.LongVixCall, Roll = roll, Sizing = OverlaySizing.PremiumWeight }
            : new OverlayParameters { Roll = roll };
        var r = Run(new FlatOptionMarket(data) { ListedAsIf = asIf }, data, rules);
        Fills(r).Count(f => f.Instrument.IsOption).Should().Be(optionFills);
    }

    [Fact]
    public void Assumptions_say_where_the_rules_leave_the_cboe_methodology()
    {
        string Reason(OverlayParameters p, string name) => p.ToAssumptions().Single(a => a.Name == name).Reason;
        Reason(new OverlayParameters(), "sizing").Should().Contain("counts the premium received");
        Reason(new OverlayParameters { Structure = OverlayStructure.ShortIronCondor, ShortDelta = 0.2 }, "sizing").Should().Contain("CNDR publishes no contract count");
        new OverlayParameters().ToAssumptions().Should().Contain(a => a.Name == "benchmarkCosts");
        Reason(new OverlayParameters { Structure = OverlayStructure.LongVixCall, Roll = OverlayRoll.VixMonthly, Sizing = OverlaySizing.PremiumWeight }, "firstRoll")
            .Should().Contain("T-bills only");
        Reason(new OverlayParameters { Roll = OverlayRoll.SpxWeekly }, "firstRoll").Should().Contain("WPUT");
        new OverlayParameters().ToAssumptions().Should().NotContain(a => a.Name == "firstRoll");
    }
}
