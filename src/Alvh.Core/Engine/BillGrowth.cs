using Alvh.MarketData;

namespace Alvh.Engine;

/// <summary>
/// Cash growth at the T-bill rate: from one close to the next at the continuous rate known at the first,
/// day count actual/365. One definition for the engine's interest and the metrics' bill returns.
/// </summary>
public static class BillGrowth
{
    /// <summary>The growth − 1 of cash from <paramref name="previous"/> to <paramref name="date"/> at the continuous annual <paramref name="rate"/>.</summary>
    public static double Between(double rate, DateOnly previous, DateOnly date) => Math.Exp(rate * (date.DayNumber - previous.DayNumber) / 365.0) - 1;

    /// <summary>
    /// <see cref="Between"/> for every day of <paramref name="calendar"/> from the previous trading day, at that
    /// day's rate in <paramref name="rates"/> (one per calendar day); NaN for the first day and where the rate
    /// is missing. Computed once per data set, it spares every run of a sweep one exponential per day.
    /// </summary>
    public static double[] ForCalendar(TradingCalendar calendar, ReadOnlySpan<double> rates)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var growth = new double[calendar.Count];
        if (growth.Length > 0) growth[0] = double.NaN;
        for (int t = 1; t < growth.Length; t++)
        {
            double rate = t - 1 < rates.Length ? rates[t - 1] : double.NaN;
            growth[t] = double.IsNaN(rate) ? double.NaN : Between(rate, calendar[t - 1], calendar[t]);
        }
        return growth;
    }
}
