namespace Alvh.MarketData;

/// <summary>
/// Dividends for holding the S&amp;P 500 index itself (the DRIP fallback before SPY lists in 1993),
/// from Shiller's monthly trailing-twelve-month dividend: one payment a month, on the first trading
/// day of the month, of one twelfth of the trailing dividend known at the end of the previous month,
/// in index points per index unit. A documented approximation: the true index dividends are paid
/// unevenly through the quarter, which moves a month's return by a few basis points, never the trend.
/// </summary>
public static class IndexDividends
{
    /// <summary>Monthly dividends per index unit over the calendar's range.</summary>
    public static IReadOnlyList<Dividend> FromShiller(ShillerMonthly shiller, TradingCalendar calendar)
    {
        var list = new List<Dividend>();
        if (calendar.Count == 0) return list;
        for (int i = 1; i < shiller.Count; i++)
        {
            var month = shiller.Months[i];
            if (month < new DateOnly(calendar.First.Year, calendar.First.Month, 1) || month > calendar.Last) continue;
            double trailing = shiller.Dividend[i - 1];
            if (double.IsNaN(trailing) || trailing <= 0) continue;
            int day = calendar.IndexOnOrAfter(month);
            if (day >= calendar.Count || calendar[day].Month != month.Month) continue;
            list.Add(new Dividend(calendar[day], trailing / 12, calendar[day]));
        }
        return list;
    }
}
