using Alvh.MarketData;

namespace Alvh.Model;

/// <summary>
/// The risk-free rate r and the SPX dividend yield q on every trading day of a
/// <see cref="MarketDataSet"/>, both continuously compounded, annualised fractions (act/365), so
/// the SPX forward is F = S e^{(r−q)T}. Built once; per-day reads are array lookups.
/// </summary>
/// <remarks>
/// <para>
/// Rate: FRED DTB3 (3-month bill, discount basis) converted by
/// <see cref="CarryRates.FromDiscountYield"/>. Rule for gaps, applied to rates only: inside DTB3's
/// coverage a missing day (a bond-market holiday while equities trade) carries the last published
/// DTB3 value — a bill rate moves little in a day and the alternative (no price at all) is worse.
/// Before the first or after the last DTB3 value the effective fed funds rate (DFF) is used,
/// converted by <see cref="CarryRates.FromFedFunds"/> and carried the same way.
/// </para>
/// <para>
/// Dividend yield: trailing 12-month SPY distributions (ex-dates in (t − 365 days, t]) over the SPY
/// close, once SPY has a full year of history (from 1994-01-29) and the data hold its distributions;
/// before that, or in a data folder without SPY's distributions, Shiller's trailing 12-month dividend
/// over his monthly average price for the latest month ended before the day (on 1991-06-14, May 1991's: June's
/// average holds closes after the day). (Without distributions
/// SPY's trailing yield is 0 whatever SPY paid; until 2026-11-28 it was used, so a folder of SPY's prices
/// and Shiller's file priced every option, and simulated every path, at a 0% dividend yield.)
/// SPY's yield is net of its ≈0.09% expense ratio being in the price only, not in the dividends,
/// so it slightly understates the index yield; the difference is immaterial for option pricing.
/// The simple yield y is converted by q = ln(1 + y). Shiller's D/P of his last month with a dividend
/// is carried over his later months without one (his file's FRED extension, from 2023-07 in the shared
/// data, holds prices only); no other carry-forward: a day without either source has NaN.
/// </para>
/// </remarks>
public sealed class RatesAndDividends
{
    private readonly double[] _rate;
    private readonly double[] _dividendYield;
    private readonly RateSource[] _rateSource;
    private readonly DividendSource[] _dividendSource;

    /// <summary>Builds the per-day arrays from the data set (ids <c>dtb3</c>, <c>dff</c>, <c>spy</c>, SPY dividends, Shiller).</summary>
    public RatesAndDividends(MarketDataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Calendar = data.Calendar;
        int n = Calendar.Count;
        _rate = new double[n];
        _rateSource = new RateSource[n];
        _dividendYield = new double[n];
        _dividendSource = new DividendSource[n];
        FillRates(data);
        FillDividendYields(data);
    }

    /// <summary>The trading calendar the arrays are indexed on.</summary>
    public TradingCalendar Calendar { get; }

    /// <summary>Risk-free rate on trading day <paramref name="dayIndex"/>, continuously compounded annualised fraction; NaN when unknown.</summary>
    public double Rate(int dayIndex) => _rate[dayIndex];

    /// <summary>SPX dividend yield on trading day <paramref name="dayIndex"/>, continuous annualised fraction; NaN when unknown.</summary>
    public double DividendYield(int dayIndex) => _dividendYield[dayIndex];

    /// <summary>Which source gave the rate on that day.</summary>
    public RateSource RateSourceOn(int dayIndex) => _rateSource[dayIndex];

    /// <summary>Which source gave the dividend yield on that day.</summary>
    public DividendSource DividendSourceOn(int dayIndex) => _dividendSource[dayIndex];

    /// <summary>True when the data hold SPY's distributions (the DRIP's dividends, and the trailing yield's numerator).</summary>
    public bool HasSpyDistributions { get; private set; }

    /// <summary>The dividend yield's rule as the data allow it (the sources found), for the assumptions.</summary>
    public string DividendRule { get; private set; } = "";

    /// <summary>
    /// What the data leave out of trading days <paramref name="from"/> to <paramref name="to"/> (calendar indices), as notes
    /// for the console and the reports: no SPY distributions (the DRIP reinvests nothing; the yield is Shiller's), and days
    /// without any dividend yield (no SPX option has a price on them). Empty when the data hold both.
    /// </summary>
    public IReadOnlyList<string> DividendNotes(int from, int to)
    {
        var notes = new List<string>();
        if (!HasSpyDistributions)
        {
            notes.Add("The data hold no SPY distributions (spy-dividends.csv; 'alvh data fetch' downloads it): SPY pays no dividend in the runs, so the DRIP reinvests nothing, and the SPX dividend yield is Shiller's where his file is in the data.");
        }
        int missing = 0, first = -1, last = -1;
        for (int i = Math.Max(0, from); i <= Math.Min(to, _dividendSource.Length - 1); i++)
        {
            if (_dividendSource[i] != DividendSource.None) continue;
            missing++;
            if (first < 0) first = i;
            last = i;
        }
        if (missing > 0)
        {
            notes.Add(FormattableString.Invariant($"No SPX dividend yield on {missing:#,0} trading days, {Calendar[first]:yyyy-MM-dd} to {Calendar[last]:yyyy-MM-dd} (neither a trailing year of SPY's distributions nor Shiller's file covers them): no SPX option has a price on those days, so the condor neither opens nor marks one then."));
        }
        return notes;
    }

    /// <summary>The per-day rates (do not mutate).</summary>
    public ReadOnlySpan<double> Rates => _rate;

