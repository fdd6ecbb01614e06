using Alvh.MarketData;

namespace Alvh.Model;

/// <summary>
/// VX (VIX futures) prices on every trading day: the real daily settlement from the merged VX
/// history where the contract traded that day, otherwise the mean-reverting model
/// F(τ) = θ + (VIX − θ)·e^{−κτ} (τ in years of 365 days), fitted once by least squares on real
/// settles in a fit window and tested out of sample (<see cref="FitReport"/>).
/// </summary>
/// <remarks>
/// The model is the expectation of an Ornstein–Uhlenbeck VIX under the pricing measure (the
/// futures price is the risk-neutral expected VIX at expiry; e.g. Zhang and Zhu, "VIX Futures",
/// Journal of Futures Markets 26(6), 2006, use the same mean-reverting form). θ absorbs the
/// average variance risk premium (contango), which is why it sits above the average VIX.
/// Expirations come from the data (distinct VX expirations), with
/// a fallback rule for months beyond it (or a caller-supplied rule).
/// </remarks>
public sealed class VixFuturesModel
{
    private readonly VxFuturesHistory? _vx;
    private readonly double[] _vix;
    private readonly double[] _vixCarried;
    private readonly double[]? _vixOpen;
    private readonly int[] _rowStart, _rowEnd; // rows of day i are [_rowStart[i], _rowEnd[i])
    private readonly DateOnly[] _expirations;

    /// <summary>Builds and fits the model.</summary>
    /// <param name="data">Market data (ids vix; merged VX history <see cref="MarketDataSet.Vx"/>).</param>
    /// <param name="parameters">Fit and test windows; <see cref="VixFuturesParameters.Default"/> when null.</param>
    /// <param name="expirationRule">Expiration of the contract of (year, month) for months beyond the data; the Cboe rule with exchange holidays (<see cref="Calendars.VxExpirations"/>) when null.</param>
    public VixFuturesModel(MarketDataSet data, VixFuturesParameters? parameters = null, Func<int, int, DateOnly>? expirationRule = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        Parameters = parameters ?? VixFuturesParameters.Default;
        Calendar = data.Calendar;
        _vx = data.Vx;
        _vix = data.Aligned("vix");
        _vixCarried = data.AlignedCarried("vix");
        var vixSeries = data.Get("vix");
        _vixOpen = vixSeries.Open is null ? null : Calendar.Align(vixSeries.Dates, vixSeries.Open);
        int n = Calendar.Count;
        _rowStart = new int[n];
        _rowEnd = new int[n];
        int row = 0;
        var trade = _vx?.TradeDates ?? [];
        for (int i = 0; i < n; i++)
        {
            while (row < trade.Length && trade[row] < Calendar[i]) row++;
            _rowStart[i] = row;
            while (row < trade.Length && trade[row] == Calendar[i]) row++;
            _rowEnd[i] = row;
        }
        _expirations = BuildExpirations(expirationRule);
        FitReport = Fit();
        Theta = FitReport.Theta;
        Kappa = FitReport.Kappa;
    }

    /// <summary>Fit and test windows.</summary>
    public VixFuturesParameters Parameters { get; }

    /// <summary>The trading calendar the days index.</summary>
    public TradingCalendar Calendar { get; }

    /// <summary>Fitted long-run level θ, VIX points.</summary>
    public double Theta { get; }

    /// <summary>Fitted mean-reversion speed κ, per year.</summary>
    public double Kappa { get; }

    /// <summary>The fit and its out-of-sample errors by tenor bucket.</summary>
    public VxFitReport FitReport { get; }

    /// <summary>Monthly VX expirations: every one in the data, plus rule-based ones for every other month from the calendar's first month (VX listed only from 2004: earlier ones are synthetic, for modelled backtests) to a year past its end, sorted.</summary>
    public IReadOnlyList<DateOnly> Expirations => _expirations;

    /// <summary>The curve of trading day <paramref name="dayIndex"/>.</summary>
    public VixFuturesCurve Curve(int dayIndex) => new(this, dayIndex);

    /// <summary>VIX close on the day, points (NaN when missing).</summary>
    public double VixClose(int dayIndex) => _vix[dayIndex];

    /// <summary>The first monthly expiration on or after <paramref name="date"/> (the front contract on that date), or null beyond the list.</summary>
    public DateOnly? ExpirationOnOrAfter(DateOnly date)
    {
        int i = Array.BinarySearch(_expirations, date);
        if (i < 0) i = ~i;
        return i < _expirations.Length ? _expirations[i] : null;
    }

