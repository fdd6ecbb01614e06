namespace Alvh.Pricing;

/// <summary>
/// Black–Scholes–Merton kernels for European options on an asset paying a continuous dividend
/// yield: pure static functions of plain doubles, in the spirit of QuantLib's
/// <c>blackFormula</c> / <c>BlackCalculator</c>.
/// </summary>
/// <remarks>
/// <para>
/// Conventions, for every member: <c>spot</c> and <c>strike</c> in currency units; <c>rate</c>
/// (risk-free) and <c>dividendYield</c> continuously compounded, annualised, as fractions
/// (0.05 = 5%); <c>vol</c> annualised, as a fraction (0.20 = 20%); <c>t</c> time to expiry in
/// years. The forward is F = S e^{(r−q)T} and the discount factor D = e^{−rT}.
/// </para>
/// <para>
/// At expiry (T = 0) or with zero volatility the option is worth its discounted intrinsic value
/// on the forward, D max(ω(F − K), 0), and the greeks are those of that payoff (gamma and vega
/// 0, delta a step: 1, ½ at the money, 0), so no input in the documented domain yields NaN.
/// Inputs are not validated (hot path): spot &gt; 0, strike ≥ 0, vol ≥ 0, t ≥ 0 are
/// preconditions; NaN inputs give NaN.
/// </para>
/// </remarks>
public static partial class BlackScholes
{
    /// <summary>Present value of a European option.</summary>
    /// <param name="right">Call or put.</param>
    /// <param name="spot">Spot price of the underlying, currency units.</param>
    /// <param name="strike">Strike, currency units.</param>
    /// <param name="rate">Risk-free rate, continuously compounded, annualised fraction.</param>
    /// <param name="dividendYield">Dividend yield, continuously compounded, annualised fraction.</param>
    /// <param name="vol">Volatility, annualised fraction.</param>
    /// <param name="t">Time to expiry, years.</param>
    /// <returns>Present value per unit of underlying, currency units.</returns>
    public static double Price(OptionRight right, double spot, double strike, double rate, double dividendYield, double vol, double t)
    {
        double discount = Math.Exp(-rate * t);
        double forward = spot * Math.Exp((rate - dividendYield) * t);
        return discount * BlackFormula.Undiscounted(BlackFormula.Sign(right), forward, strike, vol * Math.Sqrt(t));
    }

    /// <summary>Forward price of the underlying, S e^{(r−q)T}, currency units.</summary>
    /// <param name="spot">Spot price, currency units.</param>
    /// <param name="rate">Risk-free rate, continuously compounded, annualised fraction.</param>
    /// <param name="dividendYield">Dividend yield, continuously compounded, annualised fraction.</param>
    /// <param name="t">Time to delivery, years.</param>
    /// <returns>The forward, currency units.</returns>
    public static double Forward(double spot, double rate, double dividendYield, double t)
        => spot * Math.Exp((rate - dividendYield) * t);

    /// <summary>Price and greeks of a European option (see <see cref="Greeks"/> for units).</summary>
    /// <param name="right">Call or put.</param>
    /// <param name="spot">Spot price of the underlying, currency units.</param>
    /// <param name="strike">Strike, currency units.</param>
    /// <param name="rate">Risk-free rate, continuously compounded, annualised fraction.</param>
    /// <param name="dividendYield">Dividend yield, continuously compounded, annualised fraction.</param>
    /// <param name="vol">Volatility, annualised fraction.</param>
    /// <param name="t">Time to expiry, years.</param>
    /// <returns>
    /// Price; delta ∂V/∂S; gamma ∂²V/∂S²; vega ∂V/∂σ per 1.00 of vol; theta per calendar year;
    /// rho ∂V/∂r per 1.00 of rate.
    /// </returns>
    public static Greeks Greeks(OptionRight right, double spot, double strike, double rate, double dividendYield, double vol, double t)
    {
        double sign = BlackFormula.Sign(right);
        double discount = Math.Exp(-rate * t);
        double dividendDiscount = Math.Exp(-dividendYield * t);
        double forward = spot * Math.Exp((rate - dividendYield) * t);
        double sqrtT = Math.Sqrt(t);
        double stdDev = vol * sqrtT;

        if (!(stdDev > 0.0) || strike <= 0.0)
        {
            // Intrinsic on the forward: V = ω(S e^{−qT} − K e^{−rT}) when in the money, else 0.
            double moneyness = sign * (forward - strike);
            double inTheMoney = moneyness > 0.0 ? 1.0 : moneyness < 0.0 ? 0.0 : 0.5;
            double price = discount * Math.Max(moneyness, 0.0);
            double delta = inTheMoney * sign * dividendDiscount;
            double theta = inTheMoney * sign * (dividendYield * spot * dividendDiscount - rate * strike * discount);
            double rho = inTheMoney * sign * strike * t * discount;
            return new Greeks(price, delta, 0.0, 0.0, theta, rho);
        }

        double d1 = BlackFormula.D1(forward, strike, stdDev);
        double d2 = d1 - stdDev;
        double nd1 = NormalDistribution.Cdf(sign * d1);
        double nd2 = NormalDistribution.Cdf(sign * d2);
        double density = NormalDistribution.Pdf(d1);
        double spotDiscounted = spot * dividendDiscount;
        double strikeDiscounted = strike * discount;

        double value = Math.Max(sign * (spotDiscounted * nd1 - strikeDiscounted * nd2), 0.0);
        return new Greeks(
            Price: value,
            Delta: sign * dividendDiscount * nd1,
            Gamma: dividendDiscount * density / (spot * stdDev),
            Vega: spotDiscounted * density * sqrtT,
            Theta: -spotDiscounted * density * vol / (2.0 * sqrtT)
                - sign * rate * strikeDiscounted * nd2
                + sign * dividendYield * spotDiscounted * nd1,
            Rho: sign * strike * t * discount * nd2);
    }
}
