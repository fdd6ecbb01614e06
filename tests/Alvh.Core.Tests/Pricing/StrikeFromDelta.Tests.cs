using Alvh.Pricing;

namespace Alvh.Core.Tests.Pricing;

public class StrikeFromDeltaTests
{
    /// <summary>A skewed SPX-like smile: vol rises linearly in log-moneyness on the put side, with curvature.</summary>
    private readonly record struct SkewSmile(double Forward, double AtmVol, double Skew, double Curvature) : IVolSmile
    {
        public double Vol(double strike)
        {
            double k = Math.Log(strike / Forward);
            return Math.Max(0.02, AtmVol - Skew * k + Curvature * k * k);
        }
    }

    [Theory]
    [InlineData(OptionRight.Put, -0.16, DeltaConvention.Spot)]
    [InlineData(OptionRight.Put, -0.05, DeltaConvention.Forward)]
    [InlineData(OptionRight.Call, 0.10, DeltaConvention.Spot)]
    [InlineData(OptionRight.Call, 0.50, DeltaConvention.Forward)]
    [InlineData(OptionRight.Put, -0.90, DeltaConvention.Forward)]
    public void Flat_vol_closed_form_round_trips(OptionRight right, double delta, DeltaConvention convention)
    {
        const double spot = 4500, rate = 0.045, yield = 0.015, vol = 0.18, t = 45 / 365.0;
        double strike = StrikeFromDelta.ForFlatVol(right, delta, spot, rate, yield, vol, t, convention);
        double achieved = BlackScholes.Greeks(right, spot, strike, rate, yield, vol, t).Delta;
        if (convention == DeltaConvention.Forward)
        {
            achieved *= Math.Exp(yield * t);
        }

        achieved.Should().BeApproximately(delta, 1e-13);

        // The solver on a flat smile must agree with the closed form.
        double solved = StrikeFromDelta.ForSmile(right, delta, spot, rate, yield, t, _ => vol, convention);
        solved.Should().BeApproximately(strike, 1e-10 * strike);
    }

    [Theory]
    [InlineData(OptionRight.Put, -0.16)]
    [InlineData(OptionRight.Put, -0.05)]
    [InlineData(OptionRight.Put, -0.30)]
    [InlineData(OptionRight.Call, 0.16)]
    [InlineData(OptionRight.Call, 0.05)]
    public void Skewed_smile_round_trips(OptionRight right, double delta)
    {
        const double spot = 4500, rate = 0.045, yield = 0.015, t = 30 / 365.0;
        double forward = BlackScholes.Forward(spot, rate, yield, t);
        var smile = new SkewSmile(forward, AtmVol: 0.16, Skew: 0.9, Curvature: 1.5);

        double strike = StrikeFromDelta.ForSmile(right, delta, spot, rate, yield, t, smile);
        double vol = smile.Vol(strike);
        BlackScholes.Greeks(right, spot, strike, rate, yield, vol, t).Delta.Should().BeApproximately(delta, 1e-12);

        // The skew matters: the flat-vol answer at the ATM vol is a different strike.
        double flat = StrikeFromDelta.ForFlatVol(right, delta, spot, rate, yield, 0.16, t);
        Math.Abs(flat - strike).Should().BeGreaterThan(1.0);
    }

    [Fact]
    public void Black76_convention_via_dividend_yield_equal_to_rate()
    {
        // VIX call on the future: spot := future, q := r, so the spot delta is the discounted Black delta.
        const double future = 19.5, rate = 0.045, t = 28 / 365.0, vol = 0.9;
        double strike = StrikeFromDelta.ForFlatVol(OptionRight.Call, 0.25, future, rate, rate, vol, t);
        Black76.Greeks(OptionRight.Call, future, strike, rate, vol, t).Delta.Should().BeApproximately(0.25, 1e-13);
    }

    [Theory]
    [InlineData(OptionRight.Put, 0.2)]
    [InlineData(OptionRight.Call, -0.2)]
    [InlineData(OptionRight.Call, 1.0)]
    [InlineData(OptionRight.Put, -1.0)]
    public void Unattainable_delta_throws(OptionRight right, double delta)
    {
        var act = () => StrikeFromDelta.ForFlatVol(right, delta, 100, 0.03, 0.0, 0.2, 0.5);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("delta");
    }

