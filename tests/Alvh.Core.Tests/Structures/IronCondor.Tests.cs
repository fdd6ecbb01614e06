using Alvh.Pricing;
using Alvh.Structures;

namespace Alvh.Core.Tests.Structures;

public class IronCondorTests
{
    private static readonly DateOnly Expiry = new(2024, 3, 15);

    // Hand-computed: 4000/4050/4300/4350 with quotes 2.0 / 5.0 / 4.0 / 1.5 → credit 5 + 4 − 2 − 1.5 = 5.5.
    private static IronCondor EqualWings() => IronCondor.FromStrikes(Expiry, 4000, 4050, 4300, 4350).WithPrices(2.0, 5.0, 4.0, 1.5);

    [Fact]
    public void EqualWings_CreditMaxProfitMaxLossBreakEvensMargin()
    {
        var condor = EqualWings();
        var profile = condor.Profile;

        condor.NetCredit.Should().BeApproximately(5.5, 1e-12);
        profile.MaxProfit.Should().BeApproximately(5.5, 1e-12);
        profile.MaxLoss.Should().BeApproximately(44.5, 1e-12); // 50-point wing − 5.5
        profile.BreakEvens.Should().Equal([4044.5, 4305.5], (a, b) => Math.Abs(a - b) < 1e-9); // 4050 − 5.5, 4300 + 5.5
        condor.DefinedRiskMargin.Should().BeApproximately(44.5, 1e-12);
    }

    [Theory]
    [InlineData(4200, 5.5)] // between the shorts: keep the credit
    [InlineData(4050, 5.5)] // at the short put
    [InlineData(4025, -19.5)] // through the put wing: −25 + 5.5
    [InlineData(3900, -44.5)] // beyond the long put: −50 + 5.5
    [InlineData(4320, -14.5)] // into the call wing: −20 + 5.5
    [InlineData(5000, -44.5)] // beyond the long call
    public void EqualWings_ProfitAtExpiry(double settlement, double expected) =>
        EqualWings().Profile.ProfitAt(settlement).Should().BeApproximately(expected, 1e-9);

    [Fact]
    public void UnequalWings_MarginIsTheWiderWingMinusCredit_NotThePutWing()
    {
        // LEAN issue #9775 (QuantConnect/Lean, open): 7135/7185/7500/7660 ×2, put wing 50, call wing 160;
        // gross expiration loss $32,000 but LEAN's native maintenance $10,000 (put wing only).
        var gross = IronCondor.FromStrikes(Expiry, 7135, 7185, 7500, 7660, quantity: 2).WithPrices(0, 0, 0, 0);
        (gross.DefinedRiskMargin * 100).Should().Be(32_000);
        gross.Profile.MaxLoss.Should().Be(320);

        // With quotes 10 / 20 / 15 / 3: credit 22 per condor, 44 for two.
        var condor = IronCondor.FromStrikes(Expiry, 7135, 7185, 7500, 7660, quantity: 2).WithPrices(10, 20, 15, 3);
        condor.NetCredit.Should().BeApproximately(44, 1e-12);
        condor.DefinedRiskMargin.Should().BeApproximately(160 * 2 - 44, 1e-12);
        condor.Profile.MaxLoss.Should().BeApproximately(276, 1e-12);
        condor.Profile.ProfitAt(7000).Should().BeApproximately(-(50 * 2) + 44, 1e-12); // put side: only 56 lost
        condor.Profile.ProfitAt(8000).Should().BeApproximately(-276, 1e-12);
        condor.Profile.BreakEvens.Should().Equal([7163, 7522], (a, b) => Math.Abs(a - b) < 1e-9); // 7185 − 22, 7500 + 22
    }

