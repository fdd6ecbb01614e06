using Alvh.Pricing;

namespace Alvh.Model;

/// <summary>
/// One tenor of an <see cref="SpxSurface"/> as a volatility-by-strike function, for
/// <see cref="StrikeFromDelta.ForSmile{TSmile}"/> and other generic solvers (a struct: no boxing).
/// </summary>
/// <param name="Forward">Forward to the tenor, index points.</param>
/// <param name="AtmVol">ATM volatility at the tenor, annualised fraction.</param>
/// <param name="SqrtT">Square root of the tenor in years.</param>
/// <param name="Shape">The smile shape.</param>
public readonly record struct SpxSmile(double Forward, double AtmVol, double SqrtT, SmileShape Shape) : IVolSmile
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
