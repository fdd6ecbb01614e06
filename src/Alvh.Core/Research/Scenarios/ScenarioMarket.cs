using Alvh.Calendars;
using Alvh.MarketData;
using Alvh.Model;
using Alvh.Runs;

namespace Alvh.Research.Scenarios;

/// <summary>
/// Turns a simulated path into market data the whole system runs on (<see cref="MarketContext.Build"/>):
/// SPX with OHLC; VIX with open and close; VIX9D/VIX3M/VIX6M and VVIX from the path; SPY = SPX / 10 with a
/// dividend at the anchor's constant yield on each quarterly third Friday (paid 30 days later), and a
/// Shiller row per month with the same yield for the first year (before SPY has a trailing year); DTB3 held
/// at the anchor's last value; VX settles from the historical curve F = θ + (VIX − θ)e^{−κτ} over the first
/// 40 days, on which the VX model refits (and so recovers θ and κ). The anchor's scheduled macro events laid on the
/// path's days (<see cref="ScenarioEvents"/>), so that the event rules run as on history: until 2026-11-28 a path had
/// none, and the condor's entry buffer and the ALVH's event tranche never fired on one.
/// </summary>
public static class ScenarioMarket
{
    private const int VxFitDays = 40;

    /// <summary>The data and the model settings (VX fit window on the path) of <paramref name="path"/>.</summary>
    public static (MarketDataSet Data, ModelSettings Settings) Build(ScenarioPath path, ScenarioAnchor anchor, ModelSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(anchor);
        var days = path.Days;
        int n = days.Length;
        if (n < VxFitDays + 2) throw new ArgumentException("a path needs at least 42 days", nameof(path));
        double[] Scale(double[] x, double f) => x.Select(v => v * f).ToArray();
        var vixHigh = path.VixClose.Select((c, i) => Math.Max(c, path.VixOpen[i])).ToArray();
        var vixLow = path.VixClose.Select((c, i) => Math.Min(c, path.VixOpen[i])).ToArray();
        var daily = new List<DailySeries>
        {
            new("spx", "simulated", days, path.SpxClose, path.SpxOpen, path.SpxHigh, path.SpxLow),
            new("spy", "simulated", days, Scale(path.SpxClose, 0.1), Scale(path.SpxOpen, 0.1), Scale(path.SpxHigh, 0.1), Scale(path.SpxLow, 0.1), days.Select(_ => 1e8).ToArray()),
            new("vix", "simulated", days, path.VixClose, path.VixOpen, vixHigh, vixLow),
            new("vix9d", "simulated", days, path.Vix9d),
            new("vix3m", "simulated", days, path.Vix3m),
            new("vix6m", "simulated", days, path.Vix6m),
            new("vvix", "simulated", days, path.Vvix),
            new("dtb3", "simulated", days, days.Select(_ => anchor.Dtb3Percent).ToArray()),
        };
        double simpleYield = Math.Exp(anchor.DividendYield) - 1;
        var calendar = new TradingCalendar(days);
        var dividends = new List<Dividend>();
        for (var month = new DateOnly(days[0].Year, 1, 1); month <= days[^1]; month = month.AddMonths(3))
        {
            var exDate = NyseHolidays.OnOrBeforeBusinessDay(NyseHolidays.NthWeekday(month.Year, month.Month + 2, DayOfWeek.Friday, 3));
            int i = calendar.IndexOf(exDate);
            if (i < 0) continue;
            dividends.Add(new Dividend(exDate, path.SpxClose[i] * 0.1 * simpleYield / 4, exDate.AddDays(30)));
        }
        var months = new List<DateOnly>();
        for (var m = new DateOnly(days[0].Year - 1, days[0].Month, 1); m <= days[^1]; m = m.AddMonths(1)) months.Add(m);
        var price = months.Select(_ => anchor.Spx).ToArray();
        var nan = months.Select(_ => double.NaN).ToArray();
        var shiller = new ShillerMonthly("shiller", "simulated", [.. months], price, price.Select(p => p * simpleYield).ToArray(), nan, nan, nan, nan);
        var vx = VxSettles(path, anchor, calendar);
        var data = new MarketDataSet("simulated", calendar, daily, new DividendSeries("spy-dividends", "simulated", dividends), [vx], vx, null, shiller, ScenarioEvents.LaidOnce(anchor.ScheduledEvents, days[0], days[^1]), [], ["simulated path"]);
        var fit = days[VxFitDays - 1];
        var model = (settings ?? ModelSettings.Default) with
        {
            Futures = VixFuturesParameters.Default with { FitFrom = days[0], FitTo = fit, TestFrom = days[0], TestTo = fit },
            TermStructure = settings?.TermStructure ?? anchor.TermStructure,
            // The path's SPY is the index / 10 without its dividends' drops: SPY's overnight move would add each
            // ex-dividend day's yield to the open. The path's own open is the one simulated.
            SpxOpen = SpxOpenSource.Index,
        };
        return (data, model);
    }

    private static VxFuturesHistory VxSettles(ScenarioPath path, ScenarioAnchor anchor, TradingCalendar calendar)
    {
        var expirations = VxExpirations.MonthlyBetween(calendar.First, calendar.First.AddMonths(9));
        var trade = new List<DateOnly>();
        var expiry = new List<DateOnly>();
        var settle = new List<double>();
        for (int t = 0; t < VxFitDays; t++)
        {
            var day = calendar[t];
            foreach (var e in expirations.Where(e => e > day).Take(8))
            {
                double tau = (e.DayNumber - day.DayNumber) / AtmVarianceCurve.DaysPerYear;
                trade.Add(day);
                expiry.Add(e);
                settle.Add(anchor.VxTheta + (path.VixClose[t] - anchor.VxTheta) * Math.Exp(-anchor.VxKappa * tau));
            }
        }
        var s = settle.ToArray();
        var zero = new double[s.Length];
        return new VxFuturesHistory("vx-simulated", "simulated", [.. trade], [.. expiry], s, s, s, s, s, zero, zero);
    }
}
