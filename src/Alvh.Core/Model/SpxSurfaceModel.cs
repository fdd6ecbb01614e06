using System.Globalization;
using Alvh.MarketData;

namespace Alvh.Model;

/// <summary>
/// The SPX implied-volatility surface on every trading day of a <see cref="MarketDataSet"/>,
/// built once (pillar vols, carry and smile slope precomputed per day); <see cref="Surface"/> is
/// then a few array reads and allocates nothing.
/// </summary>
/// <remarks>
/// <para>
/// Per day: the variance-swap pillars are VIX9D (9 days), VIX (30), VIX3M (93) and VIX6M (186)
/// where published; a missing pillar (before 2011 for VIX9D, 2009-09 for VIX3M, 2008 for VIX6M,
/// or a gap) comes from the <see cref="VarianceTermStructureFit"/> given that day's VIX and its
/// trailing mean. The smile shape follows the day's VIX (<see cref="SurfaceParameters.ShapeFor"/>).
/// The ATM level is set so the 30-day smile's variance-swap value equals VIX²
/// (<see cref="VarianceSwap.AtmVolFor"/>), and the same ATM/variance-swap ratio scales every pillar
/// (with γ = ½ the SSVI smile is nearly the same in ATM standard deviations at every tenor, so the
/// ratio barely depends on tenor). Pillar total variances are then forced non-decreasing.
/// </para>
/// <para>
/// A day has no surface (<see cref="SpxSurface.IsValid"/> false) when SPX, VIX, the rate or the
/// dividend yield is missing: before VIX starts (1990-01-02), on the three NYSE days VIX skipped,
/// and after the SPX history ends. The term-structure fit uses the whole history, so pre-2011
/// surfaces depend on later data through two constants (a mild, documented look-ahead).
/// </para>
/// </remarks>
public sealed class SpxSurfaceModel
{
    private readonly double[] _spot, _rate, _dividendYield, _w9, _w30, _w93, _w186, _rho, _eta;

    /// <summary>Builds the model.</summary>
    /// <param name="data">The market data (ids spx, vix; optionally vix9d, vix3m, vix6m; carry inputs).</param>
    /// <param name="parameters">Calibration; <see cref="SurfaceParameters.Default"/> when null.</param>
    /// <param name="carry">Rates and dividend yields; built from <paramref name="data"/> when null.</param>
    /// <param name="termStructure">The term-structure fit to use; fitted on <paramref name="data"/> when null.</param>
    public SpxSurfaceModel(MarketDataSet data, SurfaceParameters? parameters = null, RatesAndDividends? carry = null, VarianceTermStructureFit? termStructure = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        Parameters = parameters ?? SurfaceParameters.Default;
        Calendar = data.Calendar;
        Carry = carry ?? new RatesAndDividends(data);
        int n = Calendar.Count;
        var spx = data.Aligned("spx");
        var vix = data.Aligned("vix");
        var vix9d = AlignedOrNaN(data, "vix9d");
        var vix3m = AlignedOrNaN(data, "vix3m");
        var vix6m = AlignedOrNaN(data, "vix6m");
        var mean = TrailingMean(vix, Parameters.TrailingVixDays);
        // Fitted on first use: only a day missing a pillar needs it, and a simulated path has every pillar
        // (the report's assumptions still show it, fitted then on the same data).
        _termStructureFit = termStructure is null
            ? new Lazy<VarianceTermStructureFit>(() => VarianceTermStructureFit.Fit(vix, vix9d, vix3m, vix6m, mean))
            : new Lazy<VarianceTermStructureFit>(termStructure);

        _spot = new double[n]; _rate = new double[n]; _dividendYield = new double[n];
        _w9 = new double[n]; _w30 = new double[n]; _w93 = new double[n]; _w186 = new double[n]; _rho = new double[n]; _eta = new double[n];
        var ratioTable = Parameters.AtmFromVarianceSwap ? AtmRatioTable(Parameters) : null;
        for (int i = 0; i < n; i++)
        {
            _spot[i] = spx[i];
            _rate[i] = Carry.Rate(i);
            _dividendYield[i] = Carry.DividendYield(i);
            double v = vix[i];
            if (!(v > 0.0))
            {
                _w9[i] = _w30[i] = _w93[i] = _w186[i] = _rho[i] = _eta[i] = double.NaN;
                continue;
            }
            var shape = Parameters.ShapeFor(v);
            _rho[i] = shape.Rho;
            _eta[i] = shape.Eta;
            double m = mean[i];
            double vs9 = Pillar(vix9d[i], v, m, 9.0), vs93 = Pillar(vix3m[i], v, m, 93.0), vs186 = Pillar(vix6m[i], v, m, 186.0);
            double ratio = ratioTable is null ? Parameters.AtmToVixRatio : AtmRatio(ratioTable, v, Parameters);
            var curve = AtmVarianceCurve.FromVols(ratio * vs9 / 100.0, ratio * v / 100.0, ratio * vs93 / 100.0, ratio * vs186 / 100.0);
            _w9[i] = curve.W9; _w30[i] = curve.W30; _w93[i] = curve.W93; _w186[i] = curve.W186;
        }
    }

