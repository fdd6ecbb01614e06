namespace Alvh.Core.Tests.Analytics;

/// <summary>Seeded synthetic curves and weekday calendars for the analytics tests (never real market data).</summary>
internal static class AnalyticsTestData
{
    /// <summary><paramref name="count"/> consecutive weekdays starting on or after <paramref name="start"/>.</summary>
    public static DateOnly[] Weekdays(DateOnly start, int count)
    {
        var dates = new DateOnly[count];
        var d = start;
        for (int i = 0; i < count; i++)
        {
            while (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) d = d.AddDays(1);
            dates[i] = d;
            d = d.AddDays(1);
        }
        return dates;
    }

    /// <summary>Daily simple returns, normal with the given daily mean and stdev (Box–Muller), seeded.</summary>
    public static double[] NormalReturns(int seed, int count, double mean, double stdev)
    {
        var random = new Random(seed);
        var r = new double[count];
        for (int i = 0; i < count; i++) r[i] = mean + stdev * Normal(random);
        return r;
    }

    /// <summary>Equity curve starting at <paramref name="start"/> compounding <paramref name="returns"/> (length returns + 1).</summary>
    public static double[] Curve(double[] returns, double start = 100.0)
    {
        var e = new double[returns.Length + 1];
        e[0] = start;
        for (int i = 0; i < returns.Length; i++) e[i + 1] = e[i] * (1 + returns[i]);
        return e;
    }

    public static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
