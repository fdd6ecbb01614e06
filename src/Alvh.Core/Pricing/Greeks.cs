namespace Alvh.Pricing;

/// <summary>
/// Price and first-order sensitivities (plus gamma) of one European option, in the units of the
/// kernel that produced it.
/// </summary>
/// <param name="Price">Present value, in currency units of the underlying per one unit of underlying.</param>
/// <param name="Delta">
/// ∂Price/∂Underlying: with respect to spot for <see cref="BlackScholes"/>, with respect to the
/// forward (discounted, i.e. the sensitivity of the present value) for <see cref="Black76"/>.
/// </param>
/// <param name="Gamma">∂²Price/∂Underlying², same underlying as <paramref name="Delta"/>.</param>
/// <param name="Vega">∂Price/∂σ per 1.00 of volatility (not per vol point); divide by 100 for per-1%.</param>
/// <param name="Theta">
/// ∂Price/∂t per year of calendar time (the value change as time passes, i.e. −∂Price/∂T with all
/// other inputs held fixed); divide by 365 for per calendar day.
/// </param>
/// <param name="Rho">
/// ∂Price/∂r per 1.00 of the continuously compounded rate (divide by 100 for per-1%); for
/// <see cref="Black76"/> the forward is held fixed, so Rho = −T × Price.
/// </param>
public readonly record struct Greeks(double Price, double Delta, double Gamma, double Vega, double Theta, double Rho);
