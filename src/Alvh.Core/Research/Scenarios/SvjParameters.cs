namespace Alvh.Research.Scenarios;

/// <summary>
/// Parameters of the stochastic-volatility-with-jumps model (<see cref="SvjModel"/>), physical measure,
/// time in years of 252 trading days.
/// </summary>
/// <param name="Drift">Mean daily log return of the S&amp;P 500 (all components), per day.</param>
/// <param name="Kappa">Variance mean-reversion speed κ, per year.</param>
/// <param name="Theta">Long-run diffusive variance θ, per year (√θ is the long-run vol).</param>
/// <param name="Xi">Volatility of variance ξ, per √year.</param>
/// <param name="Rho">Correlation of return and variance shocks.</param>
/// <param name="JumpsPerYear">Jump intensity λ, per year.</param>
/// <param name="JumpMean">Mean log-return jump.</param>
/// <param name="JumpStd">Standard deviation of the log-return jump.</param>
/// <param name="VarianceJump">Mean of the exponential jump in variance that comes with a return jump, per year.</param>
/// <param name="VarianceRiskPremium">VIX² / expected physical variance: VIX = 100·√(premium · E[30-day variance]).</param>
public sealed record SvjParameters(double Drift, double Kappa, double Theta, double Xi, double Rho, double JumpsPerYear, double JumpMean, double JumpStd, double VarianceJump, double VarianceRiskPremium);
