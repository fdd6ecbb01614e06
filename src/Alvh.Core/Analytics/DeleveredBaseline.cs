namespace Alvh.Analytics;

/// <summary>
/// The de-levered baseline of the study: a daily-rebalanced mix of the equity (DRIP) sleeve and T-bills,
/// m_t = w·r_e,t + (1 − w)·r_f,t, with w the equity weight (fraction; 1 = all equity, no leverage above
/// <c>maxWeight</c>). Returns are daily simple returns (fractions), the two spans aligned and equal in length.
/// Solvers find the w whose mix matches the strategy's volatility or CAGR, so the strategy can be compared
/// with a passive portfolio of the same risk or the same growth.
/// </summary>
public static class DeleveredBaseline
{
    private const int BisectionIterations = 200;

    /// <summary>Writes the mix's daily returns w·r_e + (1 − w)·r_f into <paramref name="output"/>.</summary>
    public static void MixReturns(ReadOnlySpan<double> equityReturns, ReadOnlySpan<double> billReturns, double weight, Span<double> output)
    {
        Require.SameLength(equityReturns.Length, billReturns.Length, nameof(billReturns));
        Require.SameLength(equityReturns.Length, output.Length, nameof(output));
        for (int t = 0; t < equityReturns.Length; t++) output[t] = weight * equityReturns[t] + (1.0 - weight) * billReturns[t];
    }

    /// <summary>
    /// Annualised volatility (fraction) of the mix, in closed form from the sample moments:
    /// √((w²V_e + 2w(1 − w)C + (1 − w)²V_f) × tradingDaysPerYear) — equal to the sample stdev of <see cref="MixReturns"/> × √252.
    /// </summary>
    public static double MixVolatility(ReadOnlySpan<double> equityReturns, ReadOnlySpan<double> billReturns, double weight, int tradingDaysPerYear = Returns.TradingDaysPerYear)
    {
        Require.Positive(tradingDaysPerYear, nameof(tradingDaysPerYear));
        var m = Moments.Of(equityReturns, billReturns);
        return Math.Sqrt(Math.Max(0.0, m.VarianceAt(weight)) * tradingDaysPerYear);
    }

    /// <summary>
    /// CAGR (annualised fraction) of the mix compounded daily over <paramref name="years"/> calendar years
    /// (see <see cref="Returns.CalendarYears"/>): exp(Σ ln(1 + m_t)/years) − 1; −1 if the mix is wiped out.
    /// </summary>
    public static double MixCagr(ReadOnlySpan<double> equityReturns, ReadOnlySpan<double> billReturns, double weight, double years)
    {
        Require.SameLength(equityReturns.Length, billReturns.Length, nameof(billReturns));
        if (!(years > 0.0)) throw new ArgumentOutOfRangeException(nameof(years), years, "must be positive");
        return Math.Exp(LogGrowth(equityReturns, billReturns, weight) / years) - 1.0;
    }

    /// <summary>
    /// The weight w ∈ [0, <paramref name="maxWeight"/>] whose mix has annualised volatility <paramref name="targetVolatility"/>
    /// (fraction). Closed form: the mix variance a w² + b w + c is quadratic in w (a = var(r_e − r_f), b = 2(cov − V_f),
    /// c = V_f); the larger root, on the branch where volatility rises with w, is returned. NaN with a reason when the
    /// target is below the bills' volatility, beyond <paramref name="maxWeight"/>, or equity and bills do not differ.
    /// </summary>
    public static WeightSolution WeightForVolatility(ReadOnlySpan<double> equityReturns, ReadOnlySpan<double> billReturns, double targetVolatility,
        double maxWeight = 1.0, int tradingDaysPerYear = Returns.TradingDaysPerYear)
    {
        Require.Positive(tradingDaysPerYear, nameof(tradingDaysPerYear));
        if (!(targetVolatility >= 0.0)) throw new ArgumentOutOfRangeException(nameof(targetVolatility), targetVolatility, "must be non-negative");
        var m = Moments.Of(equityReturns, billReturns);
        double a = m.EquityVariance - 2.0 * m.Covariance + m.BillVariance;
        if (!(a > 0.0)) return WeightSolution.Unsolved("equity and bill returns differ by a constant: the mix volatility does not depend on w");
        double b = 2.0 * (m.Covariance - m.BillVariance);
        double c = m.BillVariance - targetVolatility * targetVolatility / tradingDaysPerYear;
        double discriminant = b * b - 4.0 * a * c;
        if (discriminant < 0.0) return WeightSolution.Unsolved("target volatility is below the minimum attainable by any mix");
        double weight = (-b + Math.Sqrt(discriminant)) / (2.0 * a);
        if (weight < 0.0) return WeightSolution.Unsolved("target volatility is below the bills' own volatility (would need w < 0)");
        if (weight > maxWeight) return WeightSolution.Unsolved(FormattableString.Invariant($"target volatility needs an equity weight of {weight * 100:0.0}%, above the most allowed, {maxWeight * 100:0.0}%"));
        return new WeightSolution(weight, MixVolatility(equityReturns, billReturns, weight, tradingDaysPerYear), null);
    }

