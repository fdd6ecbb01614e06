using System.Globalization;
using Alvh.MarketData;
using Alvh.Pricing;

namespace Alvh.Model;

/// <summary>
/// European VIX options priced with Black-76 on the VX future of the same expiry (never on spot
/// VIX: the VIX is not tradable, and the option settles to the same SOQ as that future), with a
/// volatility from VVIX (<see cref="VixOptionParameters"/>) and the risk-free rate of
/// <see cref="RatesAndDividends"/>.
/// </summary>
/// <remarks>
/// VVIX is Cboe's 30-day variance-swap-style vol of VIX; it is an input, scaled to an ATM vol by a
/// ratio derived from the smile and decayed with tenor by a power law. Where VVIX is missing —
/// before <see cref="VixOptionParameters.VvixUsableFrom"/> and on its two missing days — a
/// fallback VVIX = a + b·VIX is used, fitted by ordinary least squares on all days from
/// VvixUsableFrom where both exist (<see cref="FallbackIntercept"/>, <see cref="FallbackSlope"/>).
/// Tenors are calendar days from the trading day's close to the expiration date / 365; the
/// settlement value is <see cref="VixFuturesModel.FinalSettlement"/> (the SOQ where the data has
/// it, the VIX open on expiry morning otherwise).
/// </remarks>
public sealed class VixOptionModel
{
    private readonly double[] _vvix;
    private readonly RatesAndDividends _carry;

    /// <summary>Builds the model.</summary>
    /// <param name="data">Market data (ids vix, vvix).</param>
    /// <param name="futures">The VX futures model (its calendar must be <paramref name="data"/>'s).</param>
    /// <param name="carry">Rates; built from <paramref name="data"/> when null.</param>
    /// <param name="parameters">Calibration; <see cref="VixOptionParameters.Default"/> when null.</param>
    public VixOptionModel(MarketDataSet data, VixFuturesModel futures, RatesAndDividends? carry = null, VixOptionParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(futures);
        Futures = futures;
        Parameters = parameters ?? VixOptionParameters.Default;
        _carry = carry ?? new RatesAndDividends(data);
        Calendar = data.Calendar;
        AtmToVvixRatio = Parameters.AtmToVvixRatio
            ?? VarianceSwap.AtmVolFor(0.90, Parameters.Shape, 30.0 / AtmVarianceCurve.DaysPerYear) / 0.90;
        var vix = data.Aligned("vix");
        var vixCarried = data.AlignedCarried("vix"); // a day without a VIX close takes the last (four before 2000)
        var vvix = data.Has("vvix") ? data.Aligned("vvix") : new double[Calendar.Count].Select(_ => double.NaN).ToArray();
        int usable = Calendar.IndexOnOrAfter(Parameters.VvixUsableFrom);
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int count = 0;
        for (int i = usable; i < Calendar.Count; i++)
        {
            if (!(vix[i] > 0.0) || !(vvix[i] > 0.0)) continue;
            sx += vix[i]; sy += vvix[i]; sxx += vix[i] * vix[i]; sxy += vix[i] * vvix[i];
            count++;
        }
        FallbackSlope = count > 1 ? (count * sxy - sx * sy) / (count * sxx - sx * sx) : 0.0;
        FallbackIntercept = count > 1 ? (sy - FallbackSlope * sx) / count : 90.0;
        FallbackFitDays = count;
        _vvix = new double[Calendar.Count];
        for (int i = 0; i < Calendar.Count; i++)
        {
            _vvix[i] = i >= usable && vvix[i] > 0.0 ? vvix[i] : FallbackIntercept + FallbackSlope * vixCarried[i];
        }
    }

    /// <summary>Calibration used.</summary>
    public VixOptionParameters Parameters { get; }

    /// <summary>The VX futures model supplying the forwards.</summary>
    public VixFuturesModel Futures { get; }

    /// <summary>The trading calendar the days index.</summary>
    public TradingCalendar Calendar { get; }

    /// <summary>σ_ATM(30 d) / VVIX in use (given or derived).</summary>
    public double AtmToVvixRatio { get; }

    /// <summary>Fallback VVIX = <see cref="FallbackIntercept"/> + <see cref="FallbackSlope"/> · VIX: intercept, VVIX points.</summary>
    public double FallbackIntercept { get; }

    /// <summary>Fallback slope, VVIX points per VIX point.</summary>
    public double FallbackSlope { get; }

    /// <summary>Days in the fallback regression.</summary>
    public int FallbackFitDays { get; }

    /// <summary>VVIX used on the day (observed, or the fallback), points.</summary>
    public double Vvix(int dayIndex) => _vvix[dayIndex];