    /// <summary>Futures price (VIX points) on day <paramref name="dayIndex"/> for the contract expiring on <paramref name="expiration"/>: settle if observed, else the model.</summary>
    public double Future(int dayIndex, DateOnly expiration)
    {
        double settle = ObservedSettle(dayIndex, expiration);
        if (!double.IsNaN(settle)) return settle;
        // A day without a VIX close (four before 2000) takes the last close: a position bought at that day's open
        // had no mark at its close, and `study --as-if` ended on 1999-12-31.
        return Modelled(_vixCarried[dayIndex], expiration.DayNumber - Calendar[dayIndex].DayNumber);
    }

    /// <summary>The data's settle for that contract on that day, or NaN when it did not trade (or the settle is missing).</summary>
    public double ObservedSettle(int dayIndex, DateOnly expiration)
    {
        if (_vx is null) return double.NaN;
        for (int r = _rowStart[dayIndex]; r < _rowEnd[dayIndex]; r++)
        {
            if (_vx.Expirations[r] == expiration)
            {
                double s = _vx.Settle[r];
                return s > 0.0 ? s : double.NaN;
            }
        }
        return double.NaN;
    }

    /// <summary>θ + (VIX − θ)e^{−κτ} for <paramref name="days"/> calendar days to expiry (VIX itself for days ≤ 0).</summary>
    public double Modelled(double vix, double days)
        => days <= 0.0 ? vix : Theta + (vix - Theta) * Math.Exp(-Kappa * days / AtmVarianceCurve.DaysPerYear);

    /// <summary>
    /// Final settlement value of the contract (and of VIX options) expiring on
    /// <paramref name="expiration"/>: the VX final settle on its last day where the data has it —
    /// that is the special opening quotation (SOQ) — otherwise the VIX open that morning as an
    /// approximation of the SOQ (both are computed from SPX option quotes at the open; they differ
    /// by up to about a point). NaN when neither exists.
    /// </summary>
    public double FinalSettlement(DateOnly expiration)
    {
        int day = Calendar.IndexOf(expiration);
        if (day < 0) return double.NaN;
        double soq = ObservedSettle(day, expiration);
        if (!double.IsNaN(soq)) return soq;
        return _vixOpen is not null && _vixOpen[day] > 0.0 ? _vixOpen[day] : double.NaN;
    }

    private DateOnly[] BuildExpirations(Func<int, int, DateOnly>? rule)
    {
        var set = new SortedSet<DateOnly>(_vx?.Contracts() ?? []);
        if (Calendar.Count == 0) return [.. set];
        var first = new DateOnly(Calendar.First.Year, Calendar.First.Month, 1);
        var last = Calendar.Last.AddYears(1);
        var months = new HashSet<(int, int)>(set.Select(e => ContractMonthOf(e)));
        for (var m = first; m <= last; m = m.AddMonths(1))
        {
            if (months.Contains((m.Year, m.Month))) continue;
            set.Add(rule is null ? Calendars.VxExpirations.ForContractMonth(m.Year, m.Month) : rule(m.Year, m.Month));
        }
        return [.. set];
    }

    /// <summary>A VX contract expires in its own contract month (30 days before the next month's third Friday falls on the 13th–22nd).</summary>
    private static (int, int) ContractMonthOf(DateOnly expiration) => (expiration.Year, expiration.Month);

