using Alvh.Pricing;

namespace Alvh.Model;

/// <summary>
/// One tenor of a smile in standardised moneyness (an <see cref="SpxSurface"/> tenor, or a VIX
/// option expiry) as a volatility-by-strike function, for
/// <see cref="StrikeFromDelta.ForSmile{TSmile}"/> and other generic solvers (a struct: no boxing):
/// σ(K) = AtmVol · Shape.Factor(ln(K/F) / (AtmVol·√T)).
/// </summary>
/// <param name="Forward">Forward to the tenor, index points.</param>
/// <param name="AtmVol">ATM volatility at the tenor, annualised fraction.</param>
/// <param name="SqrtT">Square root of the tenor in years.</param>
/// <param name="Shape">The smile shape.</param>
public readonly record struct ShapedSmile(double Forward, double AtmVol, double SqrtT, SmileShape Shape) : IVolSmile
{
    /// <inheritdoc />
    public double Vol(double strike) => VolAtLogMoneyness(Math.Log(strike / Forward));

    /// <summary>Volatility at log-moneyness k = ln(K/F), annualised fraction.</summary>
    public double VolAtLogMoneyness(double k)
    {
        double atmStdDev = AtmVol * SqrtT;
        if (!(atmStdDev > 0.0)) return AtmVol;
        return AtmVol * Shape.Factor(k / atmStdDev);
    }
}
