using System.Globalization;

namespace Alvh.MarketData;

/// <summary>
/// The data quality checks of the catalog, as pure functions over a series, the physical line of
/// each of its rows, and the trading calendar. Each finding names file and line.
/// </summary>
public static class DataQuality
{
    /// <summary>
    /// Gaps: trading days between the series' first and last row (clipped to the calendar) on which
    /// it has no row or a missing value, grouped into runs. The finding sits on the line of the row
    /// after the gap.
    /// </summary>
    public static void Gaps(DailySeries s, ReadOnlySpan<int> lines, TradingCalendar calendar, List<DataIssue> into)
    {
        if (s.Count == 0 || calendar.Count == 0) return;
        int start = calendar.IndexOnOrAfter(s.Dates[0]);
        int end = calendar.IndexOnOrBefore(s.Dates[^1]);
        int row = 0;
        int runStart = -1;
        for (int d = start; d <= end; d++)
        {
            var day = calendar[d];
            while (row < s.Count && s.Dates[row] < day) row++;
            bool present = row < s.Count && s.Dates[row] == day && !double.IsNaN(s.Close[row]);
            if (!present)
            {
                if (runStart < 0) runStart = d;
                continue;
            }
            if (runStart >= 0)
            {
                Report(s, lines[row], calendar, runStart, d - 1, into);
                runStart = -1;
            }
        }
        if (runStart >= 0) Report(s, lines[^1], calendar, runStart, end, into);
    }

    private static void Report(DailySeries s, int line, TradingCalendar calendar, int from, int to, List<DataIssue> into)
    {
        int n = to - from + 1;
        string span = n == 1 ? Iso(calendar[from]) : $"{Iso(calendar[from])}..{Iso(calendar[to])}";
        into.Add(new DataIssue(s.File, line, "gap", $"{n} trading day{(n == 1 ? "" : "s")} without a value: {span}"));
    }

    /// <summary>Rows whose value is zero or negative (rates may legitimately be 0; still worth a look).</summary>
    public static void NonPositive(DailySeries s, ReadOnlySpan<int> lines, List<DataIssue> into)
    {
        for (int i = 0; i < s.Count; i++)
        {
            if (s.Close[i] <= 0) into.Add(new DataIssue(s.File, lines[i], "non-positive", $"{Iso(s.Dates[i])}: value {Num(s.Close[i])} is not positive"));
        }
    }

    /// <summary>Rows where open, high, low and close are inconsistent (low above high, open or close outside [low, high]).</summary>
    public static void Ohlc(DailySeries s, ReadOnlySpan<int> lines, List<DataIssue> into)
    {
        if (!s.HasOhlc) return;
        var open = s.Open!;
        var high = s.High!;
        var low = s.Low!;
        for (int i = 0; i < s.Count; i++)
        {
            double o = open[i], h = high[i], l = low[i], c = s.Close[i];
            if (double.IsNaN(o) || double.IsNaN(h) || double.IsNaN(l) || double.IsNaN(c)) continue;
            // Half a cent of tolerance: sources round each field separately.
            const double tol = 0.005;
            if (l > h + tol || o > h + tol || c > h + tol || o < l - tol || c < l - tol)
            {
                into.Add(new DataIssue(s.File, lines[i], "ohlc", $"{Iso(s.Dates[i])}: inconsistent OHLC (open {Num(o)}, high {Num(h)}, low {Num(l)}, close {Num(c)})"));
            }
        }
    }

    /// <summary>Day-over-day moves between consecutive rows with values that exceed <paramref name="rule"/>.</summary>
    public static void Outliers(DailySeries s, ReadOnlySpan<int> lines, OutlierRule rule, List<DataIssue> into)
    {
        int prev = -1;
        for (int i = 0; i < s.Count; i++)
        {
            if (double.IsNaN(s.Close[i])) continue;
            if (prev >= 0 && rule.IsOutlier(s.Close[prev], s.Close[i]))
            {
                into.Add(new DataIssue(s.File, lines[i], "outlier",
                    $"{Iso(s.Dates[i])}: {rule.Describe(s.Close[prev], s.Close[i])} from {Iso(s.Dates[prev])} ({Num(s.Close[prev])} to {Num(s.Close[i])})"));
            }
            prev = i;
        }
    }

    /// <summary>
    /// VX settles: per contract, day-over-day settle moves beyond <paramref name="rule"/>, and trade
    /// dates that are not trading days of the calendar (within its range).
    /// </summary>
    public static void VxSettles(VxFuturesHistory h, ReadOnlySpan<int> lines, TradingCalendar calendar, OutlierRule rule, List<DataIssue> into)
    {
        var last = new Dictionary<DateOnly, int>();
        DateOnly? lastChecked = null;
        for (int i = 0; i < h.Count; i++)
        {
            var td = h.TradeDates[i];
            if (lastChecked != td)
            {
                lastChecked = td;
                if (td >= calendar.First && td <= calendar.Last && !calendar.IsTradingDay(td))
                {
                    into.Add(new DataIssue(h.File, lines[i], "non-trading-day", $"{Iso(td)} is not an NYSE trading day"));
                }
            }
            double settle = h.Settle[i];
            if (double.IsNaN(settle)) continue;
            var exp = h.Expirations[i];
            if (last.TryGetValue(exp, out int p) && rule.IsOutlier(h.Settle[p], settle))
            {
                into.Add(new DataIssue(h.File, lines[i], "outlier",
                    $"{Iso(td)} contract {Iso(exp)}: settle {rule.Describe(h.Settle[p], settle)} from {Iso(h.TradeDates[p])} ({Num(h.Settle[p])} to {Num(settle)})"));
            }
            last[exp] = i;
        }
    }

    internal static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Num(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
