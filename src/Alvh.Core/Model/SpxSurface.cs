using Alvh.Pricing;

namespace Alvh.Model;

/// <summary>
/// The SPX implied-volatility surface of one trading day: spot, carry and the volatility for any
/// strike and tenor. An immutable value; built by <see cref="SpxSurfaceModel.Surface"/> or
/// directly (tests, scenarios).
/// </summary>
/// <remarks>
/// Total variance w(k, T) = SSVI(k, θ(T)) with k = ln(K/F(T)), θ(T) the ATM total variance of
/// <see cref="AtmVarianceCurve"/> and the day's <see cref="SsviShape"/>; σ = √(w/T). Tenors are in years of
/// 365 calendar days; rates and yields continuously compounded annualised fractions; vols
/// annualised fractions. The surface is invalid (<see cref="IsValid"/> false) on days where an
/// input is missing; its numbers are then NaN.
/// </remarks>
/// <param name="Date">The trading day.</param>
/// <param name="Spot">SPX close, index points.</param>
/// <param name="Rate">Risk-free rate, continuously compounded annualised fraction.</param>
/// <param name="DividendYield">Dividend yield, continuous annualised fraction.</param>
/// <param name="Atm">ATM total-variance term structure.</param>
/// <param name="Shape">SSVI smile shape (one per day; tenors differ through θ).</param>
public readonly record struct SpxSurface(DateOnly Date, double Spot, double Rate, double DividendYield, AtmVarianceCurve Atm, SsviShape Shape)
{
    /// <summary>True when every input is a finite number and the ATM curve is positive.</summary>
    public bool IsValid => double.IsFinite(Spot) && Spot > 0.0 && double.IsFinite(Rate) && double.IsFinite(DividendYield)
        && Atm.W9 > 0.0 && double.IsFinite(Atm.W186) && Shape.IsArbitrageFree;

    /// <summary>Forward S e^{(r−q)T} for <paramref name="t"/> years, index points.</summary>
    public double Forward(double t) => Spot * Math.Exp((Rate - DividendYield) * t);

    /// <summary>Discount factor e^{−rT}.</summary>
    public double Discount(double t) => Math.Exp(-Rate * t);

    /// <summary>ATM (k = 0) volatility at <paramref name="t"/> years, annualised fraction.</summary>
    public double AtmVol(double t) => Atm.Vol(t);

    /// <summary>Volatility at <paramref name="strike"/> (index points) and <paramref name="t"/> years, annualised fraction.</summary>
    public double Vol(double strike, double t) => Smile(t).Vol(strike);

    /// <summary>Volatility at log-moneyness k = ln(K/F(T)) and <paramref name="t"/> years.</summary>
    public double VolAtLogMoneyness(double k, double t) => Smile(t).VolAtLogMoneyness(k);

    /// <summary>Total implied variance σ(k, T)² T at log-moneyness <paramref name="k"/> and <paramref name="t"/> years.</summary>
    public double TotalVariance(double k, double t) => Shape.TotalVariance(k, Atm.TotalVariance(t));

    /// <summary>The smile at tenor <paramref name="t"/> years, as an <see cref="IVolSmile"/> for delta-strike solvers.</summary>
    public ShapedSmile Smile(double t) => new(Forward(t), Atm.TotalVariance(t), t, Shape);

    /// <summary>Black–Scholes–Merton present value of a European SPX option on this surface, index points.</summary>
    public double Price(OptionRight right, double strike, double t)
        => BlackScholes.Price(right, Spot, strike, Rate, DividendYield, Vol(strike, t), t);

    /// <summary>Strike (index points) whose spot delta on this surface's smile equals <paramref name="delta"/> (e.g. −0.16).</summary>
    public double StrikeForDelta(OptionRight right, double delta, double t, DeltaConvention convention = DeltaConvention.Spot)
        => StrikeFromDelta.ForSmile(right, delta, Spot, Rate, DividendYield, t, Smile(t), convention);
}
