using Alvh.Model;

namespace Alvh.Core.Tests.Model;

public class RatesAndDividendsTests
{
    [SkippableFact]
    public void Rates_come_from_dtb3_carried_over_gaps_and_fed_funds_after_coverage()
    {
        var m = ModelData.Require();
        var cal = m.Data.Calendar;
        // PROVENANCE: DTB3 ends 2026-03-26; days after it use DFF.
        int last = cal.IndexOnOrBefore(new DateOnly(2026, 3, 26));
        m.Carry.RateSourceOn(last).Should().Be(RateSource.Dtb3);
        if (last + 1 < cal.Count) m.Carry.RateSourceOn(last + 1).Should().Be(RateSource.FedFunds);
        // Columbus Day 2019-10-14: bond market closed, NYSE open → last DTB3 carried.
        int columbus = cal.IndexOf(new DateOnly(2019, 10, 14));
        m.Carry.RateSourceOn(columbus).Should().Be(RateSource.Dtb3Carried);
        m.Carry.Rate(columbus).Should().Be(m.Carry.Rate(columbus - 1));
        for (int i = 0; i < cal.Count; i++) m.Carry.Rate(i).Should().BeInRange(-0.01, 0.10);
    }

    [SkippableFact]
    public void Dividend_yield_switches_from_shiller_to_spy_and_stays_plausible()
    {
        var m = ModelData.Require();
        var cal = m.Data.Calendar;
        m.Carry.DividendSourceOn(cal.IndexOnOrAfter(new DateOnly(1992, 6, 1))).Should().Be(DividendSource.Shiller);
        m.Carry.DividendSourceOn(cal.IndexOnOrAfter(new DateOnly(2000, 6, 1))).Should().Be(DividendSource.SpyTrailing);
        for (int i = 0; i < cal.Count; i++)
        {
            // S&P 500 dividend yield history: about 1.1% (2000) to 3.6% (early 1990s, March 2009);
            // SPY's trailing yield runs a little lower (expense ratio, ex-date timing): 0.9% in Dec 2001.
            if (m.Carry.DividendSourceOn(i) != DividendSource.None) m.Carry.DividendYield(i).Should().BeInRange(0.008, 0.045, cal[i].ToString("yyyy-MM-dd"));
        }
    }
}
