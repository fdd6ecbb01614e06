namespace Alvh.Analytics;

/// <summary>
/// Result of the CAPM (single-index) regression of a portfolio's daily excess returns on a benchmark's:
/// (r − r_f) = α + β (b − r_f) + ε, by ordinary least squares.
/// </summary>
/// <param name="Beta">Slope β = cov(b − r_f, r − r_f) / var(b − r_f) (dimensionless).</param>
/// <param name="AlphaDaily">Intercept α = mean(r − r_f) − β mean(b − r_f), a daily fraction.</param>
/// <param name="AlphaAnnualised">α × tradingDaysPerYear, arithmetic annualisation (fraction per year).</param>
/// <param name="Correlation">Pearson correlation of the two excess-return series.</param>
/// <param name="Observations">Number of daily return pairs used.</param>
public readonly record struct CapmRegression(double Beta, double AlphaDaily, double AlphaAnnualised, double Correlation, int Observations);
