namespace Alvh.Pricing;

/// <summary>
/// Finds the strike whose Black–Scholes–Merton delta equals a target (e.g. the 16-delta put of a
/// short iron condor), either in closed form for a flat volatility or by bracketed root finding
/// on a skewed smile where the volatility itself moves with the strike.
/// </summary>
/// <remarks>
/// Conventions: spot in currency units; rate and dividend yield continuously compounded,
/// annualised fractions; vol annualised fraction; t in years. Delta is signed (calls in (0, 1),
/// puts in (−1, 0)), spot or forward per <see cref="DeltaConvention"/>. For an option on a future
/// (Black-76) pass the futures price as <c>spot</c> and <c>dividendYield = rate</c>, so the forward
/// equals the future and the spot delta is the discounted Black delta.
/// </remarks>
public static class StrikeFromDelta
{
    /// <summary>Closed-form strike for a flat volatility: K = F exp(−ωΦ⁻¹(ωΔ_F) σ√T + σ²T/2).</summary>
    /// <param name="right">Call or put.</param>
    /// <param name="delta">Target delta, signed (e.g. −0.16 for a 16-delta put).</param>
    /// <param name="spot">Spot price, currency units.</param>
    /// <param name="rate">Risk-free rate, continuously compounded, annualised fraction.</param>
    /// <param name="dividendYield">Dividend yield, continuously compounded, annualised fraction.</param>
    /// <param name="vol">Volatility, annualised fraction (&gt; 0).</param>
    /// <param name="t">Time to expiry, years (&gt; 0).</param>
    /// <param name="convention">Whether <paramref name="delta"/> is a spot or a forward delta.</param>
    /// <returns>The strike, currency units.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The delta is not attainable for this right and convention, or vol or t is not positive.</exception>
    public static double ForFlatVol(OptionRight right, double delta, double spot, double rate, double dividendYield, double vol, double t, DeltaConvention convention = DeltaConvention.Spot)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vol);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(t);
        double sign = BlackFormula.Sign(right);
        double forwardDelta = ToForwardDelta(sign, delta, dividendYield, t, convention);
        double forward = BlackScholes.Forward(spot, rate, dividendYield, t);
        double stdDev = vol * Math.Sqrt(t);
        double d1 = sign * NormalDistribution.InverseCdf(sign * forwardDelta);
        return forward * Math.Exp(-d1 * stdDev + 0.5 * stdDev * stdDev);
    }

    /// <summary>Strike with the target delta on a smile, the volatility at each trial strike read from <paramref name="smile"/>.</summary>
    /// <typeparam name="TSmile">The smile type; a struct avoids boxing.</typeparam>
    /// <param name="right">Call or put.</param>
    /// <param name="delta">Target delta, signed (e.g. −0.16 for a 16-delta put).</param>
    /// <param name="spot">Spot price, currency units.</param>
    /// <param name="rate">Risk-free rate, continuously compounded, annualised fraction.</param>
    /// <param name="dividendYield">Dividend yield, continuously compounded, annualised fraction.</param>
    /// <param name="t">Time to expiry, years (&gt; 0).</param>
    /// <param name="smile">Volatility (annualised fraction) as a function of strike.</param>
    /// <param name="convention">Whether <paramref name="delta"/> is a spot or a forward delta.</param>
    /// <returns>
    /// The strike (currency units) at which delta(K, σ(K)) equals the target to ~1e-14 in ln K;
    /// NaN if no strike within 20 standard deviations of the forward attains it (a smile so steep
    /// that delta is not monotone in strike).
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">The delta is not attainable for this right and convention, or t is not positive.</exception>
    public static double ForSmile<TSmile>(OptionRight right, double delta, double spot, double rate, double dividendYield, double t, TSmile smile, DeltaConvention convention = DeltaConvention.Spot)
        where TSmile : IVolSmile
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(t);
        double sign = BlackFormula.Sign(right);
        double forwardDelta = ToForwardDelta(sign, delta, dividendYield, t, convention);
        double forward = BlackScholes.Forward(spot, rate, dividendYield, t);
        var gap = new DeltaGap<TSmile>(smile, sign, forward, Math.Sqrt(t), forwardDelta);

        // Start from the flat-vol answer at the at-the-money vol; walk outwards until the delta gap
        // changes sign. In k = ln(K/F) the forward delta decreases (calls and puts alike) when the
        // smile is not absurdly steep, so a positive gap means the strike must go up.
        double atmStdDev = Math.Max(smile.Vol(forward), 1e-4) * gap.SqrtT;
        double start = -sign * NormalDistribution.InverseCdf(sign * forwardDelta) * atmStdDev + 0.5 * atmStdDev * atmStdDev;
        double fStart = gap.Evaluate(start);
        if (fStart == 0.0)
        {
            return forward * Math.Exp(start);
        }

        double direction = fStart > 0.0 ? 1.0 : -1.0;
        double step = 0.25 * atmStdDev;
        double limit = 20.0 * Math.Max(atmStdDev, 0.05);
        double near = start, fNear = fStart;
        // The step doubles, so a bracket within the limit is found in a few dozen steps; a NaN anywhere (the limit
        // included) ends the walk instead of comparing false for ever.
        for (int walked = 0; ; walked++)
        {
            double far = near + direction * step;
            double fFar = gap.Evaluate(far);
            if (double.IsNaN(fFar) || !(Math.Abs(far - start) <= limit) || walked > 200)
            {
                return double.NaN;
            }

            if (Math.Sign(fFar) != Math.Sign(fNear))
            {
                double k = BrentSolver.Solve(gap, near, far, fNear, fFar, 1e-14);
                return forward * Math.Exp(k);
            }

            near = far;
            fNear = fFar;
            step *= 2.0;
        }
    }

    /// <summary>Strike with the target delta on a smile given as a delegate (allocates; prefer the generic overload in loops).</summary>
    /// <param name="right">Call or put.</param>
    /// <param name="delta">Target delta, signed.</param>
    /// <param name="spot">Spot price, currency units.</param>
    /// <param name="rate">Risk-free rate, continuously compounded, annualised fraction.</param>
    /// <param name="dividendYield">Dividend yield, continuously compounded, annualised fraction.</param>
    /// <param name="t">Time to expiry, years (&gt; 0).</param>
    /// <param name="volAtStrike">Volatility (annualised fraction) as a function of strike (currency units).</param>
    /// <param name="convention">Whether <paramref name="delta"/> is a spot or a forward delta.</param>
    /// <returns>The strike, currency units; NaN if none attains the delta (see the generic overload).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The delta is not attainable, or t is not positive.</exception>
    public static double ForSmile(OptionRight right, double delta, double spot, double rate, double dividendYield, double t, Func<double, double> volAtStrike, DeltaConvention convention = DeltaConvention.Spot)
    {
        ArgumentNullException.ThrowIfNull(volAtStrike);
        return ForSmile(right, delta, spot, rate, dividendYield, t, new DelegateSmile(volAtStrike), convention);
    }

    private static double ToForwardDelta(double sign, double delta, double dividendYield, double t, DeltaConvention convention)
    {
        double forwardDelta = convention == DeltaConvention.Spot ? delta * Math.Exp(dividendYield * t) : delta;
        if (!(sign * forwardDelta > 0.0 && sign * forwardDelta < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "Delta must be in (0, 1) for a call and (-1, 0) for a put (spot deltas scaled by e^{-qT}).");
        }

        return forwardDelta;
    }

    /// <summary>Forward delta at log-moneyness k minus the target.</summary>
    private readonly struct DeltaGap<TSmile>(TSmile smile, double sign, double forward, double sqrtT, double target) : IScalarFunction
        where TSmile : IVolSmile
    {
        public double SqrtT => sqrtT;

        public double Evaluate(double logMoneyness)
        {
            double strike = forward * Math.Exp(logMoneyness);
            double stdDev = smile.Vol(strike) * sqrtT;
            if (!(stdDev > 0.0))
            {
                // Zero vol: delta is a step at the forward.
                double step = logMoneyness < 0.0 ? 1.0 : logMoneyness > 0.0 ? 0.0 : 0.5;
                return (sign > 0.0 ? step : step - 1.0) - target;
            }

            double d1 = -logMoneyness / stdDev + 0.5 * stdDev;
            return sign * NormalDistribution.Cdf(sign * d1) - target;
        }
    }

    private readonly struct DelegateSmile(Func<double, double> volAtStrike) : IVolSmile
    {
        public double Vol(double strike) => volAtStrike(strike);
    }
}