    /// <summary>Black volatility (annualised fraction) of the VIX option expiring on <paramref name="expiry"/> at <paramref name="strike"/> (VIX points), on trading day <paramref name="dayIndex"/>.</summary>
    public double Vol(int dayIndex, DateOnly expiry, double strike)
    {
        double days = expiry.DayNumber - Calendar[dayIndex].DayNumber;
        return Smile(_vvix[dayIndex], Futures.Future(dayIndex, expiry), days).Vol(strike);
    }

    /// <summary>Present value (VIX points; × 100 for dollars per contract) of the VIX option on trading day <paramref name="dayIndex"/>.</summary>
    public double Price(int dayIndex, OptionRight right, DateOnly expiry, double strike)
    {
        double days = expiry.DayNumber - Calendar[dayIndex].DayNumber;
        double forward = Futures.Future(dayIndex, expiry);
        if (days <= 0.0) return Math.Max(right == OptionRight.Call ? forward - strike : strike - forward, 0.0);
        double vol = Smile(_vvix[dayIndex], forward, days).Vol(strike);
        return Black76.Price(right, forward, strike, _carry.Rate(dayIndex), vol, days / AtmVarianceCurve.DaysPerYear);
    }

    /// <summary>The same-expiry VX future used as the forward, VIX points.</summary>
    public double Forward(int dayIndex, DateOnly expiry) => Futures.Future(dayIndex, expiry);

    /// <summary>Settlement value of VIX options expiring on <paramref name="expiryDate"/> (see <see cref="VixFuturesModel.FinalSettlement"/>).</summary>
    public double SettlementValue(DateOnly expiryDate) => Futures.FinalSettlement(expiryDate);

    /// <summary>The smile for explicit inputs: VVIX (points), forward (VIX points) and calendar days to expiry.</summary>
    public ShapedSmile Smile(double vvix, double forward, double days)
    {
        double atm = VixOptionParameters.ScaleAtm(vvix, AtmToVvixRatio, TermFactor(days));
        double t = Math.Max(days, 0.0) / AtmVarianceCurve.DaysPerYear;
        return new ShapedSmile(forward, atm * atm * t, t, Parameters.Shape);
    }

    /// <summary>
    /// <see cref="VixOptionParameters.TermFactor"/>, kept per whole number of days below <see cref="TermFactorDays"/>:
    /// a power per valuation was 2.4% of a simulated drip-condor-alvh path. Racing threads store the same value; 0
    /// marks a tenor not worked out yet (the factor is positive).
    /// </summary>
    private double TermFactor(double days)
    {
        int d = (int)days;
        if (d != days || (uint)d >= TermFactorDays) return Parameters.TermFactor(days);
        double known = _termFactors[d];
        return known != 0 ? known : _termFactors[d] = Parameters.TermFactor(days);
    }

    private const int TermFactorDays = 1_024;
    private readonly double[] _termFactors = new double[TermFactorDays];

    /// <summary>Every parameter and rule of the VIX option model, for reports.</summary>
    public IReadOnlyList<Assumption> Assumptions()
    {
        var p = Parameters;
        return
        [
            new("VixOptionModel.Underlying", "Black-76 on the same-expiry VX future", "rule", "VIX options settle to the same SOQ as the VX future; spot VIX is not tradable"),
            new("VixOptionModel.AtmToVvixRatio", F(AtmToVvixRatio), "fraction", p.AtmToVvixRatio is null ? "derived: the 30-day smile's log-contract variance-swap value equals VVIX^2 (at VVIX 90)" : "given"),
            new("VixOptionParameters.TermDecayBeta", F(p.TermDecayBeta), "dimensionless", "ATM vol ~ (tau/30d)^-beta: mean-reverting VIX (Samuelson effect) and rough-vol H~0.1 (Gatheral-Jaisson-Rosenbaum 2018)"),
            new("VixOptionParameters.MinTenorDays", F(p.MinTenorDays), "calendar days", "the power law diverges as tau -> 0"),
            new("VixOptionParameters.SmileRho", F(p.SmileRho), "dimensionless", "SSVI upward VIX smile: 25-delta RR ~ +0.2 ATM vol (Park 2016)"),
            new("VixOptionParameters.SmileEta", F(p.SmileEta), "dimensionless", "eta(1+|rho|) <= 2: no butterfly arbitrage"),
            new("VixOptionModel.VvixFallback", FormattableString.Invariant($"VVIX = {FallbackIntercept:0.00} + {FallbackSlope:0.000} x VIX"), "VVIX points", FormattableString.Invariant($"OLS on {FallbackFitDays} days from {p.VvixUsableFrom:yyyy-MM-dd}; used before then and where VVIX is missing")),
            new("VixOptionModel.Settlement", "VX final settle (SOQ) from the data; VIX open on expiry morning otherwise", "rule", "the VIX open approximates the special opening quotation"),
        ];
    }

    private static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
