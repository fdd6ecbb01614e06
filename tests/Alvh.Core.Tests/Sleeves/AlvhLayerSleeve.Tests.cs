using Alvh.Engine;
using Alvh.Engine.Options;
using Alvh.Ledger;
using Alvh.MarketData;
using Alvh.Pricing;
using Alvh.Sleeves;

namespace Alvh.Core.Tests.Sleeves;

/// <summary>
/// A VIX call layer bought and settled, checked by hand: premium by Black-76 on the same-expiry future
/// (Black 1976; verified against QLNet in the pricing tests), budget = 1%/yr × equity × tenor/365 in a
/// normal VIX regime, settlement = VIX open on expiry day − strike (the SOQ proxy).
/// </summary>
public class AlvhLayerSleeveTests
{
    private static readonly DateOnly Thursday = new(2020, 1, 2);

    /// <summary>Rules that never monetise, take no tranche (but the ones a test names) and route nothing to the DRIP.</summary>
    private static readonly AlvhParameters Quiet = new() { MonetiseVix = 1e9, MonetiseMultiple = 1e9, TrancheOnMacdCrossUp = false, TrancheOnRsiSpxAbove = 0, TrancheBeforeEventDays = -1, RouteIncomeToDrip = false };

    /// <summary>One layer (the only one, all of the capital) of <paramref name="tenorDays"/> on <paramref name="data"/>, filled by <paramref name="fills"/> (default: at the mid, no fees).</summary>
    private static BacktestResult RunLayer(MarketDataSet data, AlvhParameters rules, int tenorDays, bool takesTranches, Alvh.Costs.IFillModel? fills = null)
    {
        var market = new FlatOptionMarket(data);
        var sleeve = new AlvhLayerSleeve(market, rules, tenorDays, layerCount: 1, takesTranches, $"alvh-{tenorDays}", allocation: 1.0);
        return BacktestEngine.Run(data, [sleeve], new CompositePriceModel(new EquityPriceModel(data), new OptionPricer(market, fills ?? FlatOptionMarket.NoCosts)), new BacktestConfig());
    }

    /// <summary>
    /// A Black-76 call's delta is below e^{-rT}: at 6% over 347 days e^{-0.06 × 347/365} = 0.9446, so no strike has a
    /// delta of 0.95 (the top of strikeDelta's range). The layer buys nothing; StrikeFromDelta's refusal stopped the run.
    /// </summary>
    [Fact]
    public void A_delta_no_call_can_have_buys_no_layer_and_the_run_goes_on()
    {
        int n = 10;
        var vix = Enumerable.Repeat(17.0, n).ToArray();
        var spx = Enumerable.Repeat(3000.0, n).ToArray();
        var data = FlatOptionMarket.Data(Thursday, spx, vix);
        var market = new FlatOptionMarket(data) { FlatRate = 0.06 };
        var rules = Quiet with { StrikeDelta = 0.95, RollDays = 0 };
        var sleeve = new AlvhLayerSleeve(market, rules, 347, layerCount: 1, takesTranches: false, "alvh-347", allocation: 1.0);
        var r = BacktestEngine.Run(data, [sleeve], new CompositePriceModel(new EquityPriceModel(data), new OptionPricer(market, FlatOptionMarket.NoCosts)), new BacktestConfig());

        r.Ledger.Entries.Should().NotContain(e => e.Kind == EntryKind.Fill);
        r.Daily.Should().HaveCount(n);
    }

    [Fact]
    public void A_layer_is_bought_with_its_budget_and_settles_to_the_vix_open()
    {
        int n = 22; // weekdays Thu 2020-01-02 .. Fri 2020-01-31
        var vix = Enumerable.Repeat(17.0, n).ToArray();
        var vixOpen = Enumerable.Repeat(17.0, n).ToArray();
        vixOpen[^1] = 25; // the special opening quotation proxy on expiry day
        var spx = Enumerable.Repeat(3000.0, n).ToArray();
        var data = FlatOptionMarket.Data(Thursday, spx, vix, vixOpen);
        var rules = Quiet with { RollDays = 0 };
        var r = RunLayer(data, rules, tenorDays: 29, takesTranches: true);

        var buy = r.Ledger.Entries.First(e => e.Kind == EntryKind.Fill);
        buy.Date.Should().Be(new DateOnly(2020, 1, 3), "decided Thursday, filled at the next open");
        buy.Instrument.Strike.Should().Be(21, "ceil(17 × 1.20) on the 1-point grid");
        buy.Instrument.Expiry.Should().Be(new DateOnly(2020, 1, 31));
        // Premium at the Friday open: 28 days from the open to the AM settlement (28 days − 6.5 h from
        // the close, plus the 6.5 h from open to close), F = 17 × open/previous close = 17, σ = 0.8, r = 0.
        double t = 28 / 365.0;
        buy.Price.Should().BeApproximately(Black76.Price(OptionRight.Call, 17, 21, 0, 0.8, t), 1e-12);
        // Budget decided Thursday: 0.01 × 1,000,000 × 29/365 / 1 layer × 1.0 (normal regime) = 794.52.
        double decisionPremium = Black76.Price(OptionRight.Call, 17, 21, 0, 0.8, (29 - 6.5 / 24) / 365.0);
        buy.Quantity.Should().Be(Math.Floor(0.01 * 1_000_000 * 29 / 365.0 / (decisionPremium * 100)));

        var settle = r.Ledger.Entries.Single(e => e.Kind == EntryKind.Settlement);
        settle.Date.Should().Be(new DateOnly(2020, 1, 31));
        settle.Price.Should().Be(4, "VIX open 25 − strike 21");
        settle.Cash.Should().BeApproximately(buy.Quantity * 100 * 4, 1e-9);
    }

    [Fact]
    public void A_layer_is_monetised_when_vix_spikes_with_a_gain()
    {
        int n = 8;
        var vix = new[] { 15.0, 15, 15, 15, 35, 36, 36, 36 };
        var spx = Enumerable.Repeat(3000.0, n).ToArray();
        var data = FlatOptionMarket.Data(Thursday, spx, vix);
        var market = new FlatOptionMarket(data);
        var rules = new AlvhParameters { TrancheOnMacdCrossUp = false, TrancheOnRsiSpxAbove = 0, TrancheBeforeEventDays = -1, RouteIncomeToDrip = false };
        var sleeve = new AlvhLayerSleeve(market, rules, 60, 1, true, "alvh-60", 1.0);
        var r = BacktestEngine.Run(data, [sleeve], new CompositePriceModel(new EquityPriceModel(data), new OptionPricer(market, FlatOptionMarket.NoCosts)), new BacktestConfig());
        r.Trades.Should().Contain(t => t.Reason.StartsWith("monetise: VIX", StringComparison.Ordinal) && t.Quantity < 0);
        var sold = r.Trades.First(t => t.Reason.StartsWith("monetise", StringComparison.Ordinal));
        var bought = r.Trades.First(t => t.Quantity > 0);
        sold.Price.Should().BeGreaterThan(bought.Price * 3, "VIX more than doubled");
    }