    private VxFitReport Fit()
    {
        var fitRows = new List<(double Vix, double Tau, double Settle)>();
        var testRows = new List<(double Vix, double Days, double Settle)>();
        DateOnly firstFitted = default, lastFitted = default;
        if (_vx is not null)
        {
            for (int day = 0; day < Calendar.Count; day++)
            {
                var date = Calendar[day];
                double vix = _vix[day];
                if (!(vix > 0.0)) continue;
                bool inFit = date >= Parameters.FitFrom && date <= Parameters.FitTo;
                bool inTest = date >= Parameters.TestFrom && date <= Parameters.TestTo;
                if (!inFit && !inTest) continue;
                for (int r = _rowStart[day]; r < _rowEnd[day]; r++)
                {
                    double settle = _vx.Settle[r];
                    int days = _vx.Expirations[r].DayNumber - date.DayNumber;
                    if (!(settle > 0.0) || days <= 0) continue;
                    if (inFit)
                    {
                        fitRows.Add((vix, days / AtmVarianceCurve.DaysPerYear, settle));
                        if (firstFitted == default) firstFitted = date;
                        lastFitted = date;
                    }
                    else testRows.Add((vix, days, settle));
                }
            }
        }
        if (fitRows.Count == 0) throw new InvalidOperationException("no VX settles in the fit window: the VX model cannot be fitted");
        // θ in closed form for a given κ (F − VIX e^{−κτ} = θ(1 − e^{−κτ})); golden-section on ln κ.
        double ThetaFor(double kappa)
        {
            double sxy = 0.0, sxx = 0.0;
            foreach (var (vix, tau, settle) in fitRows)
            {
                double e = Math.Exp(-kappa * tau);
                sxy += (1.0 - e) * (settle - vix * e);
                sxx += (1.0 - e) * (1.0 - e);
            }
            return sxy / sxx;
        }
        double Rmse(double kappa)
        {
            double theta = ThetaFor(kappa), sum = 0.0;
            foreach (var (vix, tau, settle) in fitRows)
            {
                double err = theta + (vix - theta) * Math.Exp(-kappa * tau) - settle;
                sum += err * err;
            }
            return Math.Sqrt(sum / fitRows.Count);
        }
        double a = Math.Log(0.01), b = Math.Log(100.0), invPhi = (Math.Sqrt(5.0) - 1.0) / 2.0;
        double c = b - invPhi * (b - a), d = a + invPhi * (b - a), fc = Rmse(Math.Exp(c)), fd = Rmse(Math.Exp(d));
        for (int iter = 0; iter < 60; iter++)
        {
            if (fc < fd) { b = d; d = c; fd = fc; c = b - invPhi * (b - a); fc = Rmse(Math.Exp(c)); }
            else { a = c; c = d; fc = fd; d = a + invPhi * (b - a); fd = Rmse(Math.Exp(d)); }
        }
        double kappaFit = Math.Exp((a + b) / 2.0), thetaFit = ThetaFor(kappaFit);
        var edges = Parameters.BucketEdges;
        var buckets = new List<VxTenorBucketError>();
        for (int i = 0; i + 1 < edges.Count; i++)
        {
            int count = 0;
            double sum = 0.0, sumSq = 0.0;
            foreach (var (vix, days, settle) in testRows)
            {
                if (days < edges[i] || days >= edges[i + 1]) continue;
                double err = thetaFit + (vix - thetaFit) * Math.Exp(-kappaFit * days / AtmVarianceCurve.DaysPerYear) - settle;
                count++;
                sum += err;
                sumSq += err * err;
            }
            buckets.Add(new VxTenorBucketError(edges[i], edges[i + 1], count,
                count > 0 ? sum / count : double.NaN, count > 0 ? Math.Sqrt(sumSq / count) : double.NaN));
        }
        return new VxFitReport(thetaFit, kappaFit, Parameters.FitFrom, Parameters.FitTo, fitRows.Count, Rmse(kappaFit),
            Parameters.TestFrom, Parameters.TestTo, buckets) with { FirstFitted = firstFitted, LastFitted = lastFitted };
    }

    /// <summary>Every parameter and rule of the VX model, for reports.</summary>
    public IReadOnlyList<Assumption> Assumptions()
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        return
        [
            new("VixFuturesModel.Theta", Theta.ToString("0.###", inv), "VIX points", $"least squares on {FitReport.FitCount} VX settles {FitReport.FitFrom:yyyy-MM-dd}..{FitReport.FitTo:yyyy-MM-dd}; in-sample RMSE {FitReport.FitRmse.ToString("0.00", inv)}"),
            new("VixFuturesModel.Kappa", Kappa.ToString("0.###", inv), "1/year", "same fit; mean reversion of the expected VIX"),
            new("VixFuturesModel.ObservedFirst", "real settle where the contract traded that day: the per-contract files, and for contracts they lack (April-December 2007) the continuous file's VX1 and VX2", "rule", "the model is used only where no settle exists; the continuous file's further columns count the contracts listed, not the months, so they name no contract"),
            new("VixFuturesModel.MissingVix", "a day without a VIX close takes the last close", "rule", "four such days (1991-03-01, 1997-01-31, 1997-11-26, 1999-12-31); a position bought at such a day's open needs a mark at its close"),
            new("VixFuturesModel.Expirations", "distinct VX expirations in the data; Wednesday 30 days before the next month's third Friday otherwise", "rule", "Cboe VX contract specification; holidays inferred from the trading calendar"),
            new("VixFuturesModel.FinalSettlement", "VX final settle (SOQ) from the data; VIX open on expiry day otherwise", "rule", "the SOQ is computed from opening SPX option prices; the VIX open approximates it"),
        ];
    }
}
