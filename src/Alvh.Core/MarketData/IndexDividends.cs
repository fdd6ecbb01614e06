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

    /// <summary>
    /// <paramref name="index"/> (e.g. <see cref="FromShiller"/>) continued after its last payment with SPY's
    /// distributions scaled to the index: each SPY dividend with an ex-date after the last index payment
    /// becomes amount × (S&amp;P 500 close / SPY close) on the trading day before the ex-date (both cum
    /// dividend), paid on the ex-date. Shiller's dividend column ends in mid-2023; SPY's yield × the index
    /// level is the documented stand-in after it. SPY distributes its holdings' dividends net of its expense
    /// ratio (0.0945% a year), so the continuation understates the index's dividends by about that much.
    /// </summary>
    public static IReadOnlyList<Dividend> ContinuedWithSpy(IReadOnlyList<Dividend> index, IReadOnlyList<Dividend> spy, TradingCalendar calendar, ReadOnlySpan<double> indexCloses, ReadOnlySpan<double> spyCloses)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(spy);
        var list = new List<Dividend>(index);
        var after = index.Count == 0 ? DateOnly.MinValue : index[^1].ExDate;
        foreach (var d in spy)
        {
            if (d.ExDate <= after || d.ExDate <= calendar.First || d.ExDate > calendar.Last) continue;
            int i = calendar.IndexOnOrAfter(d.ExDate);
            if (i <= 0 || i >= calendar.Count || calendar[i] != d.ExDate) continue;
            double ratio = indexCloses[i - 1] / spyCloses[i - 1];
            if (!(ratio > 0)) continue;
            list.Add(new Dividend(d.ExDate, d.Amount * ratio, d.ExDate));
        }
        return list;
    }
}