    /// <summary>
    /// "With a gain" is judged on what the sale would bring in, after its fees, against what the layer's calls cost with
    /// their own fees. The layer's 18-strike call (VIX 15, ceil(15 × 1.2)), bought at the Friday open for p0 = Black-76(F 15,
    /// K 18, σ 0.8, 59 days to the 2020-03-02 expiry), marked at Wednesday's close at p1 = Black-76(F 30, K 18, 54 days −
    /// 6.5 h), gains d = 100 (p1 − p0) a contract at the mid. With a fee of c a contract each way, the sale brings in
    /// 100 p1 − c against 100 p0 + c: a gain when 2c &lt; d. At c = 0.75 d the mid shows a gain over the price paid, and the
    /// sale after its own fee too (d &gt; c), but not over the purchase's fee as well, so the layer is kept; at c = 0.25 d
    /// it is sold. Judged at the mid, both were sold.
    /// </summary>
    [Theory]
    [InlineData(0.25, true)]
    [InlineData(0.75, false)]
    public void A_spike_sells_a_layer_only_when_its_sale_after_fees_is_a_gain(double feeShare, bool sold)
    {
        double[] vix = [15, 15, 15, 15, 30, 30, 30, 30];
        var spx = Enumerable.Repeat(3000.0, vix.Length).ToArray();
        var data = FlatOptionMarket.Data(Thursday, spx, vix);
        double p0 = Black76.Price(OptionRight.Call, 15, 18, 0, 0.8, 59 / 365.0);
        double p1 = Black76.Price(OptionRight.Call, 30, 18, 0, 0.8, (54 - 6.5 / 24) / 365.0);
        double gain = 100 * (p1 - p0);
        var fees = new Alvh.Costs.FeeSchedule(feeShare * gain, 0, 0);
        var fills = new Alvh.Costs.OptionFillModel(Alvh.Costs.BidAskModel.Default, fees, fees, Alvh.Costs.FillConvention.Mid);
        var r = RunLayer(data, Quiet with { MonetiseVix = 30 }, tenorDays: 60, takesTranches: false, fills);

        var buy = r.Ledger.Entries.First(e => e.Kind == EntryKind.Fill);
        buy.Instrument.Strike.Should().Be(18);
        buy.Price.Should().BeApproximately(p0, 1e-12, "filled at the mid");
        gain.Should().BeGreaterThan(0, "the mid shows a gain over the price paid in both cases");
        r.Trades.Any(t => t.Reason.StartsWith("monetise: VIX 30.0", StringComparison.Ordinal)).Should().Be(sold);
    }

    /// <summary>
    /// After a sale in a VIX spike the layer is bought again the next day (rebuildBelowVix 0, the preset), or, with
    /// rebuildBelowVix set, on the first close below it. Bought back at once in a long spike, a layer was sold again at the
    /// next rise and bought again, at spike prices and spreads (34 purchases and 32 sales for drip-alvh in 2008-09 to 2009-06, 15 and 13 waiting for a close below 30).
    /// </summary>
    [Theory]
    [InlineData(0.0, 5, "the day after the sale's fill: the layer holds nothing")]
    [InlineData(30.0, 8, "the first close below 30, three days later")]
    public void A_layer_sold_in_a_spike_is_bought_again_the_next_day_or_once_the_vix_is_calm(double rebuildBelowVix, int rebuiltDay, string because)
    {
        // Thu 01-02 decides the layer (filled Fri); VIX 35 on Wed 01-08 (day 4) sells it (filled Thu 01-09, day 5); the VIX
        // stays at 35 to day 7 and closes at 25 on day 8.
        double[] vix = [15, 15, 15, 15, 35, 35, 35, 35, 25, 25, 25, 25];
        var spx = Enumerable.Repeat(3000.0, vix.Length).ToArray();
        var data = FlatOptionMarket.Data(Thursday, spx, vix);
        var rules = Quiet with { MonetiseVix = 30, RebuildBelowVix = rebuildBelowVix };
        var r = RunLayer(data, rules, tenorDays: 60, takesTranches: false);
        var days = data.Calendar;

        var sales = r.Trades.Where(t => t.Quantity < 0).ToList();
        sales.Should().ContainSingle().Which.Reason.Should().StartWith("monetise: VIX 35.0");
        sales[0].Date.Should().Be(days[5]);
        var buys = r.Trades.Where(t => t.Quantity > 0).ToList();
        buys.Select(t => t.Date).Should().Equal([days[1], days[rebuiltDay + 1]], because);
        buys[1].Reason.Should().Be("establish layer");
        if (rebuildBelowVix > 0)
        {
            r.Trades.Should().HaveCount(3, "no sale of the new layer at the next rise: nothing was held");
        }
    }

    /// <summary>
    /// The wait for a calm VIX follows a spike sale that filled. When the fill drops it, the layer still holds its calls; sold
    /// later at a multiple of their cost (no spike), the layer is bought again the next day. The wait was set when the spike
    /// sale was ordered and outlived it: the layer stayed flat until the VIX closed below rebuildBelowVix (a review).
    /// </summary>
    [Fact]
    public void A_spike_sale_the_fill_dropped_does_not_hold_back_the_next_layer()
    {
        // Thu 01-02 decides the layer at VIX 15 (strike 18; filled Fri 01-03); VIX 35 on Wed 01-08 (day 4) orders the spike
        // sale, which the fill of day 5 drops; VIX 25 on day 5: no spike, the calls are worth over 3x their cost and are
        // sold (day 6); day 6 decides a new layer, filled on day 7. The VIX stays above rebuildBelowVix (20).
        double[] vix = [15, 15, 15, 15, 35, 25, 25, 25, 25, 25];
        var spx = Enumerable.Repeat(3000.0, vix.Length).ToArray();
        var data = FlatOptionMarket.Data(Thursday, spx, vix);
        var market = new FlatOptionMarket(data);
        var rules = Quiet with { MonetiseVix = 30, MonetiseMultiple = 3, RebuildBelowVix = 20, RollDays = 0 };
        var sleeve = new AlvhLayerSleeve(market, rules, 60, 1, false, "alvh-60", 1.0);
        var prices = new CompositePriceModel(new EquityPriceModel(data), new DropFillsOn(new OptionPricer(market, FlatOptionMarket.NoCosts), day: 5));
        var r = BacktestEngine.Run(data, [sleeve], prices, new BacktestConfig());
        var days = data.Calendar;

        r.Dropped.Should().ContainSingle().Which.Reason.Should().StartWith("monetise: VIX 35.0");
        var sale = r.Trades.Single(t => t.Quantity < 0);
        sale.Date.Should().Be(days[6]);
        sale.Reason.Should().StartWith("monetise: worth");
        r.Trades.Where(t => t.Quantity > 0).Select(t => t.Date).Should().Equal([days[1], days[7]], "the layer is bought again the day after its sale");
    }

