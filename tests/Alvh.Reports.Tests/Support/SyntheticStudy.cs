using Alvh.Analytics;
using Alvh.Engine;
using Alvh.Ledger;
using Alvh.Pricing;
using Alvh.Study;

namespace Alvh.Reports.Tests.Support;

/// <summary>
/// A small, seeded study built in memory (two years of business days, one VIX spike, four presets and a
/// baseline, ALVH trades and weekly condors in the ledger): the fast variant of the report tests.
/// </summary>
public static class SyntheticStudy
{
    public static (StudyResult Study, ReportSeries Series) Build(int days = 520, int seed = 7)
    {
        var rng = new Random(seed);
        var dates = new List<DateOnly>();
        for (var d = new DateOnly(2019, 1, 2); dates.Count < days; d = d.AddDays(1))
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) dates.Add(d);
        var spx = new double[days];
        var vix = new double[days];
        var bills = new double[days];
        spx[0] = 2500;
        vix[0] = 14;
        int spike = days * 3 / 5;
        for (int t = 1; t < days; t++)
        {
            double shock = t >= spike && t < spike + 20 ? -0.025 : 0.0005;
            spx[t] = spx[t - 1] * (1 + shock + 0.009 * Gaussian(rng));
            vix[t] = Math.Max(9, vix[t - 1] + 0.1 * (15 - vix[t - 1]) + (t >= spike && t < spike + 15 ? 3 : 0) + 0.8 * Gaussian(rng));
            bills[t] = 0.02 / 252;
        }
        var curves = new (string Name, string Description, Func<int, double> DailyExtra)[]
        {
            ("drip", "SPY with dividends reinvested.", _ => 0),
            ("drip-condor", "DRIP plus weekly SPX iron condors.", t => t >= spike && t < spike + 5 ? -0.004 : 0.0002),
            ("drip-alvh", "DRIP plus the layered VIX hedge.", t => t >= spike && t < spike + 20 ? 0.006 : -0.0001),
            ("drip-condor-alvh", "The full system: DRIP, condors and the ALVH.", t => t >= spike && t < spike + 20 ? 0.004 : 0.0001),
            ("drip-same-vol", "DRIP de-levered to the full system's volatility.", t => t >= spike && t < spike + 20 ? 0.005 : -0.0001),
        };
        var windows = new (string Id, string Name, DateOnly Start, DateOnly End)[]
        {
            ("2019", "2019 wobble", dates[60], dates[120]),
            ("crash", "Synthetic crash", dates[spike - 5], dates[spike + 40]),
            ($"vix-{dates[spike]:yyyy-MM-dd}", $"High-VIX episode {dates[spike]:yyyy-MM-dd} (peak 60.0)", dates[spike], dates[spike + 30]),
        };
        var runs = new List<StudyRun>();
        var dateArray = dates.ToArray();
        foreach (var (name, description, extra) in curves)
        {
            var equity = new double[days];
            equity[0] = 1_000_000;
            for (int t = 1; t < days; t++) equity[t] = equity[t - 1] * (spx[t] / spx[t - 1] + extra(t));
            var metrics = Metrics.Compute(equity, dateArray, [], spx, bills, vix);
            var windowResults = windows.Select(w => new WindowResult(w.Id, w.Name, w.Start, w.End,
                equity[dates.IndexOf(w.End)] / equity[dates.IndexOf(w.Start)] - 1, Drawdowns.MaximumInWindow(equity, dateArray, w.Start, w.End).Depth)).ToList();
            var backtest = name.StartsWith("drip-same", StringComparison.Ordinal) ? null : Backtest(name, dateArray, equity, vix);
            runs.Add(new StudyRun(name, description, dateArray, equity, metrics, windowResults, 0.01 * runs.Count - 0.02, PeriodReturns.Annual(equity, dateArray), backtest));
        }
        var claims = new List<ClaimRow>();
        foreach (var hedged in new[] { "drip-alvh", "drip-condor-alvh", "drip-same-vol" })
        {
            var run = runs.First(r => r.Name == hedged);
            foreach (var w in runs[0].Windows)
            {
                var h = run.Windows.First(x => x.Id == w.Id);
                double points = h.MaxDrawdown - w.MaxDrawdown;
                claims.Add(new ClaimRow(w.Id, w.Name, hedged, w.MaxDrawdown, h.MaxDrawdown, w.MaxDrawdown < 0 ? points / -w.MaxDrawdown : double.NaN, points));
            }
        }
        var assumptions = new List<Assumption>
        {
            new("fillTiming", "next-close", "", "Orders decided at a close fill at the next close: no look-ahead."),
            new("spxCommission", "1.28", "$/contract", "Retail broker commission plus exchange fees <typical>."),
            new("vixSkew", "0.15", "fraction", "Call skew of VIX options & their surface."),
        };
        var study = new StudyResult(dates[0], dates[^1], 25, 20, runs, claims,
            [new CalmYearCost("drip-alvh", [2019], 0.004, [2019], 0.004), new CalmYearCost("drip-condor-alvh", [2019], -0.01, [2019], -0.01)],
            [new BaselineFit("drip-same-vol", "volatility", 0.15, 0.85, 0.15, null), new BaselineFit("drip-same-cagr", "cagr", 0.08, double.NaN, double.NaN, "unreachable with weights in [0, 1]")],
            "Synthetic verdict: the hedge <b>cut</b> the crash drawdown & cost a little in calm years.", assumptions,
            ["Synthetic data: a seeded random walk with one crash.", "Option prices come from nowhere: this is a test."]);
        return (study, new ReportSeries(dateArray, spx, bills, vix));
    }

    /// <summary>A backtest result with the sleeves, trades and ledger entries the charts read.</summary>
    public static BacktestResult Backtest(string name, DateOnly[] dates, double[] equity, double[] vix)
    {
        var sleeves = new List<string> { "drip" };
        bool condors = name.Contains("condor", StringComparison.Ordinal);
        bool alvh = name.Contains("alvh", StringComparison.Ordinal);
        if (condors) sleeves.Add("condor");
        if (alvh) sleeves.Add("alvh-30");
        double peak = 0;
        var daily = new List<DailyRecord>();
        for (int t = 0; t < dates.Length; t++)
        {
            peak = Math.Max(peak, equity[t]);
            daily.Add(new DailyRecord(dates[t], equity[t], 1000, [.. sleeves.Select(_ => equity[t] / sleeves.Count)], vix[t], equity[t] / peak - 1));
        }
        var trades = new List<TradeRecord>();
        var ledger = new TradeLedger();
        if (alvh)
        {
            for (int t = 10; t < dates.Length; t += 25)
            {
                var call = Instrument.VixOption(OptionRight.Call, 20, dates[Math.Min(t + 30, dates.Length - 1)]);
                string reason = t == 10 ? "establish layer" : vix[t] > 30 ? "monetise: VIX above 30" : t % 50 == 10 ? "roll: new layer" : "tranche: MACD(VIX) crossed up";
                trades.Add(new TradeRecord(dates[t], "alvh-30", call.Id, reason.StartsWith("monetise", StringComparison.Ordinal) ? -5 : 5, 1.2, 6, reason));
            }
        }
        if (condors)
        {
            var rng = new Random(11);
            for (int t = 5; t + 5 < dates.Length; t += 5)
            {
                var expiry = dates[t + 5];
                var shortPut = Instrument.SpxOption(OptionRight.Put, 2400, expiry);
                double credit = 300 + 50 * rng.NextDouble();
                ledger.Append(dates[t], EntryKind.Fill, "condor", shortPut, -1, credit / 100, credit, "open condor");
                ledger.Append(dates[t], EntryKind.Fee, "condor", shortPut, 0, 0, -1.28, "commissions and fees");
                trades.Add(new TradeRecord(dates[t], "condor", shortPut.Id, -1, credit / 100, 1.28, "open condor 2350/2400/2600/2650 credit 3.00"));
                double close = rng.NextDouble() < 0.8 ? 0.5 * credit : 2.5 * credit;
                if (t % 15 == 5) ledger.Append(expiry, EntryKind.Settlement, "condor", shortPut, 1, 0, 0, "expiry");
                else ledger.Append(dates[t + 3], EntryKind.Fill, "condor", shortPut, 1, close / 100, -close, close < credit ? "take profit" : "stop loss");
            }
        }
        return new BacktestResult(sleeves, daily, trades, ledger, [],
            [new Assumption("fillTiming", "next-close", "", "No look-ahead."), new Assumption("condorWidth", "50", "points", "Wing width.")], 1234);
    }

    private static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