    /// <summary>
    /// The listed search stops once every strike left in its bracket rounds to one listed strike. Brent's brackets are
    /// nested and always hold the root (Brent 1973, ch. 4), and rounding is monotone, so its answer must be the full
    /// search's strike rounded, bit for bit, with no more deltas valued. Seeded cases over spot 10–5,000, tenors of 1–400
    /// days, rates −1% to 8%, deltas 2–50 (puts and calls, spot and forward), skewed smiles (including ones so steep that
    /// no strike has the delta: NaN on both sides), steps 0.5–25, nearest and up.
    /// </summary>
    [Fact]
    public void Listed_search_is_the_full_search_rounded_bit_for_bit_with_fewer_deltas()
    {
        var random = new Random(20261128);
        long full = 0, listed = 0;
        int nan = 0;
        double[] steps = [0.5, 1, 2.5, 5, 25];
        for (int i = 0; i < 4000; i++)
        {
            var right = random.Next(2) == 0 ? OptionRight.Put : OptionRight.Call;
            double delta = (right == OptionRight.Put ? -1 : 1) * (0.02 + 0.48 * random.NextDouble());
            double spot = 10 * Math.Pow(500, random.NextDouble());
            double rate = -0.01 + 0.09 * random.NextDouble(), yield = 0.04 * random.NextDouble();
            double t = (1 + random.Next(400)) / 365.0;
            var convention = random.Next(2) == 0 ? DeltaConvention.Spot : DeltaConvention.Forward;
            double forward = BlackScholes.Forward(spot, rate, yield, t);
            var smile = new SkewSmile(forward, AtmVol: 0.08 + 0.9 * random.NextDouble(), Skew: 2 * random.NextDouble(), Curvature: 3 * random.NextDouble());
            var listing = new StrikeListing(steps[random.Next(steps.Length)] * Math.Max(1, Math.Round(spot / 1000)), random.Next(2) == 0 ? StrikeRounding.Nearest : StrikeRounding.Up);

            double solved = StrikeFromDelta.ForSmile(right, delta, spot, rate, yield, t, smile, out int fullValuations, convention);
            double strike = StrikeFromDelta.ListedForSmile(right, delta, spot, rate, yield, t, smile, listing, out int listedValuations, convention);

            BitConverter.DoubleToInt64Bits(strike).Should().Be(BitConverter.DoubleToInt64Bits(listing.Round(solved)), $"case {i}: {right} {delta} on {spot}, t {t}, step {listing.Step} {listing.Rounding}");
            listedValuations.Should().BeInRange(1, fullValuations, $"case {i}");
            full += fullValuations;
            listed += listedValuations;
            if (double.IsNaN(strike)) nan++;
        }
        nan.Should().BeLessThan(800, "most cases have a strike to find");
        ((double)listed / full).Should().BeLessThan(0.75, "the search stops well before 1e-14 in ln K (0.64 of the deltas here)");
    }

    /// <summary>
    /// The hard cases of the early stop: targets whose strike lies within 1e-15 to 1e-7 (relative) of a listed strike's
    /// rounding boundary (a half step for nearest, a step for up), on either side, so the bracket must shrink past the
    /// boundary before both ends agree (or never does, and the search runs to its tolerance). Random cases rarely come
    /// that close. The listed answer must still be the full search's strike rounded, bit for bit.
    /// </summary>
    [Fact]
    public void Listed_search_is_the_full_search_rounded_when_the_strike_sits_on_a_rounding_boundary()
    {
        var random = new Random(7);
        double[] offsets = [0, 1e-15, -1e-15, 1e-13, -1e-13, 1e-11, -1e-11, 1e-9, -1e-9, 1e-7, -1e-7];
        int cases = 0;
        for (int i = 0; i < 300; i++)
        {
            var right = random.Next(2) == 0 ? OptionRight.Put : OptionRight.Call;
            double spot = 10 * Math.Pow(500, random.NextDouble());
            double rate = 0.05 * random.NextDouble(), yield = 0.03 * random.NextDouble();
            double t = (2 + random.Next(200)) / 365.0;
            double forward = BlackScholes.Forward(spot, rate, yield, t);
            var smile = new SkewSmile(forward, AtmVol: 0.1 + 0.6 * random.NextDouble(), Skew: random.NextDouble(), Curvature: random.NextDouble());
            var rounding = random.Next(2) == 0 ? StrikeRounding.Nearest : StrikeRounding.Up;
            double step = Math.Max(0.5, Math.Round(spot / 200));
            var listing = new StrikeListing(step, rounding);
            // A listed strike 0.3-1.3 standard deviations out of the money, and its boundary.
            double stdDev = smile.AtmVol * Math.Sqrt(t);
            double away = (right == OptionRight.Put ? -1 : 1) * (0.3 + random.NextDouble()) * stdDev;
            double listed = listing.Round(forward * Math.Exp(away));
            double boundary = rounding == StrikeRounding.Nearest ? listed + 0.5 * step : listed;
            foreach (double offset in offsets)
            {
                double strike = boundary * (1 + offset);
                double sigma = smile.Vol(strike) * Math.Sqrt(t);
                double d1 = -Math.Log(strike / forward) / sigma + 0.5 * sigma;
                double delta = right == OptionRight.Call ? NormalDistribution.Cdf(d1) : NormalDistribution.Cdf(d1) - 1;
                if (!(Math.Abs(delta) is > 1e-6 and < 1 - 1e-6)) continue;
                double solved = StrikeFromDelta.ForSmile(right, delta, spot, rate, yield, t, smile, out int fullValuations, DeltaConvention.Forward);
                double found = StrikeFromDelta.ListedForSmile(right, delta, spot, rate, yield, t, smile, listing, out int listedValuations, DeltaConvention.Forward);
                BitConverter.DoubleToInt64Bits(found).Should().Be(BitConverter.DoubleToInt64Bits(listing.Round(solved)),
                    $"case {i}, offset {offset}: {right} {delta:R} on {spot:R}, t {t:R}, step {step} {rounding}, full strike {solved:R}");
                listedValuations.Should().BeInRange(1, fullValuations);
                cases++;
            }
        }
        cases.Should().BeGreaterThan(3000);
    }

