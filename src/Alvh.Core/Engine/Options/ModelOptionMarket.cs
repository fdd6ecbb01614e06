using System.Collections.Concurrent;
using System.Collections.Frozen;
using Alvh.Calendars;
using Alvh.MarketData;
using Alvh.Model;

namespace Alvh.Engine.Options;

/// <summary>
/// The option market of a backtest, over the calibrated market model: the SPX surface from the VIX term
/// structure (<see cref="SpxSurfaceModel"/>), rates and dividends (<see cref="RatesAndDividends"/>), the
/// VIX futures curve (<see cref="VixFuturesModel"/>), VIX option vols (<see cref="VixOptionModel"/>), and
/// the listing calendars (<see cref="SpxExpirations"/>, <see cref="VxExpirations"/>).
/// </summary>
public sealed class ModelOptionMarket : IOptionMarket
{
    private readonly MarketDataSet _data;
    private readonly SpxSurfaceModel _surface;
    private readonly VixFuturesModel _futures;
    private readonly VixOptionModel _vixOptions;
    private readonly RatesAndDividends _carry;
    private readonly ListingRules _listing;
    private readonly double[] _spx;
    private readonly double[] _spxOpen;
    private readonly double[] _vix;
    private readonly double[] _vixOpen;
    private readonly double _vixVolMultiplier;
    private readonly FrozenSet<DateOnly> _amSettled;
    private readonly ConcurrentDictionary<(int Day, int Target), DateOnly?> _spxExpiries = new();

    /// <summary>Creates the market over the models.</summary>
    /// <param name="data">The market data.</param>
    /// <param name="surface">The SPX surface.</param>
    /// <param name="futures">The VIX futures curve.</param>
    /// <param name="vixOptions">The VIX option vols.</param>
    /// <param name="carry">Rates and dividends.</param>
    /// <param name="listing">Which expirations may be traded.</param>
    /// <param name="vixVolMultiplier">Multiplier on every VIX option vol.</param>
    /// <param name="spxOpen">Where the S&amp;P 500's level at the open is read (<see cref="OpenLevels.Spx"/>).</param>
    public ModelOptionMarket(MarketDataSet data, SpxSurfaceModel surface, VixFuturesModel futures, VixOptionModel vixOptions, RatesAndDividends carry, ListingRules listing, double vixVolMultiplier = 1.0, SpxOpenSource spxOpen = SpxOpenSource.Spy)
    {
        _vixVolMultiplier = vixVolMultiplier;
        _data = data;
        _surface = surface;
        _futures = futures;
        _vixOptions = vixOptions;
        _carry = carry;
        _listing = listing;
        _spx = data.Aligned("spx");
        _vix = data.Aligned("vix");
        _spxOpen = OpenLevels.Spx(data, spxOpen);
        _vixOpen = OpenLevels.Trusted(data, "vix");
        // The calendar rules are pure but not cheap; the SPX settlement style is asked on every valuation.
        _amSettled = SpxExpirations.ExpirationsBetween(data.Calendar.First, data.Calendar.Last.AddDays(800))
            .Where(e => e.Settlement == SettlementStyle.AmOpen).Select(e => e.Date).ToFrozenSet();
        // Formatted when a report asks (a simulated path builds a market per path and never reports it).
        Assumptions = new LazyList<Assumption>(() =>
        [
            .. MarketModelAssumptions.All(surface, futures, vixOptions).Select(a => a with { Name = "model." + a.Name }),
            .. listing.ToAssumptions(),
            new("model.vixOpen", "the VIX's open where it lies within the day's low-high range and the day is not one number; else none (the previous close stands)", "",
                "fills at the open read what is known then: vix-daily.csv has opens outside the day's range (41.60 against a high of 13.61 on 2006-02-08), and before 1992 its open is its close"),
            spxOpen == SpxOpenSource.Spy
                ? new("model.spxOpen", "the S&P 500's level at the open: the previous close times SPY's overnight move (its open / (its previous close - the dividend going ex)), SPY's open read under the VIX's rule and not where it is its previous close; else the index's own open under the VIX's rule (before 1993-01-29, SPY's data errors); else the previous close", "",
                    "open fills and A.M. settlements see the overnight move: the index's first print lags it (2020-03-16: -7.5% against SPY's -10.4%; 2014-01-02 to 2025-05-09, 2,853 days: correlation 0.94, 0.50% a day against SPY's 0.72%), is the previous close on 3,757 days of the Yahoo file (most of 1990-2005, 152 days of 2011-2013) and is missing from 2025-05-12 (FRED closes)")
                : new("model.spxOpen", "the S&P 500's own open under the VIX's rule; without one the previous close stands", "",
                    "a simulated path's open is its own (its SPY is the index / 10); on history, the study's open-first-print scenario reads the index's first print as the model did before 2026-11-28"),
        ]);
    }