    /// <summary>Prices as given, except that no option fills on one day (as a day without a tradable price).</summary>
    private sealed class DropFillsOn(IPriceModel inner, int day) : IPriceModel
    {
        public double Mark(in Instrument instrument, int d) => inner.Mark(instrument, d);
        public FillQuote Fill(in FillRequest request) => request.Day == day ? new FillQuote(double.NaN, 0, false) : inner.Fill(request);
        public double Settlement(in Instrument instrument, int d) => inner.Settlement(instrument, d);
        public bool SettlesAtOpen(in Instrument instrument) => inner.SettlesAtOpen(instrument);
        public IReadOnlyList<Assumption> Assumptions => inner.Assumptions;
    }

    [Fact]
    public void A_worthless_layer_in_the_roll_window_is_left_to_expire_and_a_new_one_bought()
    {
        // Bought Fri 01-03 at VIX 17 (strike 21, expiry 01-22), then VIX 10: from 01-13 the call is inside the 10-day roll
        // window and worth under a tick (Black-76, F 10, K 21, σ 0.8, 9 days: about 1e-8). Rolled, its sale fetched
        // nothing and paid fees (a spread's could not be placed at all and held back the new layer every day). It is
        // left to expire at 0 and the layer buys a fresh expiry at once.
        int n = 25;
        var vix = Enumerable.Range(0, n).Select(i => i < 2 ? 17.0 : 10.0).ToArray();
        var data = FlatOptionMarket.Data(Thursday, Enumerable.Repeat(3000.0, n).ToArray(), vix);
        var rules = Quiet with { RollDays = 10 };
        var r = RunLayer(data, rules, tenorDays: 20, takesTranches: false);

        r.Trades.Should().NotContain(t => t.Quantity < 0, "nothing is sold for nothing");
        var buys = r.Trades.Where(t => t.Quantity > 0).ToList();
        buys.Select(t => t.Instrument).Distinct().Should().HaveCountGreaterThanOrEqualTo(2, "a fresh layer replaces the worthless one");
        buys[0].Instrument.Should().Be("VIX 2020-01-22 C 21");
        buys[1].Date.Should().Be(new DateOnly(2020, 1, 14), "decided on 01-13, the first day inside the roll window, filled the next");
        buys[1].Reason.Should().Be("establish layer");
        r.Ledger.Entries.Single(e => e.Kind == EntryKind.Settlement && e.Instrument.Expiry == new DateOnly(2020, 1, 22)).Cash.Should().Be(0);
    }

    /// <summary>
    /// A roll's old call with no bid at the fill is left to expire, and the layer does not roll again: it sold such calls
    /// for nothing and paid their fees (5 times over 1990-2026 for drip-alvh, e.g. 2024-11-18, 106 calls for $184 of fees),
    /// because left held they would have rolled the layer again the next day, new layer and all.
    /// </summary>
    [Fact]
    public void A_rolled_call_with_no_bid_is_left_to_expire_and_the_new_layer_kept()
    {
        // Bought Fri 01-03 at VIX 17 (strike 21, expiry 01-22), then VIX 18. On 01-13, 9 days out (inside the 10-day
        // window), the call's mid is Black-76 (F 18, K 21, σ 0.8, 9 days) ≈ 0.13, over a tick: it is rolled, not left.
        // The quotes' half-spread is 1 point (filled at the touch), so at the 01-14 open the call has no bid. To 01-22.
        int n = 15;
        var vix = Enumerable.Range(0, n).Select(i => i < 2 ? 17.0 : 18.0).ToArray();
        var data = FlatOptionMarket.Data(Thursday, Enumerable.Repeat(3000.0, n).ToArray(), vix);
        var wide = new Alvh.Costs.OptionFillModel(new Alvh.Costs.BidAskModel(Alvh.Costs.BidAskParameters.Spx, Alvh.Costs.BidAskParameters.Vix with { FixedHalfSpread = 1.0 }),
            new Alvh.Costs.FeeSchedule(0, 0, 0), new Alvh.Costs.FeeSchedule(1, 0, 0), Alvh.Costs.FillConvention.Touch);
        var rules = Quiet with { RollDays = 10 };
        var r = RunLayer(data, rules, tenorDays: 20, takesTranches: false, wide);

        var old = Instrument.VixOption(OptionRight.Call, 21, new DateOnly(2020, 1, 22));
        FlatOptionMarket.Bs(OptionRight.Call, 18, 21, 9 - 6.5 / 24, 0.8).Should().BeInRange(0.05, 1.0, "rolled at the decision (over a tick), no bid at the fill");
        r.Trades.Should().NotContain(t => t.Quantity < 0, "no call is sold for nothing");
        var buys = r.Trades.Where(t => t.Quantity > 0).ToList();
        buys.Should().HaveCount(2, "the first layer and the roll's new one, once");
        buys[0].Instrument.Should().Be(old.Id);
        buys[1].Date.Should().Be(new DateOnly(2020, 1, 14));
        buys[1].Reason.Should().Be("roll: new layer");
        var settled = r.Ledger.Entries.Single(e => e.Kind == EntryKind.Settlement && e.Instrument == old);
        settled.Quantity.Should().Be(-buys[0].Quantity, "held to its expiry, when the settlement closes them all");
        settled.Date.Should().Be(new DateOnly(2020, 1, 22));
        var newLayer = r.Ledger.Entries.Single(e => e.Kind == EntryKind.Fill && e.Quantity > 0 && e.Date == buys[1].Date).Instrument;
        r.Ledger.Quantity("alvh-20", newLayer).Should().Be(buys[1].Quantity, "the new layer is kept");
    }