    [Theory]
    [InlineData(4050, 4000, 4300, 4350)] // long put above short put
    [InlineData(4000, 4050, 4350, 4300)] // long call below short call
    [InlineData(4000, 4310, 4300, 4350)] // short put above short call
    [InlineData(4000, 4000, 4300, 4350)] // zero-width wing
    [InlineData(-5, 4050, 4300, 4350)] // negative strike
    public void FromStrikes_RejectsBadStrikeOrder(double lp, double sp, double sc, double lc)
    {
        var act = () => IronCondor.FromStrikes(Expiry, lp, sp, sc, lc);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void FromStrikes_AllowsAnIronButterfly() =>
        IronCondor.FromStrikes(Expiry, 4000, 4100, 4100, 4200).Legs.Should().HaveCount(4);

    [Fact]
    public void Legs_AreImmutableAndSigned()
    {
        var condor = IronCondor.FromStrikes(Expiry, 4000, 4050, 4300, 4350, quantity: 3);

        condor.Legs.Select(l => (l.Right, l.Strike, l.Quantity)).Should().Equal(
            (OptionRight.Put, 4000.0, 3), (OptionRight.Put, 4050.0, -3), (OptionRight.Call, 4300.0, -3), (OptionRight.Call, 4350.0, 3));
        condor.Quantity.Should().Be(3);
        condor.Legs.Should().OnlyContain(l => !l.IsPriced);
    }

    [Fact]
    public void ByDelta_PlacesShortsNearTheTargetDeltaOnTheGrid()
    {
        var market = new OptionMarket(4000, 0.04, 0.015, 45 / 365.0, new SkewSmile(0.18, 0.6, 4000 * Math.Exp(0.025 * 45 / 365.0)));

        var condor = IronCondor.ByDelta(market, Expiry, -0.16, 0.16, 50, 25, StrikeGrid.Spx);

        condor.Legs.Should().OnlyContain(l => l.Strike % 5 == 0 && l.IsPriced);
        condor.ShortPut.Delta!.Value.Should().BeApproximately(-0.16, 0.01); // 5-point rounding moves delta < 0.01 here
        condor.ShortCall.Delta!.Value.Should().BeApproximately(0.16, 0.01);
        condor.PutWingWidth.Should().Be(50);
        condor.CallWingWidth.Should().Be(25);
        condor.NetCredit.Should().BeGreaterThan(0);
        condor.ShortPut.ImpliedVol.Should().BeGreaterThan(condor.ShortCall.ImpliedVol!.Value, "the skew makes puts dearer");
    }

    [Fact]
    public void A_put_wing_reaching_zero_is_refused_in_the_short_strikes_words()
    {
        // Spot 100: the 16-delta put lies below 100, so a 200-point wing puts the long put below 0. The condor refused it
        // as "Strikes must be positive and finite."; it now names the wing and the short put (same exception type).
        var market = new OptionMarket(100, 0.04, 0.015, 30 / 365.0, new SkewSmile(0.2, 0.8, 100));
        var wide = () => IronCondor.StrikesByDelta(market, Expiry, -0.16, 0.16, 200, 5, StrikeGrid.Spx);
        wide.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "putWingWidth")
            .WithMessage("a wing of 200 points below the short put at * puts the long put at or below 0*");
    }

    [Fact]
    public void StrikesByDelta_KeepsThePutSearchCountWhenTheCallSearchThrows()
    {
        // A caller counting the searches' deltas in a finally (the condor sleeve) keeps the put search's when the call's
        // refuses its delta (1.2 is no call's spot delta): the count is the put search's alone, as valued.
        var market = new OptionMarket(4500, 0.04, 0.015, 30 / 365.0, new SkewSmile(0.2, 0.8, 4500));
        var listing = new StrikeListing(StrikeGrid.Spx.Step, StrikeRounding.Nearest);
        StrikeFromDelta.ListedForSmile(OptionRight.Put, -0.16, market.Spot, market.Rate, market.DividendYield, market.YearsToExpiry, market.Smile, listing, out int put);
        int valuations = 0;
        var search = () => IronCondor.StrikesByDelta(market, Expiry, -0.16, 1.2, 50, 50, StrikeGrid.Spx, out valuations);
        search.Should().Throw<ArgumentOutOfRangeException>();
        valuations.Should().Be(put).And.BePositive();
    }

