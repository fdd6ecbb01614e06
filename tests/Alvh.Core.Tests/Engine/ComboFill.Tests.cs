using Alvh.Engine;
using Alvh.Pricing;

namespace Alvh.Core.Tests.Engine;

/// <summary>
/// The payoff range of an order's legs and the net price held within it. Expected ranges are the textbook payoffs at
/// expiry (Hull, Options, Futures and Other Derivatives, ch. 12: a bull call spread pays between 0 and K₂ − K₁; a short
/// iron condor between minus the wider wing and 0); expected prices are worked out in the comments.
/// </summary>
public class ComboFillTests
{
    private const OptionRight C = OptionRight.Call, P = OptionRight.Put;

    [Fact]
    public void A_bull_call_spread_pays_between_zero_and_its_width()
    {
        ComboFill.PayoffRange([C, C], [4000, 4100], [1, -1]).Should().Be((0.0, 100.0));
        ComboFill.PayoffRange([C, C], [4000, 4100], [-3, 3]).Should().Be((-300.0, 0.0), "sold three times");
    }

    [Fact]
    public void An_iron_condor_is_bounded_by_its_wider_wing()
    {
        // Sold: long 3940 put, short 3990 put, short 4260 call, long 4310 call (the 2022-06-13 condor), and a 25-point put wing.
        ComboFill.PayoffRange([P, P, C, C], [3940, 3990, 4260, 4310], [1, -1, -1, 1]).Should().Be((-50.0, 0.0));
        ComboFill.PayoffRange([P, P, C, C], [3965, 3990, 4260, 4310], [-2, 2, 2, -2]).Should().Be((0.0, 100.0), "bought back twice: the wider wing, 50 × 2");
    }

    [Fact]
    public void Naked_calls_are_unbounded_on_their_side()
    {
        ComboFill.PayoffRange([C], [20], [5]).Should().Be((0.0, double.PositiveInfinity));
        ComboFill.PayoffRange([C], [20], [-5]).Should().Be((double.NegativeInfinity, 0.0));
        ComboFill.PayoffRange([P], [20], [-5]).Should().Be((-100.0, 0.0), "a put pays at most its strike");
    }

    [Fact]
    public void A_net_within_the_range_is_left_as_it_is()
    {
        double[] prices = [3.5, 0.5];
        ComboFill.Bound(prices, [3, 1], [1, -1], 0, 100).Should().BeFalse();
        prices.Should().Equal(3.5, 0.5);
    }

    [Fact]
    public void The_half_spreads_are_narrowed_in_proportion_to_reach_the_width()
    {
        // Buying back a 50-point put spread: mids 52 and 3 (49), fills 54 and 1 (53). f = (50 − 49) / (53 − 49) = 0.25.
        double[] prices = [54, 1];
        ComboFill.Bound(prices, [52, 3], [1, -1], 0, 50).Should().BeTrue();
        prices.Should().Equal([52.5, 2.5], (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Mids_outside_the_range_raise_one_legs_price()
    {
        // Mids 55 and 3 are 52 points for a 50-point spread: at the mids (f = 0) the sold leg is raised 2 points, to 5.
        double[] prices = [56, 2];
        ComboFill.Bound(prices, [55, 3], [1, -1], 0, 50).Should().BeTrue();
        prices.Should().Equal([55, 5], (a, b) => Math.Abs(a - b) < 1e-12);
        // Selling a 50-point spread for more than 50: mids 55 and 3 (a credit of 52), fills 54 and 3 (51). The half-spread
        // already works against the seller, so it stays (f = 1); the bought leg is raised the 1 point left, to 4.
        double[] sold = [54, 3];
        ComboFill.Bound(sold, [55, 3], [-1, 1], -50, 0).Should().BeTrue();
        sold.Should().Equal([54, 4], (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Property_a_bounded_net_lies_in_the_range_with_no_price_below_zero()
    {
        var random = new Random(20261127);
        for (int trial = 0; trial < 2_000; trial++)
        {
            // A random condor or vertical, sold or bought, with random mids and half-spreads of up to 5 points.
            bool condor = random.Next(2) == 0;
            double k = 1000 + 5 * random.Next(400), wing = 5 * (1 + random.Next(20)), sign = random.Next(2) == 0 ? 1 : -1;
            OptionRight[] rights = condor ? [P, P, C, C] : [C, C];
            double[] strikes = condor ? [k - wing, k, k + 50, k + 50 + wing] : [k, k + wing];
            double[] quantities = condor ? [sign, -sign, -sign, sign] : [sign, -sign];
            var mids = strikes.Select(_ => random.NextDouble() * 2 * wing).ToArray();
            var prices = mids.Select((m, i) => Math.Max(0, m + Math.Sign(quantities[i]) * random.NextDouble() * 5)).ToArray();
            var (low, high) = ComboFill.PayoffRange(rights, strikes, quantities);
            var before = prices.ToArray();
            bool changed = ComboFill.Bound(prices, mids, quantities, low, high);
            double net = prices.Zip(quantities, (p, q) => p * q).Sum(), netBefore = before.Zip(quantities, (p, q) => p * q).Sum();
            net.Should().BeInRange(low - 1e-9, high + 1e-9);
            prices.Should().OnlyContain(p => p >= 0);
            if (netBefore >= low && netBefore <= high)
            {
                changed.Should().BeFalse();
                prices.Should().Equal(before);
            }
        }
    }
}