    /// <summary>
    /// A roll whose new layer is not bought (here no budget in the regime) is an order of the old call alone, which the
    /// engine filled one leg at a time: the call with no bid at the fill was sold for 0 and its fees, though a long option
    /// an order would close for nothing is left to expire in an order of several legs.
    /// </summary>
    [Fact]
    public void A_rolled_call_with_no_bid_is_left_to_expire_when_no_new_layer_is_bought()
    {
        // Bought Fri 01-03 at VIX 17 (normal regime, strike 21, expiry 01-22), then VIX 20.5 (elevated, budget multiplier 0:
        // the roll buys nothing). On 01-13, 9 days out, the call's mid is Black-76 (F 20.5, K 21, σ 0.8) ≈ 0.87: over a
        // tick, it is rolled; with a half-spread of 1 point it has no bid at the 01-14 open.
        int n = 15;
        var vix = Enumerable.Range(0, n).Select(i => i < 2 ? 17.0 : 20.5).ToArray();
        var data = FlatOptionMarket.Data(Thursday, Enumerable.Repeat(3000.0, n).ToArray(), vix);
        var wide = new Alvh.Costs.OptionFillModel(new Alvh.Costs.BidAskModel(Alvh.Costs.BidAskParameters.Spx, Alvh.Costs.BidAskParameters.Vix with { FixedHalfSpread = 1.0 }),
            new Alvh.Costs.FeeSchedule(0, 0, 0), new Alvh.Costs.FeeSchedule(1, 0, 0), Alvh.Costs.FillConvention.Touch);
        var rules = new AlvhParameters
        {
            MonetiseVix = 1e9, MonetiseMultiple = 1e9, RollDays = 10, TrancheOnMacdCrossUp = false, TrancheOnRsiSpxAbove = 0, TrancheBeforeEventDays = -1, RouteIncomeToDrip = false,
            RegimeMultiplier = new Dictionary<Alvh.Regimes.VixRegime, double> { [Alvh.Regimes.VixRegime.Normal] = 1, [Alvh.Regimes.VixRegime.Elevated] = 0 },
        };
        var r = RunLayer(data, rules, tenorDays: 20, takesTranches: false, wide);

        FlatOptionMarket.Bs(OptionRight.Call, 20.5, 21, 9 - 6.5 / 24, 0.8).Should().BeInRange(0.05, 1.0, "rolled at the decision (over a tick), no bid at the fill");
        var old = Instrument.VixOption(OptionRight.Call, 21, new DateOnly(2020, 1, 22));
        r.Trades.Should().ContainSingle().Which.Instrument.Should().Be(old.Id, "the first layer only: no call is sold for nothing");
        r.Ledger.Entries.Single(e => e.Kind == EntryKind.Settlement && e.Instrument == old).Date.Should().Be(new DateOnly(2020, 1, 22), "held to its expiry");
    }

    /// <summary>
    /// A worthless expiry left in the roll window is replaced by a fresh layer even when the layer holds a later tranche:
    /// it bought none then, and went without its base until the tranche's own roll (2024-11 for drip-alvh's 30-day layer).
    /// </summary>
    [Fact]
    public void A_worthless_base_beside_a_later_tranche_is_replaced_once()
    {
        // Base bought Fri 01-03 (VIX 17, strike 21, expiry 01-22). An FOMC day on Thu 01-09: the tranche one trading day
        // before it is decided Wed 01-08 (strike 21, expiry 01-28) and filled 01-09. VIX 10 from 01-09: on Mon 01-13 the
        // base, 9 days out, is worth about 1e-8 (Black-76, F 10, K 21, σ 0.8) and left; the tranche is 15 days out. VIX 18
        // from 01-14: the base, 8 days out, is marked over a tick again (about 0.1), and stays left: taken back, it rolled
        // the layer, selling the tranche and the fresh layer bought the day before.
        int n = 12;
        var vix = Enumerable.Range(0, n).Select(i => i < 5 ? 17.0 : i < 8 ? 10.0 : 18.0).ToArray();
        var fomc = new MarketEvent(new DateOnly(2020, 1, 9), "fomc", "FOMC", 3, new DateOnly(2020, 1, 9), true);
        var data = FlatOptionMarket.Data(Thursday, Enumerable.Repeat(3000.0, n).ToArray(), vix, events: [fomc]);
        var rules = Quiet with { RollDays = 10, TrancheBeforeEventDays = 1 };
        var r = RunLayer(data, rules, tenorDays: 20, takesTranches: true);

        var buys = r.Trades.Where(t => t.Quantity > 0).ToList();
        buys.Select(t => (t.Date, t.Instrument, t.Reason)).Should().Equal(
            (new DateOnly(2020, 1, 3), "VIX 2020-01-22 C 21", "establish layer"),
            (new DateOnly(2020, 1, 9), "VIX 2020-01-28 C 21", "tranche: macro event ahead"),
            (new DateOnly(2020, 1, 14), "VIX 2020-02-02 C 12", "establish layer"));
        FlatOptionMarket.Bs(OptionRight.Call, 18, 21, 8 - 6.5 / 24, 0.8).Should().BeGreaterThan(0.05, "the base is worth over a tick from 01-14");
        r.Trades.Should().NotContain(t => t.Quantity < 0, "the tranche and the fresh layer are held; the base expires as it is");
    }

