namespace Alvh.Pricing;

/// <summary>
/// Black (1976) kernels for European options on a forward or futures price (e.g. VIX options on
/// the VX future, or SPX options priced off the implied forward).
/// </summary>
/// <remarks>
/// Conventions: <c>forward</c> and <c>strike</c> in currency units; <c>rate</c> the
/// continuously compounded, annualised discount rate as a fraction (D = e^{−rT}); <c>vol</c>
/// the annualised Black volatility of the forward as a fraction; <c>t</c> years to expiry.
/// Greeks are taken with the forward held fixed: delta and gamma are with respect to the
/// forward (of the present value, so they include D), rho = ∂V/∂r = −T V. T = 0 or vol = 0 give
/// the discounted intrinsic D max(ω(F − K), 0) without NaN. Inputs are not validated.
/// </remarks>
public static partial class Black76
{
    /// <summary>Present value of a European option on a forward.</summary>
    /// <param name="right">Call or put.</param>
    /// <param name="forward">Forward (or futures) price, currency units.</param>
    /// <param name="strike">Strike, currency units.</param>
    /// <param name="rate">Discount rate, continuously compounded, annualised fraction.</param>
    /// <param name="vol">Black volatility of the forward, annualised fraction.</param>
    /// <param name="t">Time to expiry, years.</param>
    /// <returns>Present value per unit of underlying, currency units.</returns>
    public static double Price(OptionRight right, double forward, double strike, double rate, double vol, double t)
        => Math.Exp(-rate * t) * BlackFormula.Undiscounted(BlackFormula.Sign(right), forward, strike, vol * Math.Sqrt(t));

    /// <summary>
    /// Present value from a total standard deviation and a discount factor, as QuantLib's
    /// <c>blackFormula(type, strike, forward, stdDev, discount)</c>.
    /// </summary>
    /// <param name="right">Call or put.</param>
    /// <param name="forward">Forward price, currency units.</param>
    /// <param name="strike">Strike, currency units.</param>
    /// <param name="stdDev">Total standard deviation σ√T of ln F (dimensionless).</param>
    /// <param name="discountFactor">Discount factor to the payment date, in (0, 1].</param>
    /// <returns>Present value, currency units.</returns>
    public static double PriceFromStdDev(OptionRight right, double forward, double strike, double stdDev, double discountFactor)
        => discountFactor * BlackFormula.Undiscounted(BlackFormula.Sign(right), forward, strike, stdDev);

    /// <summary>Price and greeks of a European option on a forward (see <see cref="Greeks"/>).</summary>
    /// <param name="right">Call or put.</param>
    /// <param name="forward">Forward (or futures) price, currency units.</param>
    /// <param name="strike">Strike, currency units.</param>
    /// <param name="rate">Discount rate, continuously compounded, annualised fraction.</param>
    /// <param name="vol">Black volatility of the forward, annualised fraction.</param>
    /// <param name="t">Time to expiry, years.</param>
    /// <returns>
    /// Price; delta ∂V/∂F = ωD N(ωd₁); gamma ∂²V/∂F²; vega per 1.00 of vol; theta per calendar
    /// year (forward fixed); rho = −T V per 1.00 of rate.
    /// </returns>
    public static Greeks Greeks(OptionRight right, double forward, double strike, double rate, double vol, double t)
    {
        double sign = BlackFormula.Sign(right);
        double discount = Math.Exp(-rate * t);
        double sqrtT = Math.Sqrt(t);
        double stdDev = vol * sqrtT;

        if (!(stdDev > 0.0) || strike <= 0.0)
        {
            double moneyness = sign * (forward - strike);
            double inTheMoney = moneyness > 0.0 ? 1.0 : moneyness < 0.0 ? 0.0 : 0.5;
            double intrinsic = discount * Math.Max(moneyness, 0.0);
            return new Greeks(intrinsic, inTheMoney * sign * discount, 0.0, 0.0, rate * intrinsic, -t * intrinsic);
        }

        double d1 = BlackFormula.D1(forward, strike, stdDev);
        double d2 = d1 - stdDev;
        double nd1 = NormalDistribution.Cdf(sign * d1);
        double nd2 = NormalDistribution.Cdf(sign * d2);
        double density = NormalDistribution.Pdf(d1);
        double price = discount * Math.Max(sign * (forward * nd1 - strike * nd2), 0.0);
        return new Greeks(
            Price: price,
            Delta: sign * discount * nd1,
            Gamma: discount * density / (forward * stdDev),
            Vega: discount * forward * density * sqrtT,
            Theta: rate * price - discount * forward * density * vol / (2.0 * sqrtT),
            Rho: -t * price);
    }
}
