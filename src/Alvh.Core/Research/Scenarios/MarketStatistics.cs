using System.Buffers;

namespace Alvh.Research.Scenarios;

/// <summary>
/// The features of a market that decide what options strategies earn, measured the same way on history and on
/// each simulated path, so a generator can be checked against the history it was drawn from or fitted to: the
/// index's drift and volatility, the VIX's level, its premium over the volatility that followed (what a seller of
/// options collects), how it moves with the index (what makes VIX calls a hedge), crash days, the VIX's high
/// percentile, how long its moves last, and the index's deepest fall.
/// </summary>
/// <param name="SpxDrift">Mean daily log return of the S&amp;P 500 × 252 (the price index, dividends excluded).</param>
/// <param name="RealizedVolatility">Sample standard deviation of the daily log returns × √252.</param>
/// <param name="MeanVix">Mean VIX close, index points.</param>
/// <param name="VixPremium">
/// Mean over days t of VIX<sub>t</sub> − 100 √(252/21 · Σ<sub>k=1..21</sub> r<sub>t+k</sub>²): the VIX minus the
/// volatility realised over the next 21 trading days (the VIX's 30 calendar days), index points; the days without 21
/// later returns are left out. Positive on average in history (the variance risk premium, Carr and Wu, "Variance risk
/// premiums", Review of Financial Studies 22 (2009)).
/// </param>
/// <param name="ReturnVixCorrelation">Correlation of the daily S&amp;P 500 log return with the daily change of log VIX.</param>
/// <param name="CrashDaysPerYear">Days with an S&amp;P 500 return of <see cref="CrashReturn"/> or worse, per 252 days.</param>
/// <param name="VixP95">95th percentile of the VIX closes (linear between order statistics, Excel PERCENTILE.INC).</param>
/// <param name="VixHalfLifeDays">
/// ln ½ / ln ρ, trading days, where ρ is the lag-one least-squares slope of log VIX on its previous value (both
/// taken from the series' mean): how long half of a VIX move takes to fade; NaN when ρ is not in (0, 1).
/// </param>
/// <param name="SpxMaxDrawdown">
/// The S&amp;P 500's deepest fall from a running peak over the days (the price index, from the first day's previous close):
/// exp(min over t of (L<sub>t</sub> − max<sub>s≤t</sub> L<sub>s</sub>)) − 1 with L the cumulative log return, L<sub>0</sub>
/// = 0; a fraction ≤ 0. What a DRIP's drawdown follows: a generator whose centre matches history's but whose falls are
/// too shallow or too deep misstates every drawdown the Monte Carlo reports (added 2026-11-28, review h87: the SVJ paths'
/// 3-year drawdowns were narrower than history's windows and no statistic showed it).
/// </param>
public sealed record MarketStatistics(double SpxDrift, double RealizedVolatility, double MeanVix, double VixPremium,
    double ReturnVixCorrelation, double CrashDaysPerYear, double VixP95, double VixHalfLifeDays, double SpxMaxDrawdown)
{
    /// <summary>Trading days of realised volatility the VIX is compared with (its 30 calendar days).</summary>
    public const int PremiumDays = 21;

    /// <summary>The daily S&amp;P 500 return (simple) at or below which a day counts as a crash day.</summary>
    public const double CrashReturn = -0.04;

    /// <summary>Trading days a year.</summary>
    private const double DaysPerYear = 252;

    /// <summary>
    /// The statistics of consecutive days, given per day i its S&amp;P 500 log return (<paramref name="spxReturns"/>), the
    /// change of log VIX (<paramref name="vixChanges"/>) and the VIX close (<paramref name="vixCloses"/>). Every value must
    /// be finite and every VIX close positive.
    /// </summary>
    public static MarketStatistics Of(ReadOnlySpan<double> spxReturns, ReadOnlySpan<double> vixChanges, ReadOnlySpan<double> vixCloses)
    {
        int n = spxReturns.Length;
        if (vixChanges.Length != n || vixCloses.Length != n) throw new ArgumentException($"the three series must have one value a day: {n} returns, {vixChanges.Length} VIX changes, {vixCloses.Length} VIX closes");
        if (n < 2) throw new ArgumentException($"the statistics need at least 2 days, got {n}", nameof(spxReturns));
        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(spxReturns[i]) || !double.IsFinite(vixChanges[i]) || !(vixCloses[i] > 0) || !double.IsFinite(vixCloses[i]))
            {
                throw new ArgumentException($"day {i}: return {spxReturns[i]}, VIX change {vixChanges[i]}, VIX close {vixCloses[i]}: every value must be finite and every VIX close positive");
            }
        }

        var pool = ArrayPool<double>.Shared;
        double[] logVix = pool.Rent(n);
        try
        {
            for (int i = 0; i < n; i++) logVix[i] = Math.Log(vixCloses[i]);
            return Of(spxReturns, vixChanges, vixCloses, logVix.AsSpan(0, n));
        }
        finally
        {
            pool.Return(logVix);
        }
    }

    /// <summary><see cref="Of(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double})"/> on checked inputs, with the logarithms of the VIX closes.</summary>
    private static MarketStatistics Of(ReadOnlySpan<double> spxReturns, ReadOnlySpan<double> vixChanges, ReadOnlySpan<double> vixCloses, ReadOnlySpan<double> logVix)
    {
        int n = spxReturns.Length;
        double meanReturn = Mean(spxReturns), meanChange = Mean(vixChanges), meanVix = Mean(vixCloses);
        double returnSquares = 0, changeSquares = 0, products = 0;
        double crashLog = Math.Log(1 + CrashReturn);
        int crashes = 0;
        // The drawdown in log terms: the cumulative log return against its running peak (0 before the first day).
        double level = 0, peak = 0, deepest = 0;
        for (int i = 0; i < n; i++)
        {
            double r = spxReturns[i] - meanReturn, c = vixChanges[i] - meanChange;
            returnSquares += r * r;
            changeSquares += c * c;
            products += r * c;
            if (spxReturns[i] <= crashLog) crashes++;
            level += spxReturns[i];
            peak = Math.Max(peak, level);
            deepest = Math.Min(deepest, level - peak);
        }
        double volatility = Math.Sqrt(returnSquares / (n - 1) * DaysPerYear);
        double correlation = returnSquares > 0 && changeSquares > 0 ? products / Math.Sqrt(returnSquares * changeSquares) : double.NaN;
        return new MarketStatistics(meanReturn * DaysPerYear, volatility, meanVix, Premium(spxReturns, vixCloses), correlation,
            crashes * DaysPerYear / n, Percentile95(vixCloses), HalfLife(logVix), Math.Exp(deepest) - 1);
    }

    /// <summary>The statistics of a simulated path: its days after the first (each needs the previous close).</summary>
    public static MarketStatistics Of(ScenarioPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        int days = path.Days.Length;
        return OfCloses(path.SpxClose.AsSpan(0, days), path.VixClose.AsSpan(0, days), path.Days);
    }

    /// <summary>The statistics of a path's S&amp;P 500 and VIX closes on <paramref name="days"/> (its days after the first).</summary>
    internal static MarketStatistics OfCloses(ReadOnlySpan<double> spxClose, ReadOnlySpan<double> vixClose, ReadOnlySpan<DateOnly> days)
    {
        int n = days.Length - 1;
        if (n < 2) throw new ArgumentException($"a path of {days.Length} days is too short for its statistics", nameof(days));
        var pool = ArrayPool<double>.Shared;
        double[] returns = pool.Rent(n), changes = pool.Rent(n), logVix = pool.Rent(n + 1);
        try
        {
            for (int i = 0; i <= n; i++)
            {
                double spx = spxClose[i], vix = vixClose[i];
                if (!(spx > 0) || !(vix > 0) || !double.IsFinite(spx) || !double.IsFinite(vix))
                {
                    throw new ArgumentException($"path day {i} ({days[i]:yyyy-MM-dd}): S&P 500 close {spx}, VIX close {vix}: every close must be finite and positive", nameof(days));
                }
            }
            // One logarithm a close: a day's VIX change is the difference of two of them, and the half-life reads them too.
            for (int i = 0; i <= n; i++) logVix[i] = Math.Log(vixClose[i]);
            for (int i = 0; i < n; i++)
            {
                returns[i] = Math.Log(spxClose[i + 1] / spxClose[i]);
                changes[i] = logVix[i + 1] - logVix[i];
            }
            return Of(returns.AsSpan(0, n), changes.AsSpan(0, n), vixClose.Slice(1, n), logVix.AsSpan(1, n));
        }
        finally
        {
            pool.Return(returns);
            pool.Return(changes);
            pool.Return(logVix);
        }
    }

    /// <summary>The statistics of a historical pool, in its order (its days are consecutive trading days but for the rare one a series misses).</summary>
    public static MarketStatistics Of(HistoricalDays history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return Of(history.SpxReturn, history.VixChange, VixCloses(history));
    }

    /// <summary>Each pool day's VIX close: its previous close moved by its own change.</summary>
    private static double[] VixCloses(HistoricalDays history)
    {
        var closes = new double[history.Count];
        for (int k = 0; k < closes.Length; k++) closes[k] = Math.Exp(history.PreviousLogVix[k] + history.VixChange[k]);
        return closes;
    }

    /// <summary>
    /// The statistics of every window of <paramref name="days"/> consecutive days of <paramref name="history"/>, the
    /// first starting at its first day and each next one <paramref name="step"/> days later (overlapping when
    /// <paramref name="step"/> &lt; <paramref name="days"/>): history measured on the span a simulated path covers. Empty
    /// when the history is shorter than one window.
    /// </summary>
    public static MarketStatistics[] Windows(HistoricalDays history, int days, int step)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step);
        if (history.Count < days) return [];
        var closes = VixCloses(history);
        var windows = new MarketStatistics[(history.Count - days) / step + 1];
        for (int w = 0; w < windows.Length; w++)
        {
            int first = w * step;
            windows[w] = Of(history.SpxReturn.AsSpan(first, days), history.VixChange.AsSpan(first, days), closes.AsSpan(first, days));
        }
        return windows;
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values) sum += v;
        return sum / values.Length;
    }

    /// <summary>Mean of VIX minus the next <see cref="PremiumDays"/> days' realised volatility (a running sum of squared returns).</summary>
    private static double Premium(ReadOnlySpan<double> returns, ReadOnlySpan<double> vix)
    {
        int n = returns.Length, windows = n - PremiumDays;
        if (windows <= 0) return double.NaN;
        double squares = 0;
        for (int k = 1; k <= PremiumDays; k++) squares += returns[k] * returns[k];
        double total = 0;
        for (int t = 0; t < windows; t++)
        {
            if (t > 0)
            {
                // The window moves from days t..t+20 to t+1..t+21.
                squares += returns[t + PremiumDays] * returns[t + PremiumDays] - returns[t] * returns[t];
            }
            total += vix[t] - 100 * Math.Sqrt(Math.Max(0, squares) * DaysPerYear / PremiumDays);
        }
        return total / windows;
    }

    /// <summary>
    /// The 95th percentile, linear between the order statistics ⌊h⌋ and ⌊h⌋ + 1 with h = 0.95 (n − 1) (Excel
    /// PERCENTILE.INC): the first found by selection on a copy (<see cref="Analytics.TailRisk.Select"/>, expected linear
    /// time; a full sort of a path's closes took most of the statistics' time), the second as the smallest value above it.
    /// </summary>
    private static double Percentile95(ReadOnlySpan<double> values)
    {
        var pool = ArrayPool<double>.Shared;
        double[] copy = pool.Rent(values.Length);
        try
        {
            var span = copy.AsSpan(0, values.Length);
            values.CopyTo(span);
            double h = (span.Length - 1) * 0.95;
            int k = (int)Math.Floor(h);
            double low = Analytics.TailRisk.Select(span, k);
            if (k + 1 >= span.Length) return low;
            double high = double.PositiveInfinity;
            foreach (double v in span[(k + 1)..]) high = Math.Min(high, v);
            return low + (h - k) * (high - low);
        }
        finally
        {
            pool.Return(copy);
        }
    }

    /// <summary>The half-life of log VIX's moves from the lag-one slope of its deviations from their mean.</summary>
    private static double HalfLife(ReadOnlySpan<double> logVix)
    {
        double mean = Mean(logVix);
        double lagged = 0, products = 0, previous = logVix[0] - mean;
        for (int i = 1; i < logVix.Length; i++)
        {
            double x = logVix[i] - mean;
            products += x * previous;
            lagged += previous * previous;
            previous = x;
        }
        double rho = products / lagged;
        return rho > 0 && rho < 1 ? Math.Log(0.5) / Math.Log(rho) : double.NaN;
    }
}
