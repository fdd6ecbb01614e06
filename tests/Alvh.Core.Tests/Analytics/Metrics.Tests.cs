using Alvh.Analytics;

namespace Alvh.Core.Tests.Analytics;

public class MetricsTests
{
    private const int Points = 1500;
    private static readonly double[] R = AnalyticsTestData.NormalReturns(3131, Points - 1, 0.0004, 0.012);
    private static readonly double[] Equity = AnalyticsTestData.Curve(R, 1_000_000);
    private static readonly DateOnly[] Dates = AnalyticsTestData.Weekdays(new DateOnly(2010, 1, 4), Points);
    private static readonly double[] Benchmark = AnalyticsTestData.Curve(
        AnalyticsTestData.NormalReturns(3132, Points - 1, 0.0003, 0.008).Select((x, i) => x + 0.5 * R[i]).ToArray(), 1000);
    private static readonly double[] RiskFree = Enumerable.Range(0, Points).Select(i => i == 0 ? double.NaN : 0.00008).ToArray();
    private static readonly double[] Vix = AnalyticsTestData.Curve(
        AnalyticsTestData.NormalReturns(3133, Points - 1, 0, 0.05).Select((x, i) => x - 3 * R[i]).ToArray(), 20);

    [Fact]
    public void Every_field_equals_its_single_function()
    {
        var m = Metrics.Compute(Equity, Dates, [], Benchmark, RiskFree, Vix);
        var rf = RiskFree[1..];
        var b = Returns.Simple(Benchmark);
        var dd = Drawdowns.Maximum(Equity, Dates);
        m.Start.Should().Be(Dates[0]);
        m.End.Should().Be(Dates[^1]);
        m.TotalReturn.Should().Be(Returns.Total(Equity));
        m.Cagr.Should().Be(Returns.Cagr(Equity, Dates));
        m.Volatility.Should().BeApproximately(SampleStatistics.AnnualisedVolatility(R), 1e-12);
        m.Sharpe.Should().BeApproximately(RiskAdjustedReturns.Sharpe(R, rf), 1e-10);
        m.Sortino.Should().BeApproximately(RiskAdjustedReturns.Sortino(R, 0.00008), 1e-10);
        m.Calmar.Should().BeApproximately(m.Cagr / -dd.Depth, 1e-14);
        m.MaxDrawdown.Should().Be(dd.Depth);
        m.MaxDrawdownPeak.Should().Be(dd.PeakDate);
        m.MaxDrawdownTrough.Should().Be(dd.TroughDate);
        m.MaxDrawdownRecovery.Should().Be(dd.RecoveryDate);
        m.MaxDrawdownDurationTradingDays.Should().Be(dd.DurationTradingDays);
        m.Ulcer.Should().Be(Drawdowns.UlcerIndex(Equity));
        m.ValueAtRisk95.Should().BeApproximately(TailRisk.ValueAtRisk(R), 1e-15);
        m.ConditionalValueAtRisk95.Should().BeApproximately(TailRisk.ConditionalValueAtRisk(R), 1e-15);
        m.Skewness.Should().BeApproximately(SampleStatistics.Skewness(R), 1e-9);
        m.Kurtosis.Should().BeApproximately(SampleStatistics.ExcessKurtosis(R), 1e-9);
        var capm = Capm.Regress(R, b, rf);
        m.Beta.Should().BeApproximately(capm.Beta, 1e-10);
        m.Beta.Should().BeInRange(0.2, 2.0);
        m.Alpha.Should().BeApproximately(capm.AlphaAnnualised, 1e-10);
        var vixChanges = Vix.Skip(1).Select((v, i) => v - Vix[i]).ToArray();
        m.CorrelationToVix.Should().BeApproximately(SampleStatistics.Correlation(R, vixChanges), 1e-12);
        m.CorrelationToVix.Should().BeNegative();
    }

    /// <summary>
    /// A day without a VIX close (NaN: vix-daily.csv has none on 1991-03-01, 1997-01-31, 1997-11-26 and 1999-12-31, and
    /// daily.csv leaves them blank) leaves out the two changes it touches, as a pairwise-complete correlation does: it
    /// made the correlation of every run through such a day NaN, printed "n/a" in every full-history report.
    /// </summary>
    [Fact]
    public void A_day_without_a_vix_close_leaves_its_changes_out_of_the_correlation()
    {
        const int missing = 700;
        var vix = Vix.ToArray();
        vix[missing] = double.NaN;
        var m = Metrics.Compute(Equity, Dates, [], Benchmark, RiskFree, vix);
        // Changes t - 1 -> t for t = 1..n-1, without those into and out of the missing day (t = missing, missing + 1).
        var keep = Enumerable.Range(1, Points - 1).Where(t => t != missing && t != missing + 1).ToArray();
        var expected = SampleStatistics.Correlation(keep.Select(t => R[t - 1]).ToArray(), keep.Select(t => Vix[t] - Vix[t - 1]).ToArray());
        m.CorrelationToVix.Should().BeApproximately(expected, 1e-12);
        m.CorrelationToVix.Should().BeNegative();
    }

    [Fact]
    public void Without_flows_xirr_is_the_cagr_on_a_365_day_year()
    {
        var m = Metrics.Compute(Equity, Dates, [], [], [], []);
        double years365 = (Dates[^1].DayNumber - Dates[0].DayNumber) / 365.0;
        m.Xirr.Should().BeApproximately(Math.Pow(Equity[^1] / Equity[0], 1 / years365) - 1, 1e-10);
        m.Beta.Should().Be(double.NaN);
        m.CorrelationToVix.Should().Be(double.NaN);
    }

    [Fact]
    public void Contributions_invested_alongside_leave_time_weighted_metrics_unchanged()
    {
        // 250,000 paid in on day 400 and invested in the same strategy: every time-weighted metric is unchanged,
        // the money-weighted XIRR is not (the extra money earns only the later returns).
        const int day = 400;
        const double contribution = 250_000;
        var withFlow = Equity.Select((e, t) => t < day ? e : e + contribution * e / Equity[day]).ToArray();
        ExternalFlow[] flows = [new(Dates[day], contribution)];
        var plain = Metrics.Compute(Equity, Dates, [], Benchmark, RiskFree, Vix);
        var flowed = Metrics.Compute(withFlow, Dates, flows, Benchmark, RiskFree, Vix);
        flowed.TotalReturn.Should().BeApproximately(plain.TotalReturn, 1e-10);
        flowed.Cagr.Should().BeApproximately(plain.Cagr, 1e-10);
        flowed.Volatility.Should().BeApproximately(plain.Volatility, 1e-10);
        flowed.Sharpe.Should().BeApproximately(plain.Sharpe, 1e-8);
        flowed.MaxDrawdown.Should().BeApproximately(plain.MaxDrawdown, 1e-10);
        flowed.MaxDrawdownTrough.Should().Be(plain.MaxDrawdownTrough);
        flowed.Beta.Should().BeApproximately(plain.Beta, 1e-9);
        double late = Equity[^1] / Equity[day];
        var expected = Xirr.Compute([-Equity[0], -contribution, Equity[^1] + contribution * late], [Dates[0], Dates[day], Dates[^1]]);
        flowed.Xirr.Should().BeApproximately(expected, 1e-10);
    }

    [Fact]
    public void Misaligned_inputs_throw()
    {
        var act = () => Metrics.Compute(Equity, Dates, [], Benchmark[1..], [], []);
        act.Should().Throw<ArgumentException>();
    }
}
