using Alvh.Analytics;

namespace Alvh.Core.Tests.Analytics;

public class XirrTests
{
    [Fact]
    public void Excel_documentation_example()
    {
        // Microsoft support, "XIRR function", example: result 0.373362535. Excel iterates to 0.000001 %,
        // so its printed value is good to ~1e-8; our root is converged to 1e-12.
        double[] amounts = [-10000, 2750, 4250, 3250, 2750];
        DateOnly[] dates = [new(2008, 1, 1), new(2008, 3, 1), new(2008, 10, 30), new(2009, 2, 15), new(2009, 4, 1)];
        double rate = Xirr.Compute(amounts, dates);
        rate.Should().BeApproximately(0.373362535, 1e-8);
        Xirr.NetPresentValue(rate, amounts, dates).Should().BeApproximately(0.0, 1e-7);
    }

    [Fact]
    public void Same_sign_flows_have_no_rate()
    {
        Xirr.Compute([-1.0, -2.0], [new(2020, 1, 1), new(2021, 1, 1)]).Should().Be(double.NaN);
    }

    [Fact]
    public void One_year_doubling_is_100_percent()
    {
        // 365 days apart: (1 + r)^1 = 2 exactly by the 365-day convention.
        Xirr.Compute([-100.0, 200.0], [new(2021, 1, 1), new(2022, 1, 1)]).Should().BeApproximately(1.0, 1e-12);
    }

    [Fact]
    public void Far_guess_falls_back_to_bisection()
    {
        double[] amounts = [-10000, 2750, 4250, 3250, 2750];
        DateOnly[] dates = [new(2008, 1, 1), new(2008, 3, 1), new(2008, 10, 30), new(2009, 2, 15), new(2009, 4, 1)];
        Xirr.Compute(amounts, dates, guess: 1e6).Should().BeApproximately(0.373362535, 1e-8);
        Xirr.Compute(amounts, dates, guess: -0.9999).Should().BeApproximately(0.373362535, 1e-8);
    }

    [Fact]
    public void Property_flows_built_from_a_known_rate_recover_it()
    {
        // Seeded: k investments (negative) on random dates, then the terminal value that makes NPV zero at rate r.
        // One sign change, so the root is unique (Descartes' rule of signs).
        var random = new Random(6001);
        for (int trial = 0; trial < 200; trial++)
        {
            double rate = -0.6 + 2.0 * random.NextDouble();
            int k = 1 + random.Next(8);
            var amounts = new double[k + 1];
            var dates = new DateOnly[k + 1];
            var day = new DateOnly(2000, 1, 1).AddDays(random.Next(1000));
            double value = 0;
            for (int i = 0; i < k; i++)
            {
                amounts[i] = -(100 + 10000 * random.NextDouble());
                dates[i] = day;
                var next = day.AddDays(1 + random.Next(400));
                value = (value - amounts[i]) * Math.Pow(1 + rate, (next.DayNumber - day.DayNumber) / 365.0);
                day = next;
            }
            amounts[k] = value;
            dates[k] = day;
            Xirr.Compute(amounts, dates).Should().BeApproximately(rate, 1e-9, $"trial {trial}");
        }
    }

    [Fact]
    public void Equity_curve_with_contributions_and_withdrawals_recovers_its_growth_rate()
    {
        // A portfolio growing at 8 %/yr on the 365-day convention, with a contribution and a withdrawal:
        // the money-weighted return of (−E₀, −flows, +E_end) is that 8 % exactly.
        const double rate = 0.08;
        var dates = AnalyticsTestData.Weekdays(new DateOnly(2015, 1, 5), 800);
        var flowOn = new Dictionary<DateOnly, double> { [dates[200]] = 5000, [dates[500]] = -3000 };
        var equity = new double[dates.Length];
        equity[0] = 10000;
        for (int t = 1; t < dates.Length; t++)
        {
            equity[t] = equity[t - 1] * Math.Pow(1 + rate, (dates[t].DayNumber - dates[t - 1].DayNumber) / 365.0);
            if (flowOn.TryGetValue(dates[t], out double f)) equity[t] += f;
        }
        ExternalFlow[] flows = [new(dates[200], 5000), new(dates[500], -3000)];
        Xirr.FromEquityCurve(equity, dates, flows).Should().BeApproximately(rate, 1e-10);
    }
}