    /// <summary>
    /// The fresh layer replacing a worthless base beside a later tranche was tried on the day the base was left only: a day
    /// that bought nothing (no budget in the regime, under one contract) left the layer without its base until the
    /// tranche's own roll, the gap the replacement was made to close. It is bought on the first day it can be.
    /// </summary>
    [Fact]
    public void A_worthless_base_beside_a_tranche_is_replaced_on_the_first_day_a_layer_can_be_bought()
    {
        // As A_worthless_base_beside_a_later_tranche_is_replaced_once, but with no budget in the calm regime: on Mon 01-13
        // (VIX 10, calm) the base is left and nothing can be bought; on Tue 01-14 (VIX 18, normal) the fresh layer is
        // (strike ceil(18 × 1.2) = 22, expiry 20 days after the decision), filled 01-15.
        int n = 12;
        var vix = Enumerable.Range(0, n).Select(i => i < 5 ? 17.0 : i < 8 ? 10.0 : 18.0).ToArray();
        var fomc = new MarketEvent(new DateOnly(2020, 1, 9), "fomc", "FOMC", 3, new DateOnly(2020, 1, 9), true);
        var data = FlatOptionMarket.Data(Thursday, Enumerable.Repeat(3000.0, n).ToArray(), vix, events: [fomc]);
        var rules = new AlvhParameters
        {
            MonetiseVix = 1e9, MonetiseMultiple = 1e9, RollDays = 10, TrancheOnMacdCrossUp = false, TrancheOnRsiSpxAbove = 0, TrancheBeforeEventDays = 1, RouteIncomeToDrip = false,
            RegimeMultiplier = new Dictionary<Alvh.Regimes.VixRegime, double> { [Alvh.Regimes.VixRegime.Calm] = 0, [Alvh.Regimes.VixRegime.Normal] = 1 },
        };
        var r = RunLayer(data, rules, tenorDays: 20, takesTranches: true);

        r.Trades.Where(t => t.Quantity > 0).Select(t => (t.Date, t.Instrument, t.Reason)).Should().Equal(
            (new DateOnly(2020, 1, 3), "VIX 2020-01-22 C 21", "establish layer"),
            (new DateOnly(2020, 1, 9), "VIX 2020-01-28 C 21", "tranche: macro event ahead"),
            (new DateOnly(2020, 1, 15), "VIX 2020-02-03 C 22", "establish layer"));
        r.Trades.Should().NotContain(t => t.Quantity < 0);
    }

    /// <summary>
    /// trancheOnRsiVixBelow: a tranche on the day RSI(VIX) falls below the level, not on the days it stays below. The VIX
    /// climbs 15 → 24.5 over 20 days and falls back by 0.5 a day; RSI(VIX) (Wilder, 14 days: the indicator's own tests
    /// cite its source) is 100 through the climb and crosses 30 once in the fall. The one tranche is decided that close
    /// and filled at the next open; at 0 (the presets) there is none.
    /// </summary>
    [Fact]
    public void An_RSI_VIX_tranche_is_bought_on_the_day_it_falls_below_its_level()
    {
        int n = 42;
        var vix = Enumerable.Range(0, n).Select(i => i < 20 ? 15 + 0.5 * i : 24.5 - 0.5 * (i - 19)).ToArray();
        var data = FlatOptionMarket.Data(Thursday, Enumerable.Repeat(3000.0, n).ToArray(), vix);
        var rsi = Alvh.Indicators.Rsi.Compute(vix, 14);
        int cross = Enumerable.Range(1, n - 1).Single(i => rsi[i] < 30 && !(rsi[i - 1] < 30));
        cross.Should().BeInRange(21, n - 2, "the fall's RSI crosses 30 a few days in");
        var dates = data.Calendar.Days;

        var on = RunLayer(data, Quiet with { TrancheOnRsiVixBelow = 30 }, tenorDays: 120, takesTranches: true);
        var off = RunLayer(data, Quiet, tenorDays: 120, takesTranches: true);

        on.Trades.Where(t => t.Reason.StartsWith("tranche", StringComparison.Ordinal)).Select(t => (t.Date, t.Reason)).Should().Equal((dates[cross + 1], "tranche: RSI(VIX) oversold"));
        off.Trades.Should().NotContain(t => t.Reason.StartsWith("tranche", StringComparison.Ordinal));
        (Quiet with { TrancheOnRsiVixBelow = 30 }).ToAssumptions().Single(a => a.Name == "tranches").Value.Should().Contain("RSI(VIX) < 30");
        Quiet.ToAssumptions().Single(a => a.Name == "tranches").Value.Should().Contain("no RSI(VIX) tranche", "every report says the rule is off");
    }

    /// <summary>
    /// A roll sells the expiries inside the roll window only: a tranche bought into a later expiry is kept until its own
    /// roll, and then sold without a new layer while the base is held. A roll sold every expiry the layer held, and the
    /// tranches weeks before their roll, often to buy the same expiry back (drip-alvh 2006-2026: 96 roll sales 8 days or
    /// more before expiry, 73 instruments bought back within 5 days).
    /// </summary>
    [Fact]
    public void A_roll_keeps_a_later_tranche_until_its_own_roll()
    {
        // Base decided Thu 01-02 at VIX 17: strike 21, expiry 01-22. VIX 18 from 01-06, 20 from 01-09. An FOMC day on Thu
        // 01-09: the tranche decided Wed 01-08 (strike ceil(18 x 1.2) = 22, expiry 01-28). On Mon 01-13 the base is 9 days
        // out and worth about 0.5 (Black-76, F 20, K 21, σ 0.8): rolled into 02-02 (strike 24); the tranche, 15 days out,
        // is kept. On Mon 01-20 the tranche is 8 days out, worth about 0.29: sold, and no layer bought (the base, 02-02,
        // is held). Filled the next days.
        int n = 15;
        var vix = Enumerable.Range(0, n).Select(i => i < 2 ? 17.0 : i < 5 ? 18.0 : 20.0).ToArray();
        var fomc = new MarketEvent(new DateOnly(2020, 1, 9), "fomc", "FOMC", 3, new DateOnly(2020, 1, 9), true);
        var data = FlatOptionMarket.Data(Thursday, Enumerable.Repeat(3000.0, n).ToArray(), vix, events: [fomc]);
        var rules = Quiet with { RollDays = 10, TrancheBeforeEventDays = 1 };
        var r = RunLayer(data, rules, tenorDays: 20, takesTranches: true);

        r.Trades.Select(t => (t.Date, t.Instrument, Math.Sign(t.Quantity), t.Reason)).Should().Equal(
            (new DateOnly(2020, 1, 3), "VIX 2020-01-22 C 21", 1, "establish layer"),
            (new DateOnly(2020, 1, 9), "VIX 2020-01-28 C 22", 1, "tranche: macro event ahead"),
            (new DateOnly(2020, 1, 14), "VIX 2020-01-22 C 21", -1, "roll"),
            (new DateOnly(2020, 1, 14), "VIX 2020-02-02 C 24", 1, "roll: new layer"),
            (new DateOnly(2020, 1, 21), "VIX 2020-01-28 C 22", -1, "roll"));
        FlatOptionMarket.Bs(OptionRight.Call, 20, 22, 8 - 6.5 / 24, 0.8).Should().BeInRange(0.25, 0.32, "the tranche is rolled, not left worthless");
    }

