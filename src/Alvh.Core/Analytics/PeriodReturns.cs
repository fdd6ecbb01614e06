namespace Alvh.Analytics;

/// <summary>
/// Calendar-period returns from a daily equity curve: each period's return is its last close over the
/// previous period's last close, minus 1 (fractions, not annualised). The first period is measured from
/// the curve's first value, so it is partial; so is the last. Dates must be strictly increasing.
/// </summary>
public static class PeriodReturns
{
    /// <summary>The monthly returns table (year × month, plus the calendar-year return).</summary>
    public static MonthlyReturnsTable Monthly(ReadOnlySpan<double> equity, ReadOnlySpan<DateOnly> dates)
    {
        Require.AtLeast(equity.Length, 1, nameof(equity));
        Require.SameLength(equity.Length, dates.Length, nameof(dates));
        int firstYear = dates[0].Year;
        int years = dates[^1].Year - firstYear + 1;
        var monthly = new double[years * 12];
        var annual = new double[years];
        Array.Fill(monthly, double.NaN);
        Array.Fill(annual, double.NaN);
        double monthBase = equity[0], yearBase = equity[0];
        for (int t = 0; t < equity.Length; t++)
        {
            bool lastOfMonth = t == equity.Length - 1 || dates[t + 1].Month != dates[t].Month || dates[t + 1].Year != dates[t].Year;
            if (!lastOfMonth) continue;
            int row = dates[t].Year - firstYear;
            monthly[row * 12 + dates[t].Month - 1] = equity[t] / monthBase - 1.0;
            monthBase = equity[t];
            if (t == equity.Length - 1 || dates[t + 1].Year != dates[t].Year)
            {
                annual[row] = equity[t] / yearBase - 1.0;
                yearBase = equity[t];
            }
        }
        return new MonthlyReturnsTable(firstYear, monthly, annual);
    }

    /// <summary>The calendar-year returns, one per year present in the data.</summary>
    public static YearReturn[] Annual(ReadOnlySpan<double> equity, ReadOnlySpan<DateOnly> dates)
    {
        Require.AtLeast(equity.Length, 1, nameof(equity));
        Require.SameLength(equity.Length, dates.Length, nameof(dates));
        var result = new List<YearReturn>(dates[^1].Year - dates[0].Year + 1);
        int baseIndex = 0;
        for (int t = 0; t < equity.Length; t++)
        {
            if (t != equity.Length - 1 && dates[t + 1].Year == dates[t].Year) continue;
            result.Add(new YearReturn(dates[t].Year, equity[t] / equity[baseIndex] - 1.0, dates[baseIndex], dates[t]));
            baseIndex = t;
        }
        return [.. result];
    }
}
