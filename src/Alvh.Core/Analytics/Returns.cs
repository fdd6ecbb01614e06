namespace Alvh.Analytics;

/// <summary>
/// Returns from a daily equity curve. All returns are <b>fractions</b> (0.01 = 1 %) and are
/// <b>not</b> annualised unless the name says so. An equity curve of <c>n</c> values gives
/// <c>n − 1</c> daily returns; return <c>t − 1</c> is the one from value <c>t − 1</c> to value <c>t</c>.
/// </summary>
public static class Returns
{
    /// <summary>Default trading days per year used to annualise daily statistics (252).</summary>
    public const int TradingDaysPerYear = 252;

    /// <summary>Days in a calendar year used for CAGR (365.25, the Julian year: leap years averaged in).</summary>
    public const double DaysPerCalendarYear = 365.25;

    /// <summary>Writes the simple returns Eₜ/Eₜ₋₁ − 1 into <paramref name="output"/> (length <c>equity.Length − 1</c>).</summary>
    public static void Simple(ReadOnlySpan<double> equity, Span<double> output)
    {
        Require.AtLeast(equity.Length, 1, nameof(equity));
        Require.SameLength(equity.Length - 1, output.Length, nameof(output));
        for (int t = 1; t < equity.Length; t++) output[t - 1] = equity[t] / equity[t - 1] - 1.0;
    }

    /// <summary>The simple daily returns Eₜ/Eₜ₋₁ − 1 (fractions, <c>n − 1</c> of them).</summary>
    public static double[] Simple(ReadOnlySpan<double> equity)
    {
        Require.AtLeast(equity.Length, 1, nameof(equity));
        var output = new double[equity.Length - 1];
        Simple(equity, output);
        return output;
    }

    /// <summary>Writes the log returns ln(Eₜ/Eₜ₋₁) into <paramref name="output"/> (length <c>equity.Length − 1</c>).</summary>
    public static void Log(ReadOnlySpan<double> equity, Span<double> output)
    {
        Require.AtLeast(equity.Length, 1, nameof(equity));
        Require.SameLength(equity.Length - 1, output.Length, nameof(output));
        for (int t = 1; t < equity.Length; t++) output[t - 1] = Math.Log(equity[t] / equity[t - 1]);
    }

    /// <summary>The daily log returns ln(Eₜ/Eₜ₋₁) (<c>n − 1</c> of them).</summary>
    public static double[] Log(ReadOnlySpan<double> equity)
    {
        Require.AtLeast(equity.Length, 1, nameof(equity));
        var output = new double[equity.Length - 1];
        Log(equity, output);
        return output;
    }

    /// <summary>
    /// Writes the daily <b>time-weighted</b> returns of an equity curve with external flows:
    /// rₜ = (Eₜ − Fₜ)/Eₜ₋₁ − 1, where Fₜ is the sum of the flows booked on curve date t (GIPS /
    /// CFA Institute daily-valuation time-weighted return, flows at end of day). A flow dated
    /// between two curve dates is booked on the next curve date; flows on or before the first
    /// date are part of the initial value and ignored. With no flows this equals <see cref="Simple(ReadOnlySpan{double}, Span{double})"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A flow is dated after the last curve date, or lengths differ.</exception>
    public static void TimeWeighted(ReadOnlySpan<double> equity, ReadOnlySpan<DateOnly> dates, ReadOnlySpan<ExternalFlow> flows, Span<double> output)
    {
        Require.AtLeast(equity.Length, 1, nameof(equity));
        Require.SameLength(equity.Length, dates.Length, nameof(dates));
        Require.SameLength(equity.Length - 1, output.Length, nameof(output));
        for (int t = 1; t < equity.Length; t++) output[t - 1] = equity[t];
        foreach (var flow in flows)
        {
            int index = FlowIndex(dates, flow.Date);
            if (index > 0) output[index - 1] -= flow.Amount;
        }
        for (int t = 1; t < equity.Length; t++) output[t - 1] = output[t - 1] / equity[t - 1] - 1.0;
    }

    /// <summary>Total return E_last/E_first − 1 (fraction, not annualised); 0 for a single value.</summary>
    public static double Total(ReadOnlySpan<double> equity)
    {
        Require.AtLeast(equity.Length, 1, nameof(equity));
        return equity[^1] / equity[0] - 1.0;
    }

    /// <summary>Compounded return Π(1 + rₜ) − 1 of a series of simple returns (fraction, not annualised).</summary>
    public static double Compound(ReadOnlySpan<double> returns)
    {
        double growth = 1.0;
        foreach (double r in returns) growth *= 1.0 + r;
        return growth - 1.0;
    }

    /// <summary>Calendar years between two dates: calendar days / 365.25.</summary>
    public static double CalendarYears(DateOnly start, DateOnly end) => (end.DayNumber - start.DayNumber) / DaysPerCalendarYear;

    /// <summary>
    /// Compound annual growth rate (annualised fraction) of an equity curve:
    /// (E_last/E_first)^(1/years) − 1 with years = calendar days / 365.25 between the first and
    /// last dates. NaN when the dates span no time.
    /// </summary>
    public static double Cagr(ReadOnlySpan<double> equity, ReadOnlySpan<DateOnly> dates)
    {
        Require.AtLeast(equity.Length, 1, nameof(equity));
        Require.SameLength(equity.Length, dates.Length, nameof(dates));
        return Cagr(Total(equity), dates[0], dates[^1]);
    }

    /// <summary>CAGR (annualised fraction) of a total return earned from <paramref name="start"/> to <paramref name="end"/> (calendar years = days/365.25); NaN for a zero-length span.</summary>
    public static double Cagr(double totalReturn, DateOnly start, DateOnly end)
    {
        double years = CalendarYears(start, end);
        if (years <= 0.0) return double.NaN;
        return Math.Pow(1.0 + totalReturn, 1.0 / years) - 1.0;
    }

    /// <summary>Index of the curve date a flow is booked on: its own date, else the next one; 0 for flows on or before the first date.</summary>
    internal static int FlowIndex(ReadOnlySpan<DateOnly> dates, DateOnly date)
    {
        int index = dates.BinarySearch(date);
        if (index < 0) index = ~index;
        if (index >= dates.Length) throw new ArgumentException($"flow on {date} is after the last date {dates[^1]}", "flows");
        return index;
    }
}