    /// <summary>
    /// The weight w ∈ [0, <paramref name="maxWeight"/>] whose mix has CAGR <paramref name="targetCagr"/> (annualised
    /// fraction) over <paramref name="years"/>. The log growth Σ ln(1 + r_f + w(r_e − r_f)) is concave in w, so the CAGR
    /// rises with w up to its growth-optimal w* (found by bisection on the derivative) and falls after; the root is
    /// bisected on [0, min(w*, maxWeight)], where it is unique. NaN with a reason when equity does not out-grow bills
    /// (CAGR falls from w = 0), the target is below the bills' CAGR, or above the best CAGR attainable.
    /// </summary>
    public static WeightSolution WeightForCagr(ReadOnlySpan<double> equityReturns, ReadOnlySpan<double> billReturns, double targetCagr, double years, double maxWeight = 1.0)
    {
        Require.SameLength(equityReturns.Length, billReturns.Length, nameof(billReturns));
        if (!(years > 0.0)) throw new ArgumentOutOfRangeException(nameof(years), years, "must be positive");
        if (!(maxWeight > 0.0)) throw new ArgumentOutOfRangeException(nameof(maxWeight), maxWeight, "must be positive");
        double billsCagr = MixCagr(equityReturns, billReturns, 0.0, years);
        if (targetCagr < billsCagr) return WeightSolution.Unsolved(FormattableString.Invariant($"target CAGR is below the bills' CAGR, {billsCagr * 100:0.00}% a year"));
        if (LogGrowthSlope(equityReturns, billReturns, 0.0) <= 0.0)
        {
            return targetCagr == billsCagr
                ? new WeightSolution(0.0, billsCagr, null)
                : WeightSolution.Unsolved("equity does not out-grow bills: the mix CAGR falls as w rises from 0");
        }
        double best = maxWeight;
        if (LogGrowthSlope(equityReturns, billReturns, maxWeight) < 0.0)
        {
            double low = 0.0, high = maxWeight;
            for (int i = 0; i < BisectionIterations && high - low > 1e-15; i++)
            {
                double middle = 0.5 * (low + high);
                if (LogGrowthSlope(equityReturns, billReturns, middle) > 0.0) low = middle;
                else high = middle;
            }
            best = low;
        }
        double bestCagr = MixCagr(equityReturns, billReturns, best, years);
        if (targetCagr > bestCagr) return WeightSolution.Unsolved(FormattableString.Invariant($"target CAGR is above the best attainable, {bestCagr * 100:0.00}% a year (at an equity weight of {best * 100:0.0}%)"));
        double lo = 0.0, hi = best;
        for (int i = 0; i < BisectionIterations && hi - lo > 1e-15; i++)
        {
            double middle = 0.5 * (lo + hi);
            if (MixCagr(equityReturns, billReturns, middle, years) < targetCagr) lo = middle;
            else hi = middle;
        }
        double weight = 0.5 * (lo + hi);
        return new WeightSolution(weight, MixCagr(equityReturns, billReturns, weight, years), null);
    }

    private static double LogGrowth(ReadOnlySpan<double> equityReturns, ReadOnlySpan<double> billReturns, double weight)
    {
        double sum = 0.0;
        for (int t = 0; t < equityReturns.Length; t++)
        {
            double gross = 1.0 + billReturns[t] + weight * (equityReturns[t] - billReturns[t]);
            if (gross <= 0.0) return double.NegativeInfinity;
            sum += Math.Log(gross);
        }
        return sum;
    }

    /// <summary>d/dw Σ ln(1 + r_f + w(r_e − r_f)) = Σ (r_e − r_f)/(1 + r_f + w(r_e − r_f)); −∞ past ruin.</summary>
    private static double LogGrowthSlope(ReadOnlySpan<double> equityReturns, ReadOnlySpan<double> billReturns, double weight)
    {
        double sum = 0.0;
        for (int t = 0; t < equityReturns.Length; t++)
        {
            double spread = equityReturns[t] - billReturns[t];
            double gross = 1.0 + billReturns[t] + weight * spread;
            if (gross <= 0.0) return double.NegativeInfinity;
            sum += spread / gross;
        }
        return sum;
    }

    private readonly record struct Moments(double EquityVariance, double BillVariance, double Covariance)
    {
        public double VarianceAt(double w) => w * w * EquityVariance + 2.0 * w * (1.0 - w) * Covariance + (1.0 - w) * (1.0 - w) * BillVariance;

        public static Moments Of(ReadOnlySpan<double> equityReturns, ReadOnlySpan<double> billReturns)
        {
            Require.SameLength(equityReturns.Length, billReturns.Length, nameof(billReturns));
            Require.AtLeast(equityReturns.Length, 2, nameof(equityReturns));
            double me = SampleStatistics.Mean(equityReturns), mf = SampleStatistics.Mean(billReturns);
            double ve = 0.0, vf = 0.0, c = 0.0;
            for (int t = 0; t < equityReturns.Length; t++)
            {
                double de = equityReturns[t] - me, df = billReturns[t] - mf;
                ve += de * de;
                vf += df * df;
                c += de * df;
            }
            double n1 = equityReturns.Length - 1;
            return new Moments(ve / n1, vf / n1, c / n1);
        }
    }
}