    /// <summary>The calibration used.</summary>
    public SurfaceParameters Parameters { get; }

    /// <summary>The trading calendar the days index.</summary>
    public TradingCalendar Calendar { get; }

    /// <summary>Rates and dividend yields per day.</summary>
    public RatesAndDividends Carry { get; }

    /// <summary>The fitted pre-2011 term-structure extrapolation (print it with ToString()).</summary>
    public VarianceTermStructureFit TermStructureFit => _termStructureFit.Value;

    private readonly Lazy<VarianceTermStructureFit> _termStructureFit;

    /// <summary>The surface of trading day <paramref name="dayIndex"/> (check <see cref="SpxSurface.IsValid"/>).</summary>
    public SpxSurface Surface(int dayIndex) => new(
        Calendar[dayIndex], _spot[dayIndex], _rate[dayIndex], _dividendYield[dayIndex],
        new AtmVarianceCurve(_w9[dayIndex], _w30[dayIndex], _w93[dayIndex], _w186[dayIndex]),
        new SsviShape(_rho[dayIndex], _eta[dayIndex], Parameters.Gamma));

    /// <summary>Every parameter and rule of the surface, for reports.</summary>
    public IReadOnlyList<Assumption> Assumptions()
    {
        var p = Parameters;
        var fit = TermStructureFit;
        return
        [
            new("CarryRates.FromDiscountYield", "r = -ln(1 - d*91/360)/(91/365)", "rule", "DTB3 is a bank-discount yield on a 360-day basis (TreasuryDirect); converted to a continuously compounded act/365 rate"),
            new("RatesAndDividends.RateGaps", "carry last DTB3; DFF outside DTB3 coverage", "rule", "bond-market holidays have no DTB3 while equities trade; applies to rates only"),
            new("RatesAndDividends.DividendYield", Carry.DividendRule, "rule", "SPY tracks SPX; Shiller's TTM dividend covers the years before SPY has a full year"),
            new("SurfaceParameters.Smile", "SSVI, power-law phi (Gatheral-Jacquier 2014)", "rule", "free of butterfly and calendar arbitrage by construction when eta(1+|rho|) <= 2 and ATM total variance rises with tenor"),
            new("SurfaceParameters.RhoCalm", F(p.RhoCalm), "dimensionless", "30-day 25-delta RR ~ 1.35*rho*eta/2*ATM ~ -5.9 vol pts at ATM 10% (calm SPX: -5 to -8; Mixon 2011; Foresi-Wu 2005)"),
            new("SurfaceParameters.EtaCalm", F(p.EtaCalm), "dimensionless", "eta(1+|rho|) = " + F(p.EtaCalm * (1 + Math.Abs(p.RhoCalm))) + " <= 2"),
            new("SurfaceParameters.RhoStressed", F(p.RhoStressed), "dimensionless", "scaled skew falls to ~0.28 in stress (Mixon 2011) while RR in vol points widens"),
            new("SurfaceParameters.EtaStressed", F(p.EtaStressed), "dimensionless", "eta(1+|rho|) = " + F(p.EtaStressed * (1 + Math.Abs(p.RhoStressed))) + " <= 2"),
            new("SurfaceParameters.VixCalm", F(p.VixCalm), "VIX points", "rho, eta linear in VIX between the calm and stressed levels"),
            new("SurfaceParameters.VixStressed", F(p.VixStressed), "VIX points", "rho, eta linear in VIX between the calm and stressed levels"),
            new("SurfaceParameters.Gamma", F(p.Gamma), "dimensionless", "ATM skew in log-moneyness ~ 1/sqrt(T)"),
            new("SurfaceParameters.AtmFromVarianceSwap", p.AtmFromVarianceSwap ? "true" : "false", "flag", "ATM chosen so the smile's log-contract replication equals VIX^2 at 30 days (Cboe VIX white paper)"),
            new("SurfaceParameters.AtmToVixRatio", F(p.AtmToVixRatio), "fraction", "used only when AtmFromVarianceSwap is false (Carr-Wu 2006: VIX exceeds ATM vol by a skew spread)"),
            new("SurfaceParameters.TrailingVixDays", p.TrailingVixDays.ToString(CultureInfo.InvariantCulture), "trading days", "trailing VIX mean sets the long-run variance of the extrapolated term structure"),
            new("SurfaceParameters.SkewIndex", "not used", "rule", "Cboe SKEW prices far-tail (≈3-sigma) risk and co-moves weakly with near-the-money skew; VIX level explains the 25-delta skew better"),
            new("VarianceTermStructureFit.LongRunMultiple", F(fit.LongRunMultiple), "x trailing mean VIX", "fitted on " + fit.Days.ToString(CultureInfo.InvariantCulture) + " days with all four pillars: " + fit),
            new("VarianceTermStructureFit.Kappa", F(fit.Kappa), "1/year", "variance mean-reversion speed, same fit"),
            new("AtmVarianceCurve.Interpolation", "linear in total variance; flat vol outside 9-186 days", "rule", "keeps total variance non-decreasing in tenor"),
        ];
    }