    /// <summary>
    /// The early stop asks more than both ends rounding alike: each must clear its rounding interval's edges by
    /// <see cref="StrikeFromDelta.StopMargin"/> of its strike, so that the answer does not rest on exp being monotone. With a
    /// forward of 100 and strikes listed every 5 (nearest: the edge between 100 and 105 is 102.5; up: 100 holds (95, 100]),
    /// a bracket from 101 to within 1e-14 of the edge rounds alike at both ends but is not resolved; from 101 to 1e-11 short
    /// of it, it is. Numbers worked by hand from the definitions.
    /// </summary>
    [Theory]
    [InlineData(StrikeRounding.Nearest, 102.5)]
    [InlineData(StrikeRounding.Up, 100.0)]
    public void The_early_stop_needs_both_ends_clear_of_a_rounding_edge(StrikeRounding rounding, double edge)
    {
        var stop = new StrikeFromDelta.ListedStop(100, new StrikeListing(5, rounding));
        double inside = rounding == StrikeRounding.Nearest ? 101 : 97;
        double Near(double relative) => Math.Log(edge * (1 - relative) / 100);
        double far = Math.Log(inside / 100);
        new StrikeListing(5, rounding).Round(100 * Math.Exp(Near(1e-14))).Should().Be(100, "the end near the edge still rounds with the other");
        stop.Resolved(far, Near(1e-14)).Should().BeFalse("an end 1e-14 of its strike from the edge is inside the margin");
        stop.Resolved(Near(1e-14), far).Should().BeFalse("either order");
        stop.Resolved(far, Near(1e-11)).Should().BeTrue("an end 1e-11 from the edge clears the 1e-13 margin");
        stop.Resolved(far, far).Should().BeTrue();
    }

    /// <summary>
    /// On a flat smile the listed strike is the closed form's (Hull, Options, Futures and Other Derivatives, ch. 19: a
    /// spot delta of e^(−qT) N(d1) inverted for K) rounded to the grid, nearest or up.
    /// </summary>
    [Theory]
    [InlineData(OptionRight.Put, -0.16, 5.0)]
    [InlineData(OptionRight.Call, 0.16, 5.0)]
    [InlineData(OptionRight.Call, 0.30, 1.0)]
    public void Listed_search_on_a_flat_smile_rounds_the_closed_form(OptionRight right, double delta, double step)
    {
        const double spot = 4500, rate = 0.045, yield = 0.015, vol = 0.18, t = 45 / 365.0;
        double closedForm = StrikeFromDelta.ForFlatVol(right, delta, spot, rate, yield, vol, t);
        (closedForm / step % 1).Should().NotBeApproximately(0.5, 1e-6, "a strike at a midpoint would round either way");
        foreach (var rounding in new[] { StrikeRounding.Nearest, StrikeRounding.Up })
        {
            var listing = new StrikeListing(step, rounding);
            double strike = StrikeFromDelta.ListedForSmile(right, delta, spot, rate, yield, t, new Structures.FlatSmile(vol), listing, out int valuations);
            strike.Should().Be(listing.Round(closedForm));
            valuations.Should().BePositive();
        }
    }

    [Fact]
    public void Listing_rounds_nearest_halves_away_from_zero_and_up_to_the_step()
    {
        new StrikeListing(5, StrikeRounding.Nearest).Round(4502.5).Should().Be(4505);
        new StrikeListing(5, StrikeRounding.Nearest).Round(4502.49).Should().Be(4500);
        new StrikeListing(5, StrikeRounding.Up).Round(4500.01).Should().Be(4505);
        new StrikeListing(5, StrikeRounding.Up).Round(4500).Should().Be(4500);
        var act = () => StrikeFromDelta.ListedForSmile(OptionRight.Call, 0.2, 100, 0, 0, 0.1, new Structures.FlatSmile(0.2), new StrikeListing(0, StrikeRounding.Up), out _);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
