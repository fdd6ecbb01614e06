using Alvh.Model;
using Alvh.Pricing;

namespace Alvh.Core.Tests.Model;

public class VixOptionModelTests
{
    [SkippableFact]
    public void Put_call_parity_holds_on_the_future()
    {
        // European options on a future: C − P = e^{−rT}(F − K) (Black 1976).
        var m = ModelData.Require();
        int day = m.Data.Calendar.IndexOf(new DateOnly(2019, 10, 1));
        var expiry = m.Futures.ExpirationOnOrAfter(new DateOnly(2019, 11, 1))!.Value;
        double t = (expiry.DayNumber - m.Data.Calendar[day].DayNumber) / 365.0;
        double forward = m.Options.Forward(day, expiry), r = m.Carry.Rate(day);
        foreach (double strike in new[] { 12.0, 16.0, 20.0, 30.0 })
        {
            double parity = m.Options.Price(day, OptionRight.Call, expiry, strike) - m.Options.Price(day, OptionRight.Put, expiry, strike);
            parity.Should().BeApproximately(Math.Exp(-r * t) * (forward - strike), 1e-10);
        }
    }

    [SkippableFact]
    public void Forward_is_the_same_expiry_future_not_spot_vix()
    {
        var m = ModelData.Require();
        int day = m.Data.Calendar.IndexOf(new DateOnly(2008, 11, 20));
        m.Options.Forward(day, new DateOnly(2008, 12, 17)).Should().Be(66.23);
    }

    /// <summary>
    /// The model keeps the ATM term factor per whole day: its smiles equal <see cref="VixOptionParameters.AtmVol"/>'s
    /// to the bit, on whole days (kept, asked twice), fractional days and days past the kept range, in any order.
    /// </summary>
    [SkippableFact]
    public void Smiles_from_the_kept_term_factors_equal_the_parameters_atm_vol()
    {
        var m = ModelData.Require();
        var p = m.Options.Parameters;
        var random = new Random(11);
        double[] days = [.. Enumerable.Range(0, 400).Select(_ => (double)random.Next(0, 1_500)), 0.5, 6.25, 29.999, 1_023, 1_024, 5_000];
        foreach (double d in days.Concat(days))
        {
            double vvix = 60 + (random.NextDouble() * 100);
            double expected = p.AtmVol(vvix, m.Options.AtmToVvixRatio, d);
            double t = Math.Max(d, 0.0) / AtmVarianceCurve.DaysPerYear;
            m.Options.Smile(vvix, 20, d).Should().Be(new ShapedSmile(20, expected * expected * t, t, p.Shape), $"{d} days");
        }
    }

    [Fact]
    public void Atm_vol_decays_with_tenor_and_rises_with_vvix()
    {
        var p = VixOptionParameters.Default;
        // σ_ATM = ratio · VVIX/100 · (max(τ, 7)/30)^−0.4 (the defaults: MinTenorDays 7, TermDecayBeta 0.4).
        // At 30 days the term factor is 1: 0.9 · 100/100 = 0.90.
        p.AtmVol(100, 0.9, 30).Should().BeApproximately(0.90, 1e-12);
        // (120/30)^−0.4 = 4^−0.4 = 0.574349 (by hand: e^{−0.4·1.386294} = e^{−0.554518}).
        p.AtmVol(100, 0.9, 120).Should().BeApproximately(0.90 * 0.5743491774985174, 1e-12);
        // One day is floored at seven: (7/30)^−0.4 = e^{0.4·ln(30/7)} = e^{0.4·1.455287} = 1.789820, so 0.9 · 1.789820.
        p.AtmVol(100, 0.9, 1).Should().Be(p.AtmVol(100, 0.9, p.MinTenorDays));
        p.AtmVol(100, 0.9, 1).Should().BeApproximately(0.9 * 1.789819708090498, 1e-12);
        p.AtmVol(150, 0.9, 30).Should().BeGreaterThan(p.AtmVol(100, 0.9, 30));
    }

    [SkippableFact]
    public void Prices_increase_with_vvix_and_calls_carry_upside_skew()
    {
        var m = ModelData.Require();
        const double forward = 18.0, days = 45.0;
        double t = days / 365.0;
        double previous = 0.0;
        for (double vvix = 60; vvix <= 160; vvix += 10)
        {
            var smile = m.Options.Smile(vvix, forward, days);
            double call = Black76.Price(OptionRight.Call, forward, 22.0, 0.03, smile.Vol(22.0), t);
            call.Should().BeGreaterThan(previous);
            previous = call;
        }
        var s = m.Options.Smile(100, forward, days);
        s.Vol(25.0).Should().BeGreaterThan(s.Vol(18.0)).And.BeGreaterThan(s.Vol(14.0));
    }

    [SkippableFact]
    public void Vvix_fallback_is_used_before_2007_and_is_plausible()
    {
        var m = ModelData.Require();
        int day = m.Data.Calendar.IndexOf(new DateOnly(2002, 7, 23));
        double vix = m.Data.Aligned("vix")[day];
        m.Options.Vvix(day).Should().BeApproximately(m.Options.FallbackIntercept + m.Options.FallbackSlope * vix, 1e-12);
        m.Options.FallbackSlope.Should().BeGreaterThan(0.0);
        m.Options.Vvix(day).Should().BeInRange(60.0, 200.0);
    }

    [SkippableFact]
    public void Settlement_value_delegates_to_the_futures_final_settlement()
    {
        var m = ModelData.Require();
        m.Options.SettlementValue(new DateOnly(2008, 1, 16)).Should().Be(24.18);
    }
}
