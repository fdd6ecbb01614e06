using System.Globalization;
using Alvh.Data.Catalog;
using Alvh.Engine;
using Alvh.Pricing;
using Alvh.Runs;
using Alvh.Sleeves;
using Alvh.Strategies;
using Xunit.Abstractions;

namespace Alvh.Core.Tests.Sleeves;

/// <summary>
/// The cboe-vxth preset on the real history (ALVH_DATA) from 2006-03-01, after VIX options were listed, against the
/// Cboe VXTH rules: S&amp;P 500 total return plus one-month 30-delta VIX calls bought at every VIX expiration with a
/// weight of the portfolio set by the VIX future: 0 at or below 15, 1% over 15 to 30, 0.5% over 30 to 50, 0 above 50
/// (Cboe VIX Tail Hedge Index dashboard, cboe.com/index/dashboard/VXTH; Cboe press release, 2011-07-29: "outside of
/// the range of 15 to 50 – no VIX calls will be purchased"). The rule is applied at the decision close (the sleeve
/// value, the same-expiry VIX future and the new call's mark at the close before expiry day: no look-ahead), so the
/// count is checked against floor(weight × value / (100 × mark)), within one contract.
/// </summary>
public class OptionOverlaySleeveVxthTests(ITestOutputHelper output)
{
    private static readonly DateOnly From = new(2006, 3, 1);

    private static readonly Lazy<MarketContext> Context = new(() => MarketContext.Build(MarketDataLoader.Load(SharedData.Require())));

    private static readonly Lazy<BacktestResult> Result = new(() => Context.Value.Run(Presets.Find("cboe-vxth")!, From));

    private sealed record Roll(DateOnly Decided, DateOnly Filled, double Value, double Future, double Weight, double Mark, double Target, double Bought, double FillPrice, double CashAfter);

    private static List<Roll> Rolls()
    {
        SharedData.Require();
        var context = Context.Value;
        var result = Result.Value;
        var rules = Presets.Find("cboe-vxth")!.Overlay!.Rules;
        var calendar = context.Data.Calendar;
        var rolls = new List<Roll>();
        for (int i = 0; i + 1 < result.Daily.Count; i++)
        {
            var (today, next) = (result.Daily[i].Date, result.Daily[i + 1].Date);
            // The first day opens at once; then a roll is decided at the close before each VIX expiry (AM settlement).
            if (i > 0 && OverlayRollCalendar.NextExpiry(OverlayRoll.VixMonthly, today) != next) continue;
            int day = calendar.IndexOf(today);
            var expiry = OverlayRollCalendar.NextExpiry(OverlayRoll.VixMonthly, next);
            double future = context.Options.VixFuture(day, expiry);
            double weight = rules.WeightFor(future);
            var calls = result.Trades.Where(t => t.Date == next && t.Instrument.StartsWith("VIX ", StringComparison.Ordinal)).ToList();
            calls.Count.Should().BeLessThanOrEqualTo(1, $"one call series per roll ({next:yyyy-MM-dd})");
            double mark = double.NaN, bought = 0, price = double.NaN;
            if (calls.Count == 1)
            {
                // "VIX 2011-10-19 C 40": the series the sleeve chose (its strike rule is tested on the flat market).
                var parts = calls[0].Instrument.Split(' ');
                parts[1].Should().Be(expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                var call = Instrument.VixOption(OptionRight.Call, double.Parse(parts[3], CultureInfo.InvariantCulture), expiry);
                mark = context.Prices.Mark(call, day);
                (bought, price) = (calls[0].Quantity, calls[0].Price);
            }
            double value = result.Daily[i].Equity;
            double target = weight > 0 && mark > 0 ? weight * value / (100 * mark) : 0;
            rolls.Add(new Roll(today, next, value, future, weight, mark, target, bought, price, result.Daily[i + 1].Cash));
        }
        return rolls;
    }

    [SkippableFact]
    public void Every_roll_buys_the_weight_of_the_future_bucket_within_one_contract()
    {
        var rolls = Rolls();
        Result.Value.Dropped.Should().BeEmpty("no order refused or filled in part for lack of cash (97 of 184 rolls were before 2026-11-27)");
        rolls.Count.Should().BeGreaterThan(230, "about 12 VIX expirations a year for 20 years");
        foreach (var r in rolls)
        {
            if (r.Weight == 0)
            {
                r.Bought.Should().Be(0, $"no VIX calls with the future at {r.Future:0.00} ({r.Filled:yyyy-MM-dd})");
                continue;
            }
            // Contracts = floor(target): within one contract below the weight at the decision close, never above it.
            r.Bought.Should().BeInRange(r.Target - 1, r.Target + 1e-9, $"{r.Weight:P1} of {r.Value:N0} in calls marked {r.Mark:0.0000} ({r.Filled:yyyy-MM-dd})");
            // The rest is in the index: the cash left at the roll's close is under a thousandth of a percent of the sleeve.
            r.CashAfter.Should().BeLessThan(1e-5 * r.Value, $"the roll's cash is invested in the index ({r.Filled:yyyy-MM-dd})");
        }
        var bought = rolls.Where(r => r.Weight > 0).ToList();
        // The calls fill at the next open, at a price the close does not know: the spend at the fill against the weight.
        var ratios = bought.Select(r => (r.Filled, Ratio: r.Bought * 100 * r.FillPrice / (r.Weight * r.Value))).OrderBy(x => x.Ratio).ToList();
        output.WriteLine(FormattableString.Invariant(
            $"{rolls.Count} rolls, {bought.Count} with calls; spend at the fill / weight: min {ratios[0].Ratio:0.000} ({ratios[0].Filled:yyyy-MM-dd}), median {ratios[ratios.Count / 2].Ratio:0.000}, max {ratios[^1].Ratio:0.000} ({ratios[^1].Filled:yyyy-MM-dd})"));
        ratios[^1].Ratio.Should().BeLessThan(OptionOverlaySleeve.CallFundingCover, "the index sale covers the calls at the open");
    }

    [SkippableFact]
    public void The_2011_09_21_roll_buys_half_a_percent_of_calls_at_a_vix_future_over_30()
    {
        // The C34s bought on 2011-08-17 were marked above 0 at the 2011-09-20 close (VIX 32.86) and settled at 0 at the
        // 2011-09-21 SOQ (the VIX opened at 33.00): the sleeve counted their mark as cash and bought no calls at all.
        var roll = Rolls().Single(r => r.Filled == new DateOnly(2011, 9, 21));
        roll.Future.Should().BeInRange(30, 50);
        roll.Weight.Should().Be(0.005);
        roll.Bought.Should().BeGreaterThan(0);
        // Weight at the decision close: 0.5% less at most one contract's premium (about 0.0001 of the sleeve here).
        double oneContract = 100 * roll.Mark / roll.Value;
        (roll.Bought * 100 * roll.Mark / roll.Value).Should().BeInRange(0.005 - oneContract, 0.005);
    }
}