    /// <summary>
    /// A roll that sells the base and buys no new layer (no budget in the regime, under one contract; or the purchase not
    /// filled) left a layer holding a later tranche without its base until the tranche's own roll: a roll no longer sells
    /// the tranche, so the layer is not empty the next day and never bought one. It is bought on the first day it can be.
    /// </summary>
    [Fact]
    public void A_base_rolled_without_a_new_layer_beside_a_later_tranche_is_bought_on_the_first_day_it_can_be()
    {
        // As A_roll_keeps_a_later_tranche_until_its_own_roll, with no budget in the elevated regime and VIX 19 (normal)
        // but on Mon 01-13 (20.5, elevated): the base (01-22, strike 21, 9 days out, worth about 0.87) is rolled and no new
        // layer bought; the tranche (01-28, strike 22) is kept. On Tue 01-14 (VIX 19) a layer is (strike ceil(19 x 1.2)
        // = 23, expiry 20 days after the decision), filled 01-15, not at the tranche's roll on 01-20.
        int n = 15;
        var vix = Enumerable.Range(0, n).Select(i => i < 2 ? 17.0 : i < 5 ? 18.0 : i == 7 ? 20.5 : 19.0).ToArray();
        var fomc = new MarketEvent(new DateOnly(2020, 1, 9), "fomc", "FOMC", 3, new DateOnly(2020, 1, 9), true);
        var data = FlatOptionMarket.Data(Thursday, Enumerable.Repeat(3000.0, n).ToArray(), vix, events: [fomc]);
        var rules = new AlvhParameters
        {
            MonetiseVix = 1e9, MonetiseMultiple = 1e9, RollDays = 10, TrancheOnMacdCrossUp = false, TrancheOnRsiSpxAbove = 0, TrancheBeforeEventDays = 1, RouteIncomeToDrip = false,
            RegimeMultiplier = new Dictionary<Alvh.Regimes.VixRegime, double> { [Alvh.Regimes.VixRegime.Normal] = 1, [Alvh.Regimes.VixRegime.Elevated] = 0 },
        };
        var r = RunLayer(data, rules, tenorDays: 20, takesTranches: true);

        r.Trades.Select(t => (t.Date, t.Instrument, Math.Sign(t.Quantity), t.Reason)).Should().Equal(
            (new DateOnly(2020, 1, 3), "VIX 2020-01-22 C 21", 1, "establish layer"),
            (new DateOnly(2020, 1, 9), "VIX 2020-01-28 C 22", 1, "tranche: macro event ahead"),
            (new DateOnly(2020, 1, 14), "VIX 2020-01-22 C 21", -1, "roll"),
            (new DateOnly(2020, 1, 15), "VIX 2020-02-03 C 23", 1, "establish layer"),
            (new DateOnly(2020, 1, 21), "VIX 2020-01-28 C 22", -1, "roll"));
    }

    /// <summary>
    /// Two expiries left worthless in the roll window at once stay left until each expires. The layer remembered one: the
    /// second made it forget the first, which, marked over a tick again, was rolled (sold for about its tick and fees) two
    /// days before its expiry. A roll window of a month or more holds a base and a tranche at once (a user's 45/75-day
    /// layers rolled 40 days out, with strikes 200% above the future, sold a call left earlier 38 times over 2006-2026:
    /// 23 rolls, 15 monetisations).
    /// </summary>
    [Fact]
    public void Two_worthless_expiries_in_the_roll_window_both_stay_left_until_they_expire()
    {
        // Base decided Thu 01-02 at VIX 17 (strike ceil(17 × 1.2) = 21, expiry 01-22); the tranche one trading day before
        // an FOMC on Tue 01-07 is decided Mon 01-06 (strike 21, expiry 01-26). VIX 10 from 01-07: on Mon 01-13 the base,
        // 9 days out, is worth about 3e-10 (Black-76, F 10, K 21, σ 0.8) and left; the fresh layer replacing it is decided
        // that day (strike 12, expiry 02-02). On Fri 01-17 the tranche, 9 days out, is as worthless and left too. VIX 20
        // from Mon 01-20: the base, 2 days out, is marked at about 0.116 (F 20, K 21, 2 days − 6.5 h), over a tick, and
        // can still be sold at the next open: it stays left and settles on 01-22.
        int n = 15;
        var vix = Enumerable.Range(0, n).Select(i => i < 3 ? 17.0 : i < 12 ? 10.0 : 20.0).ToArray();
        var fomc = new MarketEvent(new DateOnly(2020, 1, 7), "fomc", "FOMC", 3, new DateOnly(2020, 1, 7), true);
        var data = FlatOptionMarket.Data(Thursday, Enumerable.Repeat(3000.0, n).ToArray(), vix, events: [fomc]);
        var rules = Quiet with { RollDays = 10, TrancheBeforeEventDays = 1 };
        var r = RunLayer(data, rules, tenorDays: 20, takesTranches: true);

        FlatOptionMarket.Bs(OptionRight.Call, 20, 21, 2 - 6.5 / 24, 0.8).Should().BeApproximately(0.116, 0.001, "over a tick (0.05) on 01-20");
        r.Trades.Select(t => (t.Date, t.Instrument, t.Reason)).Should().Equal(
            (new DateOnly(2020, 1, 3), "VIX 2020-01-22 C 21", "establish layer"),
            (new DateOnly(2020, 1, 7), "VIX 2020-01-26 C 21", "tranche: macro event ahead"),
            (new DateOnly(2020, 1, 14), "VIX 2020-02-02 C 12", "establish layer"));
        var settled = r.Ledger.Entries.Single(e => e.Kind == EntryKind.Settlement);
        (settled.Date, settled.Instrument.Id).Should().Be((new DateOnly(2020, 1, 22), "VIX 2020-01-22 C 21"));
        settled.Quantity.Should().Be(-r.Trades[0].Quantity, "the whole base is held to its expiry");
    }

