using Alvh.Core.Tests.Sleeves;
using Alvh.Costs;
using Alvh.Engine;
using Alvh.Engine.Options;
using Alvh.Pricing;

namespace Alvh.Core.Tests.Engine;

/// <summary>
/// <see cref="SleeveContext.CashAtClose"/>: the cash a trade would bring in at today's close, as a fill at that close
/// would book it (the engine's <c>Book</c>: −quantity × price × 100 − fees), on the flat test market (VIX future = VIX,
/// σ 0.8; SPX σ 0.15; rates 0), filled at the mid with a fee of 1.5 a contract.
/// </summary>
public class SleeveContextTests
{
    private static readonly DateOnly Thursday = new(2020, 1, 2);

    // Days: Thu 01-02 (0), Fri 01-03 (1), Mon 01-06 (2), Tue 01-07 (3), Wed 01-08 (4), Thu 01-09 (5).
    private static readonly DateOnly Expiry = new(2020, 1, 8);

    private const double Fee = 1.5;

    private static readonly Instrument VixCall = Instrument.VixOption(OptionRight.Call, 18, Expiry);

    private static readonly Instrument SpxCall = Instrument.SpxOption(OptionRight.Call, 2900, Expiry);

    private static Dictionary<(int Day, string What), double> Probe()
    {
        var data = FlatOptionMarket.Data(Thursday, [3000, 3000, 3000, 3000, 3000, 3000], [15, 15, 20, 20, 20, 20]);
        var market = new FlatOptionMarket(data);
        var fees = new FeeSchedule(Fee, 0, 0);
        var fills = new OptionFillModel(BidAskModel.Default, fees, fees, FillConvention.Mid);
        var probe = new CashProbe();
        BacktestEngine.Run(data, [probe], new CompositePriceModel(new EquityPriceModel(data), new OptionPricer(market, fills)), new BacktestConfig());
        return probe.Seen;
    }

    [Fact]
    public void A_sale_brings_in_the_price_times_100_less_fees_and_a_purchase_pays_both()
    {
        // Tue 01-07, the day before the expiry: the VIX call settles at Wednesday's open, 1 day − 6.5 h from the close
        // (Black-76, F 20, K 18); the SPX call (P.M.) at Wednesday's close, 1 day (Black–Scholes, S 3000, K 2900).
        var seen = Probe();
        double vix = Black76.Price(OptionRight.Call, 20, 18, 0, 0.8, (1 - 6.5 / 24) / 365);
        double spx = FlatOptionMarket.Bs(OptionRight.Call, 3000, 2900, 1, 0.15);
        seen[(3, "vix sell 1")].Should().BeApproximately(100 * vix - Fee, 1e-9);
        seen[(3, "vix buy 2")].Should().BeApproximately(-200 * vix - 2 * Fee, 1e-9);
        seen[(3, "spx sell 1")].Should().BeApproximately(100 * spx - Fee, 1e-9);
    }

    /// <summary>
    /// On its expiry day an option cannot be traded at the close: a VIX (A.M.) option settled at the open, and the engine
    /// refuses a fill at the expiry day's close of a P.M.-settled one (it settles then: <c>NotTradable</c>). The quote was
    /// the model's price at no time left, the intrinsic value (VIX: 100 × (20 − 18) − 1.5 = 198.5; SPX: 100 × 100 − 1.5),
    /// a sale that could not happen.
    /// </summary>
    [Fact]
    public void An_option_has_no_cash_at_the_close_of_its_expiry_day()
    {
        var seen = Probe();
        seen[(4, "vix sell 1")].Should().Be(double.NaN);
        seen[(4, "vix buy 2")].Should().Be(double.NaN);
        seen[(4, "spx sell 1")].Should().Be(double.NaN);
        seen[(5, "vix sell 1")].Should().Be(double.NaN, "expired");
    }

    /// <summary>
    /// Valuations a sleeve makes itself (a strike search's deltas) count in the run's total: the same run with a sleeve that
    /// reports three a day counts three more a day (six days); a negative count is refused.
    /// </summary>
    [Fact]
    public void A_sleeves_own_valuations_count_in_the_runs_total()
    {
        var data = FlatOptionMarket.Data(Thursday, [3000, 3000, 3000, 3000, 3000, 3000], [15, 15, 20, 20, 20, 20]);
        var fees = new FeeSchedule(Fee, 0, 0);
        var fills = new OptionFillModel(BidAskModel.Default, fees, fees, FillConvention.Mid);
        BacktestResult Run(int perDay)
        {
            var prices = new CompositePriceModel(new EquityPriceModel(data), new OptionPricer(new FlatOptionMarket(data), fills));
            return BacktestEngine.Run(data, [new CashProbe { ValuationsPerDay = perDay }], prices, new BacktestConfig());
        }

        var without = Run(0);
        without.OptionValuations.Should().BePositive("the probe's close quotes count");
        without.SleeveValuations.Should().Be(0);
        var with = Run(3);
        with.OptionValuations.Should().Be(without.OptionValuations + 3 * 6);
        with.SleeveValuations.Should().Be(3 * 6, "the sleeve's own are told apart from the engine's");
        var refused = () => Run(-1);
        refused.Should().Throw<ArgumentOutOfRangeException>();
    }

    /// <summary>Asks, every day, the cash of trades it never makes (and reports <see cref="ValuationsPerDay"/> valuations of its own).</summary>
    private sealed class CashProbe() : TestSleeve("probe")
    {
        public Dictionary<(int Day, string What), double> Seen { get; } = [];

        public int ValuationsPerDay { get; init; }

        public override void Decide(SleeveContext context, List<Intent> intents)
        {
            Seen[(context.Day, "vix sell 1")] = context.CashAtClose(VixCall, -1);
            Seen[(context.Day, "vix buy 2")] = context.CashAtClose(VixCall, 2);
            Seen[(context.Day, "spx sell 1")] = context.CashAtClose(SpxCall, -1);
            if (ValuationsPerDay != 0) context.CountValuations(ValuationsPerDay);
        }
    }
}
