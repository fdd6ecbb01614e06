namespace Alvh.Research.Scenarios;

/// <summary>
/// The mean block length of a stationary bootstrap chosen from the data: D. N. Politis and H. White, "Automatic
/// block-length selection for the dependent bootstrap", Econometric Reviews 23(1) (2004) 53–70, with the correction of
/// A. Patton, D. N. Politis and H. White, Econometric Reviews 28(4) (2009) 372–375:
/// b = (2 G² / D)^{1/3} n^{1/3}, G = Σ<sub>|k|≤M</sub> λ(k/M) |k| R(k), D = 2 g(0)², g(0) = Σ<sub>|k|≤M</sub> λ(k/M) R(k),
/// with R the sample autocovariances and λ the flat-top window (1 to ½, then 2(1 − |t|) to 1). The bandwidth is chosen
/// as in the authors' code (Patton's opt_block_length, also the Python arch package's optimal_block_length): lags up to
/// m<sub>max</sub> = ⌈√n⌉ + K<sub>N</sub>, K<sub>N</sub> = max(5, ⌈√log₁₀ n⌉); m̂ the first lag that starts K<sub>N</sub>
/// autocorrelations in a row within 2 √(log₁₀ n / n) of zero (without such a run, the largest significant lag, or 1);
/// M = min(2m̂, m<sub>max</sub>); b capped at ⌈min(3√n, n/3)⌉ and at least 1.
/// </summary>
public static class BlockLength
{
    /// <summary>The optimal mean block length of a stationary bootstrap of <paramref name="series"/>, in observations (at least 1).</summary>
    /// <exception cref="ArgumentException">Fewer than 8 values, or a value that is not finite.</exception>
    public static double StationaryBootstrap(ReadOnlySpan<double> series)
    {
        int n = series.Length;
        if (n < 8) throw new ArgumentException($"a block length needs at least 8 observations, got {n}", nameof(series));
        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(series[i])) throw new ArgumentException($"observation {i} is {series[i]}: a block length needs finite values", nameof(series));
        }
        double cap = Math.Ceiling(Math.Min(3 * Math.Sqrt(n), n / 3.0));
        int window = Math.Max(5, (int)Math.Ceiling(Math.Sqrt(Math.Log10(n))));
        int maxLag = Math.Min(n - 1, (int)Math.Ceiling(Math.Sqrt(n)) + window);
        double mean = 0;
        foreach (double x in series) mean += x;
        mean /= n;
        var covariance = new double[maxLag + 1];
        for (int k = 0; k <= maxLag; k++)
        {
            double sum = 0;
            for (int t = k; t < n; t++) sum += (series[t] - mean) * (series[t - k] - mean);
            covariance[k] = sum / n;
        }
        if (!(covariance[0] > 0)) return 1; // a constant series: nothing to keep together
        double threshold = 2 * Math.Sqrt(Math.Log10(n) / n);
        // m-hat: the first lag starting a run of K_N insignificant autocorrelations; without such a run, the largest
        // significant lag (1 when none is), as Patton's code has it.
        int mHat = -1;
        for (int m = 1; m + window - 1 <= maxLag && mHat < 0; m++)
        {
            bool insignificant = true;
            for (int k = m; k < m + window && insignificant; k++) insignificant = Math.Abs(covariance[k] / covariance[0]) < threshold;
            if (insignificant) mHat = m;
        }
        if (mHat < 0)
        {
            mHat = 1;
            for (int k = 1; k <= maxLag; k++)
            {
                if (Math.Abs(covariance[k] / covariance[0]) > threshold) mHat = k;
            }
        }
        int bandwidth = Math.Min(2 * mHat, maxLag);
        double g = 0, spectrum = covariance[0];
        for (int k = 1; k <= bandwidth; k++)
        {
            double weight = FlatTop((double)k / bandwidth);
            g += 2 * weight * k * covariance[k];
            spectrum += 2 * weight * covariance[k];
        }
        double d = 2 * spectrum * spectrum;
        double b = Math.Pow(2 * g * g / d, 1.0 / 3) * Math.Pow(n, 1.0 / 3);
        return double.IsNaN(b) ? 1 : Math.Clamp(b, 1, cap);
    }

    /// <summary>The flat-top lag window: 1 for |t| ≤ ½, 2(1 − |t|) to |t| = 1, 0 beyond.</summary>
    private static double FlatTop(double t)
    {
        t = Math.Abs(t);
        return t <= 0.5 ? 1 : t <= 1 ? 2 * (1 - t) : 0;
    }
}
