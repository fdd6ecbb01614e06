namespace Alvh.Research;

/// <summary>
/// Rolling walk-forward selection over a set of configurations whose daily returns are known on common
/// dates: on each train window pick the configuration with the best annualised Sharpe ratio (excess over
/// the T-bill, √252), hold it over the following test window, then roll forward by the test length.
/// </summary>
/// <remarks>
/// The returns are those of each configuration's own full-history run, sliced by window: switching
/// configuration at a window boundary is assumed free (no close-out of the old positions). That is the
/// usual research simplification; it favours neither in-sample nor out-of-sample.
/// </remarks>
public static class WalkForward
{
    /// <summary>Runs the walk-forward.</summary>
    /// <param name="dates">Trading days, ascending.</param>
    /// <param name="returns">Per configuration, the daily return on each date (index 0 is ignored).</param>
    /// <param name="billReturns">Daily T-bill return on each date.</param>
    /// <param name="trainYears">Train window, calendar years.</param>
    /// <param name="testYears">Test window and step, calendar years.</param>
    public static WalkForwardResult Run(DateOnly[] dates, IReadOnlyList<double[]> returns, double[] billReturns, int trainYears, int testYears)
    {
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentOutOfRangeException.ThrowIfLessThan(trainYears, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(testYears, 1);
        if (returns.Count == 0) throw new ArgumentException("no configurations", nameof(returns));
        var folds = new List<WalkForwardFold>();
        var oosDates = new List<DateOnly>();
        var oosReturns = new List<double>();
        var trainStart = dates[0];
        while (true)
        {
            var testStart = trainStart.AddYears(trainYears);
            var testEnd = testStart.AddYears(testYears);
            int a = Index(dates, trainStart), b = Index(dates, testStart), c = Index(dates, testEnd);
            if (b - a < 20 || c - b < 20) break;
            // A configuration without a Sharpe ratio (no dispersion beyond rounding: it sat in cash) is never chosen over one
            // with a ratio; when none has one, the first is held.
            int best = 0, tied = 0;
            double bestSharpe = double.NaN;
            // The window's days a..b-1 with their returns (day a's from the close before it, as the test window holds day b's);
            // only day 0 has none. From a + 1, each fold after the first left its first day out.
            int from = Math.Max(a, 1);
            for (int n = 0; n < returns.Count; n++)
            {
                double s = Sharpe(returns[n], billReturns, from, b);
                if (double.IsNaN(s)) continue;
                if (double.IsNaN(bestSharpe)) (best, bestSharpe, tied) = (n, s, 1);
                // Returns equal within rounding noise on every day of the window are one trial, as the CSCV counts them: a tie
                // (the first listed held), not a choice won by the last bits of sums taken in another order.
                else if (s == bestSharpe || SameReturns(returns[n], returns[best], from, b)) tied++;
                else if (s > bestSharpe) (best, bestSharpe, tied) = (n, s, 1);
            }
            // The choice is made at the close of day b − 1, so day b's return (from that close) is the test window's first.
            // The stitched curve starts at that close before the first window.
            if (oosDates.Count == 0)
            {
                oosDates.Add(dates[b - 1]);
                oosReturns.Add(0);
            }
            double growth = 1;
            for (int t = b; t < c; t++)
            {
                double r = returns[best][t];
                oosDates.Add(dates[t]);
                oosReturns.Add(r);
                growth *= 1 + r;
            }
            folds.Add(new WalkForwardFold(dates[a], dates[b - 1], dates[b], dates[c - 1], best, bestSharpe, Sharpe(returns[best], billReturns, b, c), growth - 1, tied));
            if (c >= dates.Length) break;
            trainStart = trainStart.AddYears(testYears);
        }
        return new WalkForwardResult(folds, [.. oosDates], [.. oosReturns]);
    }

    /// <summary>
    /// The CSCV's T × N matrix (<see cref="Cscv.Pbo"/>, row-major) of the configurations' daily excess returns over the
    /// T-bill, from day 1: day 0 has no return (its 0 is a placeholder, as is the bill's), and a row of it was a period of
    /// zero excess return for every configuration, kept in the first block whenever the day count was a multiple of the
    /// blocks (the first T mod S rows are dropped otherwise).
    /// </summary>
    /// <param name="returns">Per configuration, the daily return on each date (index 0 is ignored).</param>
    /// <param name="billReturns">Daily T-bill return on each date (index 0 is ignored).</param>
    public static double[] ExcessReturnMatrix(IReadOnlyList<double[]> returns, double[] billReturns)
    {
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(billReturns);
        int n = returns.Count, days = billReturns.Length - 1;
        var matrix = new double[Math.Max(days, 0) * n];
        for (int t = 0; t < days; t++)
        {
            for (int k = 0; k < n; k++) matrix[t * n + k] = returns[k][t + 1] - billReturns[t + 1];
        }
        return matrix;
    }

    /// <summary>Annualised Sharpe ratio of daily returns over [from, to): mean excess / sample stdev × √252; NaN when the excess returns' standard deviation is below 1e-12 a day.</summary>
    public static double Sharpe(double[] returns, double[] billReturns, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(billReturns);
        int count = to - from;
        if (count < 2) return double.NaN;
        double sum = 0, sumSq = 0;
        for (int t = from; t < to; t++)
        {
            double x = returns[t] - billReturns[t];
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / count;
        double variance = (sumSq - count * mean * mean) / (count - 1);
        // No dispersion beyond rounding noise (a configuration in cash): no ratio, rather than noise over noise.
        return variance > Cscv.NoiseLevel * Cscv.NoiseLevel ? mean / Math.Sqrt(variance) * Math.Sqrt(252) : double.NaN;
    }

    /// <summary>True when two configurations' returns on the days [from, to) are equal within rounding noise (<see cref="Cscv.Same"/>).</summary>
    private static bool SameReturns(double[] x, double[] y, int from, int to)
    {
        for (int t = from; t < to; t++)
        {
            if (!Cscv.Same(x[t], y[t])) return false;
        }
        return true;
    }

    private static int Index(DateOnly[] dates, DateOnly date)
    {
        int i = Array.BinarySearch(dates, date);
        return i >= 0 ? i : ~i;
    }
}
