namespace Alvh.Analytics;

/// <summary>
/// Sample moments of a series (typically daily simple returns, fractions). Two-pass (mean first)
/// for accuracy. Sample (n − 1) estimators throughout; NaN when there are too few values or the
/// dispersion is zero. NaN inputs propagate.
/// </summary>
public static class SampleStatistics
{
    /// <summary>Arithmetic mean; NaN when empty.</summary>
    public static double Mean(ReadOnlySpan<double> values)
    {
        if (values.Length == 0) return double.NaN;
        double sum = 0.0;
        foreach (double v in values) sum += v;
        return sum / values.Length;
    }

    /// <summary>Sample variance Σ(x − x̄)²/(n − 1); NaN for fewer than 2 values.</summary>
    public static double Variance(ReadOnlySpan<double> values)
    {
        if (values.Length < 2) return double.NaN;
        double mean = Mean(values);
        double sum = 0.0;
        foreach (double v in values)
        {
            double d = v - mean;
            sum += d * d;
        }
        return sum / (values.Length - 1);
    }

    /// <summary>Sample standard deviation √(Σ(x − x̄)²/(n − 1)) (Excel STDEV.S); NaN for fewer than 2 values.</summary>
    public static double StandardDeviation(ReadOnlySpan<double> values) => Math.Sqrt(Variance(values));

    /// <summary>
    /// Annualised volatility (fraction, 0.20 = 20 %) of daily returns: sample standard deviation × √<paramref name="tradingDaysPerYear"/>
    /// (square-root-of-time scaling of i.i.d. returns).
    /// </summary>
    public static double AnnualisedVolatility(ReadOnlySpan<double> dailyReturns, int tradingDaysPerYear = Returns.TradingDaysPerYear)
    {
        Require.Positive(tradingDaysPerYear, nameof(tradingDaysPerYear));
        return StandardDeviation(dailyReturns) * Math.Sqrt(tradingDaysPerYear);
    }

    /// <summary>
    /// Sample skewness, the adjusted Fisher–Pearson coefficient G₁ = n/((n − 1)(n − 2)) · Σ((x − x̄)/s)³
    /// with s the sample standard deviation — the formula of Excel's SKEW (Microsoft support, "SKEW function")
    /// and of Joanes &amp; Gill (1998), The Statistician 47(1), 183–189. NaN for fewer than 3 values or s = 0.
    /// </summary>
    public static double Skewness(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        if (n < 3) return double.NaN;
        double mean = Mean(values);
        double s = StandardDeviation(values);
        if (s == 0.0) return double.NaN;
        double sum = 0.0;
        foreach (double v in values)
        {
            double z = (v - mean) / s;
            sum += z * z * z;
        }
        return n / ((n - 1.0) * (n - 2.0)) * sum;
    }

    /// <summary>
    /// Sample <b>excess</b> kurtosis G₂ = n(n + 1)/((n − 1)(n − 2)(n − 3)) · Σ((x − x̄)/s)⁴ − 3(n − 1)²/((n − 2)(n − 3)),
    /// s the sample standard deviation — Excel's KURT (Microsoft support, "KURT function"; Joanes &amp; Gill 1998).
    /// 0 for a normal population. NaN for fewer than 4 values or s = 0.
    /// </summary>
    public static double ExcessKurtosis(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        if (n < 4) return double.NaN;
        double mean = Mean(values);
        double s = StandardDeviation(values);
        if (s == 0.0) return double.NaN;
        double sum = 0.0;
        foreach (double v in values)
        {
            double z = (v - mean) / s;
            z *= z;
            sum += z * z;
        }
        double n1 = n - 1.0, n2 = n - 2.0, n3 = n - 3.0;
        return n * (n + 1.0) / (n1 * n2 * n3) * sum - 3.0 * n1 * n1 / (n2 * n3);
    }

    /// <summary>Sample covariance Σ(x − x̄)(y − ȳ)/(n − 1) (Excel COVARIANCE.S); NaN for fewer than 2 pairs.</summary>
    public static double Covariance(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        Require.SameLength(x.Length, y.Length, nameof(y));
        if (x.Length < 2) return double.NaN;
        double mx = Mean(x), my = Mean(y);
        double sum = 0.0;
        for (int i = 0; i < x.Length; i++) sum += (x[i] - mx) * (y[i] - my);
        return sum / (x.Length - 1);
    }

    /// <summary>
    /// Pearson correlation Σ(x − x̄)(y − ȳ)/√(Σ(x − x̄)² Σ(y − ȳ)²) in [−1, 1] (Excel CORREL; clamped against rounding).
    /// NaN for fewer than 2 pairs or when either series is constant.
    /// </summary>
    public static double Correlation(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        Require.SameLength(x.Length, y.Length, nameof(y));
        if (x.Length < 2) return double.NaN;
        double mx = Mean(x), my = Mean(y);
        double sxy = 0.0, sxx = 0.0, syy = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            double dx = x[i] - mx, dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0.0 || syy == 0.0) return double.NaN;
        return Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1.0, 1.0);
    }
}