    /// <summary>
    /// An expiry left worthless in the roll window is still sold when a VIX spike makes it worth something and the layer
    /// monetises: left for good, layers of 65 and 100 days rolled 60 days out let $2.47M of such calls expire after
    /// 2018-02-06 (their settlement after the spike had faded), where a trader sells them with the rest.
    /// </summary>
    [Fact]
    public void A_worthless_expiry_left_to_expire_is_sold_when_the_layer_monetises_a_spike()
    {
        // Base decided Thu 01-02 at VIX 17 (strike ceil(17 × 1.2) = 21, expiry 01-22). VIX 10 from 01-07: on Mon 01-13 the
        // base, 9 days out, is worth about 3e-10 (Black-76, F 10, K 21, σ 0.8): left, and the fresh layer replacing it
        // decided (strike 12, expiry 02-02). VIX 40 from Wed 01-15, at or above MonetiseVix 30: the left call is worth
        // about 19 (F 40, K 21, 7 days), over ten ticks (0.50), so the monetisation sells both expiries at the 01-16 open.
        int n = 12;
        var vix = Enumerable.Range(0, n).Select(i => i < 3 ? 17.0 : i < 9 ? 10.0 : 40.0).ToArray();
        var data = FlatOptionMarket.Data(Thursday, Enumerable.Repeat(3000.0, n).ToArray(), vix);
        var rules = Quiet with { RollDays = 10, MonetiseVix = 30 };
        var r = RunLayer(data, rules, tenorDays: 20, takesTranches: false);

        FlatOptionMarket.Bs(OptionRight.Call, 40, 21, 7 - 6.5 / 24, 0.8).Should().BeGreaterThan(18.9, "worth far more than ten ticks in the spike");
        r.Trades.Take(2).Select(t => (t.Date, t.Instrument, t.Reason)).Should().Equal(
            (new DateOnly(2020, 1, 3), "VIX 2020-01-22 C 21", "establish layer"),
            (new DateOnly(2020, 1, 14), "VIX 2020-02-02 C 12", "establish layer"));
        r.Trades.Where(t => t.Reason.StartsWith("monetise", StringComparison.Ordinal)).Select(t => (t.Date, t.Instrument, t.Quantity))
            .Should().BeEquivalentTo(new[]
            {
                (new DateOnly(2020, 1, 16), "VIX 2020-01-22 C 21", -r.Trades[0].Quantity),
                (new DateOnly(2020, 1, 16), "VIX 2020-02-02 C 12", -r.Trades[1].Quantity),
            });
        r.Ledger.Entries.Should().NotContain(e => e.Kind == EntryKind.Settlement, "nothing was left to settle");
    }

    /// <summary>
    /// An expiry left to expire takes no part in the spike's decision: on its last day before settlement (not tradable at
    /// the next fill) it stays out of the sale and settles, and the base is monetised all the same. Taken back into the
    /// layer's legs, it became the nearest expiry, whose "not tradable" held back the whole monetisation (review).
    /// </summary>
    [Fact]
    public void A_left_expiry_that_cannot_be_sold_does_not_hold_back_the_monetisation()
    {
        // As above, with the spike (VIX 40) on Tue 01-21, the day before the left call's expiry (01-22): the next fill is
        // its settlement, so it is not sold; the fresh layer of 02-02 is, at the 01-22 open, and the left call settles at
        // 40 − 21 = 19.
        int n = 16;
        var vix = Enumerable.Range(0, n).Select(i => i < 3 ? 17.0 : i < 13 ? 10.0 : 40.0).ToArray();
        var data = FlatOptionMarket.Data(Thursday, Enumerable.Repeat(3000.0, n).ToArray(), vix);
        var rules = Quiet with { RollDays = 10, MonetiseVix = 30 };
        var r = RunLayer(data, rules, tenorDays: 20, takesTranches: false);

        r.Trades.Where(t => t.Reason.StartsWith("monetise", StringComparison.Ordinal)).Select(t => (t.Date, t.Instrument))
            .Should().Equal((new DateOnly(2020, 1, 22), "VIX 2020-02-02 C 12"));
        var settled = r.Ledger.Entries.Single(e => e.Kind == EntryKind.Settlement);
        (settled.Date, settled.Instrument.Id, settled.Price).Should().Be((new DateOnly(2020, 1, 22), "VIX 2020-01-22 C 21", 19.0));
    }

    /// <summary>
    /// A roll that sells two expiries, neither with a bid at the fill, leaves both to expire: the layer remembered the
    /// nearest only, so the other was rolled again the next day (and, with the first forgotten in turn, that one the day
    /// after), sold as soon as the VIX gave it a bid.
    /// </summary>
    [Fact]
    public void Every_expiry_a_roll_left_unsold_is_left_to_expire()
    {
        // Base decided Tue 01-07 at VIX 17 (strike 21, expiry 01-27); the tranche one trading day before an FOMC on Thu
        // 01-09 is decided Wed 01-08 (strike 21, expiry 01-28). VIX 18 from 01-09. Mon 01-20 brings both inside the
        // 10-day window (7 and 8 days out, marked at about 0.074 and 0.098 by Black-76, F 18, K 21, σ 0.8: over a tick):
        // one roll sells both and buys the new layer (strike ceil(18 × 1.2) = 22, expiry 02-09). At the 01-21 open (VIX
        // 18) the calls are worth about 0.06 and 0.08, under the 1-point half-spread: no bid, left. The VIX closes at 25
        // on 01-21 (the 01-28 call then worth about 4.06): they stay left and settle at the VIX open, 25 − 21 = 4.
        var tuesday = new DateOnly(2020, 1, 7);
        int n = 17;
        var vix = Enumerable.Range(0, n).Select(i => i < 2 ? 17.0 : i < 10 ? 18.0 : 25.0).ToArray();
        var vixOpen = (double[])vix.Clone();
        vixOpen[10] = 18; // 01-21 opens where 01-20 closed
        var fomc = new MarketEvent(new DateOnly(2020, 1, 9), "fomc", "FOMC", 3, new DateOnly(2020, 1, 9), true);
        var data = FlatOptionMarket.Data(tuesday, Enumerable.Repeat(3000.0, n).ToArray(), vix, vixOpen, events: [fomc]);
        var wide = new Alvh.Costs.OptionFillModel(new Alvh.Costs.BidAskModel(Alvh.Costs.BidAskParameters.Spx, Alvh.Costs.BidAskParameters.Vix with { FixedHalfSpread = 1.0 }),
            new Alvh.Costs.FeeSchedule(0, 0, 0), new Alvh.Costs.FeeSchedule(1, 0, 0), Alvh.Costs.FillConvention.Touch);
        var rules = Quiet with { RollDays = 10, TrancheBeforeEventDays = 1 };
        var r = RunLayer(data, rules, tenorDays: 20, takesTranches: true, wide);

        FlatOptionMarket.Bs(OptionRight.Call, 18, 21, 7 - 6.5 / 24, 0.8).Should().BeApproximately(0.074, 0.001);
        FlatOptionMarket.Bs(OptionRight.Call, 18, 21, 7, 0.8).Should().BeApproximately(0.080, 0.001, "the 01-28 call at the 01-21 open: under the half-spread");
        FlatOptionMarket.Bs(OptionRight.Call, 25, 21, 7 - 6.5 / 24, 0.8).Should().BeApproximately(4.06, 0.01);
        r.Trades.Select(t => (t.Date, t.Instrument, t.Reason)).Should().Equal(
            (new DateOnly(2020, 1, 8), "VIX 2020-01-27 C 21", "establish layer"),
            (new DateOnly(2020, 1, 9), "VIX 2020-01-28 C 21", "tranche: macro event ahead"),
            (new DateOnly(2020, 1, 21), "VIX 2020-02-09 C 22", "roll: new layer"));
        var settled = r.Ledger.Entries.Where(e => e.Kind == EntryKind.Settlement).ToList();
        settled.Select(e => (e.Date, e.Instrument.Id, e.Price)).Should().Equal(
            (new DateOnly(2020, 1, 27), "VIX 2020-01-27 C 21", 4.0),
            (new DateOnly(2020, 1, 28), "VIX 2020-01-28 C 21", 4.0));
    }

