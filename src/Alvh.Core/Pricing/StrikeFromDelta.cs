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
        return ForSmile(right, delta, spot, rate, dividendYield, t, smile, out _, convention);
    }

    /// <summary><see cref="ForSmile{TSmile}(OptionRight, double, double, double, double, double, TSmile, DeltaConvention)"/>, with the deltas the search valued.</summary>
    internal static double ForSmile<TSmile>(OptionRight right, double delta, double spot, double rate, double dividendYield, double t, TSmile smile, out int valuations, DeltaConvention convention = DeltaConvention.Spot)
        where TSmile : IVolSmile
    {
        valuations = 0;
        double k = SolveLogMoneyness(right, delta, spot, rate, dividendYield, t, smile, convention, new NeverResolved(), out double forward, ref valuations);
        return forward * Math.Exp(k);
    }

    /// <summary>
    /// The listed strike that <see cref="ForSmile{TSmile}(OptionRight, double, double, double, double, double, TSmile, DeltaConvention)"/>'s strike rounds to, found with fewer valuations: the search
    /// stops as soon as every strike left in its bracket rounds to one listed strike. The bracket always holds the
    /// full-precision root (each bracket lies inside the one before), rounding is monotone in the strike, and both ends
    /// must clear the rounding edges by a margin that covers the error of exp (<see cref="ListedStop"/>), so the answer is
    /// the listed strike of the full search, bit for bit.
    /// </summary>
    /// <typeparam name="TSmile">The smile type; a struct avoids boxing.</typeparam>
    /// <param name="right">Call or put.</param>
    /// <param name="delta">Target delta, signed (e.g. −0.16 for a 16-delta put).</param>
    /// <param name="spot">Spot price, currency units.</param>
    /// <param name="rate">Risk-free rate, continuously compounded, annualised fraction.</param>
    /// <param name="dividendYield">Dividend yield, continuously compounded, annualised fraction.</param>
    /// <param name="t">Time to expiry, years (&gt; 0).</param>
    /// <param name="smile">Volatility (annualised fraction) as a function of strike.</param>
    /// <param name="listing">The listed strikes and how a strike is rounded to them.</param>
    /// <param name="valuations">Set to the deltas the search valued (each a Black–Scholes delta at the smile's volatility).</param>
    /// <param name="convention">Whether <paramref name="delta"/> is a spot or a forward delta.</param>
    /// <returns>The listed strike (currency units); NaN when <see cref="ForSmile{TSmile}(OptionRight, double, double, double, double, double, TSmile, DeltaConvention)"/> finds none.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The delta is not attainable for this right and convention, or t is not positive.</exception>
    public static double ListedForSmile<TSmile>(OptionRight right, double delta, double spot, double rate, double dividendYield, double t, TSmile smile, StrikeListing listing, out int valuations, DeltaConvention convention = DeltaConvention.Spot)
        where TSmile : IVolSmile
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(listing.Step);
        valuations = 0;
        double forward = BlackScholes.Forward(spot, rate, dividendYield, t);
        double k = SolveLogMoneyness(right, delta, spot, rate, dividendYield, t, smile, convention, new ListedStop(forward, listing), out _, ref valuations);
        return listing.Round(forward * Math.Exp(k));
    }

    /// <summary>
    /// ln(K/F) of the strike with the target delta (NaN when none is found); <paramref name="forward"/> is F. Stops early
    /// when <paramref name="stop"/> finds the bracket resolved; adds the deltas valued to <paramref name="evaluations"/>.
    /// </summary>
    private static double SolveLogMoneyness<TSmile, TStop>(OptionRight right, double delta, double spot, double rate, double dividendYield, double t, TSmile smile, DeltaConvention convention, TStop stop, out double forward, ref int evaluations)
        where TSmile : IVolSmile
        where TStop : IBracketStop
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(t);
        double sign = BlackFormula.Sign(right);
        double forwardDelta = ToForwardDelta(sign, delta, dividendYield, t, convention);
        forward = BlackScholes.Forward(spot, rate, dividendYield, t);
        var gap = new DeltaGap<TSmile>(smile, sign, forward, Math.Sqrt(t), forwardDelta);

        // Start from the flat-vol answer at the at-the-money vol; walk outwards until the delta gap
        // changes sign. In k = ln(K/F) the forward delta decreases (calls and puts alike) when the
        // smile is not absurdly steep, so a positive gap means the strike must go up.
        double atmStdDev = Math.Max(smile.Vol(forward), 1e-4) * gap.SqrtT;
        double start = -sign * NormalDistribution.InverseCdf(sign * forwardDelta) * atmStdDev + 0.5 * atmStdDev * atmStdDev;
        double fStart = gap.Evaluate(start);
        evaluations++;
        if (fStart == 0.0)
        {
            return start;
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
            evaluations++;
            if (double.IsNaN(fFar) || !(Math.Abs(far - start) <= limit) || walked > 200)
            {
                return double.NaN;
            }

            if (Math.Sign(fFar) != Math.Sign(fNear))
            {
                return BrentSolver.Solve(gap, stop, near, far, fNear, fFar, 1e-14, ref evaluations);
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

    /// <summary>
    /// Resolved when both ends of the bracket (in ln K/F) round to the same listed strike, each with a margin of
    /// <see cref="StopMargin"/> of its strike from the edges of that strike's rounding interval.
    /// </summary>
    /// <remarks>
    /// Why the margin: the root lies between the bracket's ends in ln K/F, and the strike is F·exp(k) in floating point. Had
    /// the stop asked only that both ends round alike, its answer would equal the full search's only if that computed
    /// strike were monotone in k, which rests on the platform's exp being monotone: likely, but no library documents it.
    /// glibc's manual lists its exp's known maximum error (1 ulp on x86-64), so the computed strike between the ends strays from
    /// monotone by a few ulps at most (about 1e-15 of it), far inside the margin: both ends clear of the edges by 1e-13 of
    /// their strikes, every strike between rounds as they do. A bracket whose end is nearer an edge runs on, as the full
    /// search would (a few more deltas, on rare days); the strike is the same.
    /// </remarks>
    internal readonly struct ListedStop(double forward, StrikeListing listing) : IBracketStop
    {
        public bool Resolved(double best, double other)
        {
            double a = forward * Math.Exp(best), b = forward * Math.Exp(other);
            double listed = listing.Round(a);
            return listing.Round(b) == listed && Clear(a, listed) && Clear(b, listed);
        }

        /// <summary>True when the strikes <see cref="StopMargin"/> of <paramref name="strike"/> above and below it round to <paramref name="listed"/> too.</summary>
        private bool Clear(double strike, double listed)
        {
            double margin = Math.Abs(strike) * StopMargin;
            return listing.Round(strike - margin) == listed && listing.Round(strike + margin) == listed;
        }
    }

    /// <summary>How far (relative to its strike) each end of a bracket must be from a rounding edge for the search to stop early (<see cref="ListedStop"/>).</summary>
    internal const double StopMargin = 1e-13;
}

/// <summary>How a solved strike becomes a listed one.</summary>
public enum StrikeRounding
{
    /// <summary>The nearest multiple of the step, halves away from zero (<c>StrikeGrid.Nearest</c>).</summary>
    Nearest,

    /// <summary>The smallest multiple of the step at or above the strike.</summary>
    Up,
}

/// <summary>Listed strikes: the multiples of <paramref name="Step"/>, and how a strike is rounded to them.</summary>
/// <param name="Step">Strike spacing, currency units (&gt; 0).</param>
/// <param name="Rounding">Nearest, or up.</param>
public readonly record struct StrikeListing(double Step, StrikeRounding Rounding)
{
    /// <summary>The listed strike for <paramref name="strike"/> (NaN stays NaN); monotone in the strike.</summary>
    /// <param name="strike">Strike, currency units.</param>
    /// <returns>A multiple of <see cref="Step"/>.</returns>
    public double Round(double strike) => Rounding == StrikeRounding.Up
        ? Math.Ceiling(strike / Step) * Step
        : Math.Round(strike / Step, MidpointRounding.AwayFromZero) * Step;
}