    /// <summary>
    /// σ_ATM/VIX from the variance-swap replication for a VIX level (points), computed exactly.
    /// The model itself reads a table of this function (below).
    /// </summary>
    public static double AtmRatio(double vix, SurfaceParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return Exact(vix, parameters);
    }

    // The ratio depends on VIX alone (VIX fixes both the shape and the ATM level), so it is
    // tabulated once at every integer VIX from 1 to 150 — the calm and stressed levels fall on
    // nodes, so the kinks of the shape's interpolation are nodes too — and read by linear
    // interpolation (tested against the exact value); levels outside the table are computed exactly.
    private const int TableMaxVix = 150;

    private static double Exact(double vix, SurfaceParameters p)
        => VarianceSwap.AtmVolFor(vix / 100.0, p.ShapeFor(vix), p.CalibrationDays / AtmVarianceCurve.DaysPerYear) / (vix / 100.0);

    // The table depends on the parameters only: one per parameter instance, shared by every model built
    // with it (each simulated path of a Monte Carlo run builds a model).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SurfaceParameters, double[]> RatioTables = [];

    private static double[] AtmRatioTable(SurfaceParameters p) =>
        RatioTables.GetValue(p, static parameters =>
        {
            var table = new double[TableMaxVix + 1];
            for (int v = 1; v <= TableMaxVix; v++) table[v] = Exact(v, parameters);
            return table;
        });

    private static double AtmRatio(double[] table, double vix, SurfaceParameters p)
    {
        if (vix < 1.0 || vix >= TableMaxVix) return Exact(vix, p);
        int lo = (int)vix;
        double frac = vix - lo;
        return table[lo] + (table[lo + 1] - table[lo]) * frac;
    }

    private double Pillar(double observed, double vix, double mean, double days)
        => double.IsFinite(observed) && observed > 0.0 ? observed : TermStructureFit.Level(vix, mean, days);

    private static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static double[] AlignedOrNaN(MarketDataSet data, string id)
    {
        if (data.Has(id)) return data.Aligned(id);
        var none = new double[data.Calendar.Count];
        none.AsSpan().Fill(double.NaN);
        return none;
    }

    /// <summary>Mean of the finite values in the trailing window ending at each day (expanding at the start).</summary>
    private static double[] TrailingMean(double[] values, int window)
    {
        var mean = new double[values.Length];
        double sum = 0.0;
        int count = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (double.IsFinite(values[i])) { sum += values[i]; count++; }
            int drop = i - window;
            if (drop >= 0 && double.IsFinite(values[drop])) { sum -= values[drop]; count--; }
            mean[i] = count > 0 ? sum / count : double.NaN;
        }
        return mean;
    }
}
