using Alvh.Core.Tests.Sleeves;
using Alvh.Costs;
using Alvh.Engine;
using Alvh.Engine.Options;
using Alvh.Pricing;
using FillRequest = Alvh.Engine.FillRequest;

namespace Alvh.Core.Tests.Engine;

/// <summary>
/// Which VIX widens a fill's spread: the one known when it fills. Expected half-spreads are the bid-ask model's own
/// (<see cref="BidAskModel.HalfSpread"/>: base width up to VIX 20, in proportion above it), so VIX 80 quotes 4 × wider.
/// </summary>
public class OptionPricerTests
{
    private static readonly DateOnly Mon = new(2020, 1, 6);

    [Fact]
    public void An_open_fill_reads_the_VIX_open_and_a_close_fill_the_close()
    {
        // Day 1 opens at VIX 20 and closes at 80: an open fill used to be widened by the close, unknown at the open.
        var data = FlatOptionMarket.Data(Mon, [3000, 3000], [20, 80], vixOpen: [20, 20]);
        var market = new FlatOptionMarket(data);
        var fills = new OptionFillModel(BidAskModel.Default, new FeeSchedule(0, 0, 0), new FeeSchedule(0, 0, 0), FillConvention.Touch);
        var pricer = new OptionPricer(market, fills);
        var put = Instrument.SpxOption(OptionRight.Put, 2900, Mon.AddDays(30));

        var open = pricer.Fill(new FillRequest(put, 1, 1, AtOpen: true));
        var close = pricer.Fill(new FillRequest(put, 1, 1, AtOpen: false));

        double days = put.Expiry.DayNumber - data.Calendar[1].DayNumber;
        (open.Price - open.Mid).Should().BeApproximately(BidAskModel.Default.HalfSpread(OptionProduct.Spx, open.Mid, days, 20), 1e-12);
        (close.Price - close.Mid).Should().BeApproximately(BidAskModel.Default.HalfSpread(OptionProduct.Spx, close.Mid, days, 80), 1e-12);
        (close.Price - close.Mid).Should().BeGreaterThan(3.9 * (open.Price - open.Mid), "the same premium, four times the VIX");
    }

    [Fact]
    public void A_day_without_a_VIX_reads_the_last_close_before_it()
    {
        // As 1991-03-01, which has no VIX: the NaN ended `alvh study --as-if`.
        var data = FlatOptionMarket.Data(Mon, [3000, 3000], [30, double.NaN], vixOpen: [30, double.NaN]);
        var fills = new OptionFillModel(BidAskModel.Default, new FeeSchedule(0, 0, 0), new FeeSchedule(0, 0, 0), FillConvention.Touch);
        var pricer = new OptionPricer(new FlatOptionMarket(data), fills);
        var put = Instrument.SpxOption(OptionRight.Put, 2900, Mon.AddDays(30));

        foreach (bool atOpen in new[] { true, false })
        {
            var q = pricer.Fill(new FillRequest(put, 1, -1, atOpen));
            q.Tradable.Should().BeTrue();
            double days = put.Expiry.DayNumber - data.Calendar[1].DayNumber;
            (q.Mid - q.Price).Should().BeApproximately(BidAskModel.Default.HalfSpread(OptionProduct.Spx, q.Mid, days, 30), 1e-12);
        }
    }

    [Fact]
    public void An_open_fill_without_an_SPX_open_prices_from_the_previous_close_not_the_days_close()
    {
        // As the FRED closes from 2025-05-12 (no open): the day closes 10% lower. The open fill used to take the day's
        // close mark (unknown at the open); it now prices from the previous close's spot with 6.5 more hours to expiry,
        // Black-Scholes at the flat 15% vol and zero rates (FlatOptionMarket), as an open at the previous close would.
        var data = FlatOptionMarket.Data(Mon, [3000, 2700], [20, 20], spxOpen: [3000, double.NaN]);
        var pricer = new OptionPricer(new FlatOptionMarket(data), FlatOptionMarket.NoCosts);
        var put = Instrument.SpxOption(OptionRight.Put, 2900, Mon.AddDays(30));
        double days = put.Expiry.DayNumber - data.Calendar[1].DayNumber + 6.5 / 24;
        pricer.OpenMark(put, 1).Should().BeApproximately(FlatOptionMarket.Bs(OptionRight.Put, 3000, 2900, days, 0.15), 1e-9);
        var withOpen = new OptionPricer(new FlatOptionMarket(FlatOptionMarket.Data(Mon, [3000, 2700], [20, 20], spxOpen: [3000, 3000])), FlatOptionMarket.NoCosts);
        withOpen.OpenMark(put, 1).Should().BeApproximately(pricer.OpenMark(put, 1), 1e-12, "an open at the previous close prices the same");
    }

    [Fact]
    public void An_AM_settlement_without_an_SPX_open_takes_the_previous_close()
    {
        // A.M.-settled SPX options settle on the opening quotation; without an open the previous close (3000) stands in,
        // not the day's close (2700): a 2950 put settles at 0, not at 250.
        var data = FlatOptionMarket.Data(Mon, [3000, 2700], [20, 20], spxOpen: [3000, double.NaN]);
        var expiry = data.Calendar[1];
        var pricer = new OptionPricer(new FlatOptionMarket(data) { AmSettled = d => d == expiry }, FlatOptionMarket.NoCosts);
        pricer.Settlement(Instrument.SpxOption(OptionRight.Put, 2950, expiry), 1).Should().Be(0);
        pricer.Settlement(Instrument.SpxOption(OptionRight.Call, 2950, expiry), 1).Should().Be(50);
        var pm = new OptionPricer(new FlatOptionMarket(data), FlatOptionMarket.NoCosts);
        pm.Settlement(Instrument.SpxOption(OptionRight.Put, 2950, expiry), 1).Should().Be(250, "a P.M. option settles on the close");
    }
}