    [Fact]
    public void StrikesByDeltaAndDistance_AreTheSameCondorsUnpriced()
    {
        // The unpriced factories (a backtest prices the legs at its own marks) choose exactly the strikes of the
        // priced ones; seeded markets over spot, tenor, level and skew.
        var random = new Random(20261127);
        for (int i = 0; i < 200; i++)
        {
            double spot = 1000 + 6000 * random.NextDouble(), t = (2 + 60 * random.NextDouble()) / 365.0;
            var market = new OptionMarket(spot, 0.05 * random.NextDouble(), 0.02 * random.NextDouble(), t, new SkewSmile(0.1 + 0.4 * random.NextDouble(), 1.5 * random.NextDouble(), spot));
            double delta = 0.05 + 0.3 * random.NextDouble(), distance = 10 * random.NextDouble();
            double putWing = 5 * random.Next(1, 20), callWing = 5 * random.Next(1, 20);

            var priced = IronCondor.ByDelta(market, Expiry, -delta, delta, putWing, callWing, StrikeGrid.Spx);
            var strikes = IronCondor.StrikesByDelta(market, Expiry, -delta, delta, putWing, callWing, StrikeGrid.Spx);
            strikes.Legs.Select(l => l with { Price = null, ImpliedVol = null, Delta = null }).Should().Equal(priced.Legs.Select(l => l with { Price = null, ImpliedVol = null, Delta = null }));
            strikes.Legs.Should().OnlyContain(l => l.Price == null && l.ImpliedVol == null && l.Delta == null);
            strikes.PricedOn(market).Legs.Should().Equal(priced.Legs);

            // The short strikes are the full-precision searches' rounded to the grid (as before the searches stopped at
            // the listed strike), and the deltas valued are the two listed searches'.
            var withCount = IronCondor.StrikesByDelta(market, Expiry, -delta, delta, putWing, callWing, StrikeGrid.Spx, out int valuations);
            withCount.Legs.Should().Equal(strikes.Legs);
            withCount.ShortPut.Strike.Should().Be(StrikeGrid.Spx.Nearest(StrikeFromDelta.ForSmile(OptionRight.Put, -delta, spot, market.Rate, market.DividendYield, t, market.Smile)));
            withCount.ShortCall.Strike.Should().Be(StrikeGrid.Spx.Nearest(StrikeFromDelta.ForSmile(OptionRight.Call, delta, spot, market.Rate, market.DividendYield, t, market.Smile)));
            var listing = new StrikeListing(StrikeGrid.Spx.Step, StrikeRounding.Nearest);
            StrikeFromDelta.ListedForSmile(OptionRight.Put, -delta, spot, market.Rate, market.DividendYield, t, market.Smile, listing, out int put);
            StrikeFromDelta.ListedForSmile(OptionRight.Call, delta, spot, market.Rate, market.DividendYield, t, market.Smile, listing, out int call);
            valuations.Should().Be(put + call).And.BePositive();

            var byDistance = IronCondor.ByDistance(market, Expiry, distance, distance, StrikeDistance.Percent, putWing, callWing, StrikeGrid.Spx);
            var distanceStrikes = IronCondor.StrikesByDistance(market, Expiry, distance, distance, StrikeDistance.Percent, putWing, callWing, StrikeGrid.Spx);
            distanceStrikes.Legs.Should().OnlyContain(l => l.Price == null && l.ImpliedVol == null && l.Delta == null);
            distanceStrikes.PricedOn(market).Legs.Should().Equal(byDistance.Legs);
        }
    }

    [Fact]
    public void ByDistance_InPercentAndPoints()
    {
        var market = new OptionMarket(4000, 0.04, 0.015, 30 / 365.0, new FlatSmile(0.2));

        var percent = IronCondor.ByDistance(market, Expiry, 5, 5, StrikeDistance.Percent, 50, 50, StrikeGrid.Spx);
        var points = IronCondor.ByDistance(market, Expiry, 100, 102, StrikeDistance.Points, 10, 20, StrikeGrid.Spx);

        percent.Legs.Select(l => l.Strike).Should().Equal(3750, 3800, 4200, 4250);
        points.Legs.Select(l => l.Strike).Should().Equal(3890, 3900, 4100, 4120); // 4102 rounds to 4100
    }

    [Fact]
    public void Wings_MustBeOnTheGrid()
    {
        var market = new OptionMarket(4000, 0.04, 0.015, 30 / 365.0, new FlatSmile(0.2));

        var act = () => IronCondor.ByDistance(market, Expiry, 100, 100, StrikeDistance.Points, 12, 50, StrikeGrid.Spx);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void ProbabilityOfProfit_OnAFlatSmile_IsTheLognormalProbabilityBetweenBreakEvens()
    {
        // Flat vol: P(S_T > x) = N(d2(x)), so PoP = N(d2(lower BE)) − N(d2(upper BE)).
        double spot = 4000, rate = 0.04, q = 0.015, t = 45 / 365.0, vol = 0.2;
        var market = new OptionMarket(spot, rate, q, t, new FlatSmile(vol));
        var condor = IronCondor.ByDelta(market, Expiry, -0.16, 0.16, 50, 50, StrikeGrid.Spx);
        var bes = condor.Profile.BreakEvens;
        double forward = market.Forward;
        double D2(double x) => (Math.Log(forward / x) - 0.5 * vol * vol * t) / (vol * Math.Sqrt(t));

        condor.Profile.ProbabilityOfProfit(market).Should().BeApproximately(
            NormalDistribution.Cdf(D2(bes[0])) - NormalDistribution.Cdf(D2(bes[1])), 1e-6); // O(h²) error of the call-spread digital
    }

    [Fact]
    public void Greeks_AreTheSumOfTheLegs()
    {
        var market = new OptionMarket(4000, 0.04, 0.015, 45 / 365.0, new FlatSmile(0.2));
        var condor = IronCondor.FromStrikes(Expiry, 3700, 3750, 4250, 4300).PricedOn(market);

        var g = condor.Greeks(market);
        double vega = condor.Legs.Sum(l => l.Quantity * market.Greeks(l.Right, l.Strike).Vega);

        g.Vega.Should().BeApproximately(vega, 1e-12).And.BeNegative("a short condor is short volatility");
        g.Price.Should().BeApproximately(-condor.NetCredit, 1e-9, "the position's value is minus the credit received");
        g.Theta.Should().BePositive();
    }
}