    /// <summary>
    /// A fresh layer dropped at the fill (here its spread's price at the open is past its width: not placed) is bought
    /// again at the next decision, as one the decision could not order is, even when a tranche bought into the same
    /// expiry days before is held: the layer read the base as held by its expiry and went without it until that expiry's
    /// roll.
    /// </summary>
    [Fact]
    public void A_fresh_layer_dropped_at_the_fill_is_bought_again_beside_a_tranche_of_its_expiry()
    {
        // Expiries on Wednesdays (the first on or after the date plus the tenor), 5-point call spreads, half-spreads of
        // 0.01 point a leg at VIX 20 or less (scaled by VIX / 20 above), no regime scaling. Base decided Thu 01-02 at VIX
        // 17: 21/26, expiry 01-22. The tranche before an FOMC on Mon 01-13 is decided Fri 01-10: 21/26, expiry 02-05 (the
        // first Wednesday from 01-30). On Mon 01-13 the base, 9 days out, is worth about 0.042 (Black-76, F 17, σ 0.8),
        // under a tick: left to expire, and the fresh layer replacing it ordered: 21/26 of 02-05 (from 02-02), the
        // tranche's expiry. The VIX opens 01-14 at 45: that spread is worth about 4.995 (F 45, 22 days), 5.04 with its
        // legs' half-spreads (0.0225 each), past its 5-point width: not placed. The next decision (VIX 45) orders the
        // layer again: 54/59 of 02-05 (the first Wednesday from 02-03), filled 01-15.
        int n = 11;
        var vix = Enumerable.Range(0, n).Select(i => i < 8 ? 17.0 : 45.0).ToArray();
        var fomc = new MarketEvent(new DateOnly(2020, 1, 13), "fomc", "FOMC", 3, new DateOnly(2020, 1, 13), true);
        var data = FlatOptionMarket.Data(Thursday, Enumerable.Repeat(3000.0, n).ToArray(), vix, events: [fomc]);
        var market = new FlatOptionMarket(data)
        {
            VixExpiries = (date, target) =>
            {
                var e = date.AddDays(target);
                return e.AddDays(((int)DayOfWeek.Wednesday - (int)e.DayOfWeek + 7) % 7);
            },
        };
        var spreads = new Alvh.Costs.OptionFillModel(
            new Alvh.Costs.BidAskModel(Alvh.Costs.BidAskParameters.Spx, Alvh.Costs.BidAskParameters.Vix with { FixedHalfSpread = 0.01, ProportionalHalfSpread = 0, ShortTenorWidening = 0 }),
            new Alvh.Costs.FeeSchedule(0, 0, 0), new Alvh.Costs.FeeSchedule(0, 0, 0), Alvh.Costs.FillConvention.Touch);
        var rules = Quiet with { RollDays = 10, TrancheBeforeEventDays = 1, SpreadWidth = 5, RegimeMultiplier = new Dictionary<Alvh.Regimes.VixRegime, double>() };
        var sleeve = new AlvhLayerSleeve(market, rules, 20, layerCount: 1, takesTranches: true, "alvh-20", allocation: 1.0);
        var r = BacktestEngine.Run(data, [sleeve], new CompositePriceModel(new EquityPriceModel(data), new OptionPricer(market, spreads)), new BacktestConfig());

        double Spread(double future, double low, double days) =>
            Black76.Price(OptionRight.Call, future, low, 0, 0.8, days / 365.0) - Black76.Price(OptionRight.Call, future, low + 5, 0, 0.8, days / 365.0);
        Spread(17, 21, 9 - 6.5 / 24).Should().BeApproximately(0.042, 0.001, "under a tick (0.05): left");
        (Spread(45, 21, 22) + (2 * 0.01 * 45 / 20)).Should().BeApproximately(5.04, 0.001, "past the width at the 01-14 open");
        r.Dropped.Should().ContainSingle().Which.ToString().Should().StartWith("2020-01-14 alvh-20 order of 2 legs (+").And.EndWith("not placed");
        r.Trades.Where(t => t.Quantity > 0).Select(t => (t.Date, t.Instrument, t.Reason)).Should().Equal(
            (new DateOnly(2020, 1, 3), "VIX 2020-01-22 C 21", "establish layer"),
            (new DateOnly(2020, 1, 13), "VIX 2020-02-05 C 21", "tranche: macro event ahead"),
            (new DateOnly(2020, 1, 15), "VIX 2020-02-05 C 54", "establish layer"));
    }

    [Fact]
    public void A_layer_never_buys_an_expiry_already_inside_its_roll_window()
    {
        // A 7-day layer rolled 8 days before expiry: every expiry it could buy is already inside the window. It bought one
        // and rolled (or, worthless, left) it at once, every day (review: 2013-03-14, a fresh spread bought into the
        // worthless expiry it had just left, and sold the next day). It now buys nothing.
        int n = 15;
        var data = FlatOptionMarket.Data(Thursday, Enumerable.Repeat(3000.0, n).ToArray(), Enumerable.Repeat(17.0, n).ToArray());
        var rules = new AlvhParameters { RollDays = 8, TrancheOnMacdCrossUp = false, TrancheOnRsiSpxAbove = 0, TrancheBeforeEventDays = -1, RouteIncomeToDrip = false };
        var r = RunLayer(data, rules, tenorDays: 7, takesTranches: false);
        r.Trades.Should().BeEmpty();
    }
}
