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
/// close, once SPY has a full year of history (from 1994-01-29); before that, Shiller's trailing
/// 12-month dividend over his monthly average price for the latest month on or before the day.
/// SPY's yield is net of its ≈0.09% expense ratio being in the price only, not in the dividends,
/// so it slightly understates the index yield; the difference is immaterial for option pricing.
/// The simple yield y is converted by q = ln(1 + y). No carry-forward: a day without either
/// source has NaN.
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
        DateOnly spyFullYear = spy?.First?.AddYears(1) ?? DateOnly.MaxValue;
        var dividends = data.Dividends?.Dividends ?? [];
        var shiller = data.Shiller;
        // Two pointers over the dividends: [head, tail) holds the ex-dates in (t − 365 d, t].
        int head = 0, tail = 0, month = -1;
        double trailing = 0.0;
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
            while (month + 1 < shiller.Count && shiller.Months[month + 1] <= day) month++;
            if (month < 0) continue;
            double price = shiller.Price[month], dividend = shiller.Dividend[month];
            if (price > 0.0 && dividend >= 0.0)
            {
                _dividendYield[i] = CarryRates.ContinuousFromSimpleYield(dividend / price);
                _dividendSource[i] = DividendSource.Shiller;
            }
        }
    }
}