    /// <summary>The per-day dividend yields (do not mutate).</summary>
    public ReadOnlySpan<double> DividendYields => _dividendYield;

    private void FillRates(MarketDataSet data)
    {
        int n = _rate.Length;
        _rate.AsSpan().Fill(double.NaN);
        var dtb3 = data.Find("dtb3");
        var dff = data.Find("dff");
        double[]? bill = dtb3 is null ? null : data.Aligned("dtb3");
        double[]? funds = dff is null ? null : data.Aligned("dff");
        DateOnly? firstBill = null, lastBill = null;
        if (dtb3 is not null)
        {
            for (int i = 0; i < dtb3.Count; i++)
            {
                if (double.IsNaN(dtb3.Close[i])) continue;
                firstBill ??= dtb3.Dates[i];
                lastBill = dtb3.Dates[i];
            }
        }
        double lastBillRate = double.NaN, lastFundsRate = double.NaN;
        for (int i = 0; i < n; i++)
        {
            var day = Calendar[i];
            if (funds is not null && !double.IsNaN(funds[i])) lastFundsRate = CarryRates.FromFedFunds(funds[i]);
            bool inBillCoverage = firstBill is not null && day >= firstBill && day <= lastBill;
            if (inBillCoverage && bill is not null)
            {
                if (!double.IsNaN(bill[i]))
                {
                    lastBillRate = CarryRates.FromDiscountYield(bill[i]);
                    _rate[i] = lastBillRate;
                    _rateSource[i] = RateSource.Dtb3;
                    continue;
                }
                if (!double.IsNaN(lastBillRate))
                {
                    _rate[i] = lastBillRate;
                    _rateSource[i] = RateSource.Dtb3Carried;
                    continue;
                }
            }
            if (!double.IsNaN(lastFundsRate))
            {
                _rate[i] = lastFundsRate;
                _rateSource[i] = RateSource.FedFunds;
            }
        }
    }

    private void FillDividendYields(MarketDataSet data)
    {
        int n = _dividendYield.Length;
        _dividendYield.AsSpan().Fill(double.NaN);
        var spy = data.Find("spy");
        double[]? spyClose = spy is null ? null : data.Aligned("spy");
        var dividends = data.Dividends?.Dividends ?? [];
        // SPY's trailing yield needs its distributions: without them it is 0 however much SPY paid.
        DateOnly spyFullYear = dividends.Count > 0 ? spy?.First?.AddYears(1) ?? DateOnly.MaxValue : DateOnly.MaxValue;
        var shiller = data.Shiller;
        HasSpyDistributions = dividends.Count > 0;
        DividendRule = (HasSpyDistributions && spyClose is not null, shiller is not null) switch
        {
            (true, true) => FormattableString.Invariant($"ln(1 + TTM SPY dividends / SPY close); Shiller D/P before {spyFullYear:yyyy-MM-dd}"),
            (true, false) => FormattableString.Invariant($"ln(1 + TTM SPY dividends / SPY close) from {spyFullYear:yyyy-MM-dd}; none before (no Shiller file)"),
            (false, true) => $"ln(1 + Shiller D/P) throughout (the data hold no SPY {(HasSpyDistributions ? "prices" : "distributions")})",
            (false, false) => "none (the data hold neither SPY's distributions with its prices nor Shiller's file)",
        };
        // Two pointers over the dividends: [head, tail) holds the ex-dates in (t − 365 d, t].
        int head = 0, tail = 0, month = -1;
        double trailing = 0.0, shillerYield = double.NaN;
        DateOnly lastShillerMonth = DateOnly.MinValue;
        DateOnly? shillerCarriedFrom = null;
        for (int i = 0; i < n; i++)
        {
            var day = Calendar[i];
            while (tail < dividends.Count && dividends[tail].ExDate <= day) trailing += dividends[tail++].Amount;
            var windowStart = day.AddDays(-365);
            while (head < tail && dividends[head].ExDate <= windowStart) trailing -= dividends[head++].Amount;
            if (spyClose is not null && day >= spyFullYear && spyClose[i] > 0.0)
            {
                _dividendYield[i] = CarryRates.ContinuousFromSimpleYield(trailing / spyClose[i]);
                _dividendSource[i] = DividendSource.SpyTrailing;
                continue;
            }
            if (shiller is null) continue;
            // A month's row is read from the next month on: his price is the average of the month's daily closes and his
            // D the trailing dividends to its end, so on a day inside it both hold later days (look-ahead: the June 1991 row
            // moved the marks of 1991-06-03..14 and a condor filled on 1991-06-14 when only June's later closes changed).
            while (month + 1 < shiller.Count && shiller.Months[month + 1].AddMonths(1) <= day)
            {
                month++;
                double price = shiller.Price[month], dividend = shiller.Dividend[month];
                if (price > 0.0 && dividend >= 0.0)
                {
                    shillerYield = dividend / price;
                    lastShillerMonth = shiller.Months[month];
                }
            }
            // The yield of his last month with a dividend: the file's FRED-extended months (from 2023-07 in the shared
            // data) carry prices only, and D/P moves slowly where a stale dividend over a new price would not.
            if (double.IsNaN(shillerYield)) continue;
            _dividendYield[i] = CarryRates.ContinuousFromSimpleYield(shillerYield);
            _dividendSource[i] = DividendSource.Shiller;
            if (lastShillerMonth < shiller.Months[month]) shillerCarriedFrom ??= lastShillerMonth;
        }
        if (shillerCarriedFrom is { } carried)
        {
            DividendRule += FormattableString.Invariant($"; Shiller's D/P of {carried:yyyy-MM} carried over his later months without a dividend");
        }
    }
}