    /// <inheritdoc />
    public IReadOnlyList<Assumption> Assumptions { get; }

    /// <summary>The S&amp;P 500's level at each day's open (<see cref="OpenLevels.Spx"/>; NaN: none). Do not mutate.</summary>
    public double[] SpxOpens => _spxOpen;

    /// <inheritdoc />
    public DateOnly Date(int day) => _data.Calendar[day];

    /// <inheritdoc />
    public double SpxSpot(int day) => _spx[day];

    /// <inheritdoc />
    public double SpxOpen(int day) => _spxOpen[day];

    /// <inheritdoc />
    public double Rate(int day) => _carry.Rate(day);

    /// <inheritdoc />
    public double DividendYield(int day) => _carry.DividendYield(day);

    /// <inheritdoc />
    public double SpxVol(int day, double strike, double t) => _surface.Surface(day).Vol(strike, t);

    /// <inheritdoc />
    public double Vix(int day) => _vix[day];

    /// <inheritdoc />
    public double VixOpen(int day) => _vixOpen[day];

    /// <inheritdoc />
    public double VixSettlement(DateOnly expiry, int day)
    {
        double soq = _vixOptions.SettlementValue(expiry);
        return double.IsNaN(soq) ? (double.IsNaN(_vixOpen[day]) ? _vix[day] : _vixOpen[day]) : soq;
    }

    /// <inheritdoc />
    public double VixFuture(int day, DateOnly expiry) => _futures.Future(day, expiry);

    /// <inheritdoc />
    public double VixOptionVol(int day, DateOnly expiry, double strike) => _vixOptions.Vol(day, expiry, strike) * _vixVolMultiplier;

    /// <inheritdoc />
    /// <remarks>
    /// The listing rules are pure but not cheap, and a study asks the same (day, target) of every run: memoised per market
    /// (safe across parallel runs), over the calendar's memo of <see cref="SpxExpirations.NearestListed"/> that markets on
    /// the same dates share (a Monte Carlo's paths); a second per-market memo of that date only added an insert per miss.
    /// </remarks>
    public DateOnly? SpxExpiry(int day, int targetDays) => _spxExpiries.GetOrAdd((day, targetDays), static (key, market) => market.FindSpxExpiry(key.Day, key.Target), this);

    private DateOnly? FindSpxExpiry(int day, int targetDays)
    {
        var date = Date(day);
        var expiry = SpxExpirations.Default.NearestListed(date, targetDays, _listing.SpxAsIf);
        if (expiry is null) return null;
        int dte = expiry.Value.DayNumber - date.DayNumber;
        return Math.Abs(dte - targetDays) <= _listing.SpxDteTolerance && dte > 1 ? expiry : null;
    }

    /// <inheritdoc />
    public bool IsAmSettled(DateOnly expiry) => _amSettled.Contains(expiry);

    /// <inheritdoc />
    public bool VixOptionsListed(DateOnly date) => _listing.VixAsIf || date >= ListingRules.VixOptionsLaunch;

    /// <inheritdoc />
    public bool SpxWeekliesListed(DateOnly date) => _listing.SpxAsIf || date >= SpxExpirations.FridayWeeklyListingStart;

    /// <inheritdoc />
    public DateOnly? VixExpiry(int day, int targetDays)
    {
        var date = Date(day);
        if (date < ListingRules.VixOptionsLaunch && !_listing.VixAsIf) return null;
        var target = date.AddDays(targetDays);
        DateOnly? best = null;
        int bestDistance = int.MaxValue;
        // VX expirations from the month of the target ± one month; VIX options expire with them.
        for (int k = -1; k <= 2; k++)
        {
            var month = new DateOnly(target.Year, target.Month, 1).AddMonths(k);
            var e = VxExpirations.ForContractMonth(month.Year, month.Month);
            if (e.DayNumber - date.DayNumber < 7) continue;
            int distance = Math.Abs(e.DayNumber - target.DayNumber);
            if (distance < bestDistance)
            {
                best = e;
                bestDistance = distance;
            }
        }
        return best;
    }

}
