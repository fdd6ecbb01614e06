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

    private static (BacktestResult Result, Position[] Legs) Run(double[] spx, CondorParameters rules)
    {
        var vix = spx.Select(_ => 20.0).ToArray();
        var data = FlatOptionMarket.Data(Thursday, spx, vix);
        var market = new FlatOptionMarket(data);
        var sleeve = new IronCondorSleeve(market, rules, allocation: 1.0);
        var result = BacktestEngine.Run(data, [sleeve], new CompositePriceModel(new EquityPriceModel(data), new OptionPricer(market, FlatOptionMarket.NoCosts)), new BacktestConfig());
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
        double expected = 1_000_000 + contracts * 100 * (credit + payoff);
        r.Daily.Single(d => d.Date == new DateOnly(2020, 1, 10)).Equity.Should().BeApproximately(expected, 1e-6, because);
        r.Ledger.Entries.Count(e => e.Kind == EntryKind.Settlement).Should().Be(4);
        r.Ledger.PositionCount.Should().Be(0);
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
        closes.Should().HaveCount(4);
        closes.Select(c => c.Date).Distinct().Should().ContainSingle().Which.Should().BeBefore(new DateOnly(2020, 1, 10));
        r.Ledger.Entries.Should().NotContain(e => e.Kind == EntryKind.Settlement);
        r.Ledger.PositionCount.Should().Be(0);
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
}
