namespace Alvh.Pricing;

/// <summary>
/// Implied-volatility solvers for <see cref="BlackScholes"/> and <see cref="Black76"/> prices,
/// robust from deep in-the-money to far out-of-the-money and from one day to many years.
/// </summary>
/// <remarks>
/// <para>
/// Both entry points reduce to the undiscounted Black problem B(s) = c in the total standard
/// deviation s = σ√T. An in-the-money price is first mapped to the out-of-the-money option of the
/// same strike by put–call parity (C − P = F − K), whose price is the time value alone and is a
/// strictly increasing function of s from 0 to F (call) or K (put).
/// </para>
/// <para>
/// The root is kept in a bracket [lo, hi] (found by doubling from the vega-maximising point
/// s* = √(2|ln F/K|)) and refined by Newton steps on ln B(s) − ln c, which is far better scaled than
/// B(s) − c in the wings, where B falls like e^{−x²/2s²}, starting from that asymptotic inverted;
/// a step that leaves the bracket (or, after 10 iterations, fails to halve the previous step) is
/// replaced by bisection, so convergence is guaranteed. The tolerance is
/// a few ulps of s; 100 iterations are allowed (bisection alone would need ~60).
/// </para>
/// <para>
/// Prices outside the no-arbitrage bounds return NaN with <see cref="ImpliedVolStatus.BelowIntrinsic"/>
/// or <see cref="ImpliedVolStatus.AboveUpperBound"/>. A price below intrinsic by no more than
/// 8ε max(F, K) (rounding) is treated as intrinsic and returns volatility 0.
/// </para>
/// </remarks>
public static class ImpliedVolatility
{
    private const int MaxIterations = 100;
    private const double RelativeTolerance = 4.0 * 2.220446049250313e-16; // 4 ulps of s
    private const double MaxStdDev = 64.0;

    /// <summary>Implied Black–Scholes–Merton volatility of a European option price.</summary>
    /// <param name="right">Call or put.</param>
    /// <param name="price">Observed present value, currency units.</param>
    /// <param name="spot">Spot price of the underlying, currency units.</param>
    /// <param name="strike">Strike, currency units.</param>
    /// <param name="rate">Risk-free rate, continuously compounded, annualised fraction.</param>
    /// <param name="dividendYield">Dividend yield, continuously compounded, annualised fraction.</param>
    /// <param name="t">Time to expiry, years (&gt; 0).</param>
    /// <returns>The annualised volatility (fraction) and a status; NaN unless the status is Ok.</returns>
    public static ImpliedVolResult ForBlackScholes(OptionRight right, double price, double spot, double strike, double rate, double dividendYield, double t)
    {
        double discount = Math.Exp(-rate * t);
        double forward = spot * Math.Exp((rate - dividendYield) * t);
        return Solve(right, price / discount, forward, strike, t);
    }

    /// <summary>Implied Black (1976) volatility of a European option on a forward.</summary>
    /// <param name="right">Call or put.</param>
    /// <param name="price">Observed present value, currency units.</param>
    /// <param name="forward">Forward (or futures) price, currency units.</param>
    /// <param name="strike">Strike, currency units.</param>
    /// <param name="rate">Discount rate, continuously compounded, annualised fraction.</param>
    /// <param name="t">Time to expiry, years (&gt; 0).</param>
    /// <returns>The annualised Black volatility (fraction) and a status; NaN unless the status is Ok.</returns>
    public static ImpliedVolResult ForBlack76(OptionRight right, double price, double forward, double strike, double rate, double t)
        => Solve(right, price / Math.Exp(-rate * t), forward, strike, t);

    private static ImpliedVolResult Solve(OptionRight right, double undiscountedPrice, double forward, double strike, double t)
    {
        if (!(t > 0.0 && forward > 0.0 && strike > 0.0 && undiscountedPrice >= 0.0)
            || double.IsInfinity(t) || double.IsInfinity(forward) || double.IsInfinity(strike) || double.IsInfinity(undiscountedPrice))
        {
            return ImpliedVolResult.Fail(ImpliedVolStatus.InvalidInput);
        }

        // Map to the out-of-the-money side: its price is the time value.
        double sign = BlackFormula.Sign(right);
        double target = undiscountedPrice;
        if (sign * (forward - strike) > 0.0)
        {
            target -= sign * (forward - strike);
            sign = -sign;
        }

        double upperBound = sign > 0.0 ? forward : strike;
        if (target < -8.0 * 2.220446049250313e-16 * Math.Max(forward, strike))
        {
            return ImpliedVolResult.Fail(ImpliedVolStatus.BelowIntrinsic);
        }

        if (target <= 0.0)
        {
            return new ImpliedVolResult(0.0, ImpliedVolStatus.Ok, 0);
        }

        if (target >= upperBound)
        {
            return ImpliedVolResult.Fail(ImpliedVolStatus.AboveUpperBound);
        }

        double logMoneyness = Math.Log(forward / strike);
        double logTarget = Math.Log(target);

        // Bracket: B(lo) < target ≤ B(hi).
        double lo = 0.0;
        double hi = Math.Max(Math.Sqrt(2.0 * Math.Abs(logMoneyness)), 0.5);
        int iterations = 0;
        while (BlackFormula.Undiscounted(sign, forward, strike, hi) < target)
        {
            lo = hi;
            hi *= 2.0;
            iterations++;
            if (hi > MaxStdDev)
            {
                return ImpliedVolResult.Fail(ImpliedVolStatus.AboveUpperBound, iterations);
            }
        }

        // Initial guess: the tail asymptotic ln B ≈ −x²/(2s²) + O(ln s) inverted, which is close for
        // far out-of-the-money prices; else the vega-maximising point s* (Newton from there is
        // monotone on a convex–concave function); else the middle of the bracket.
        double s = Math.Abs(logMoneyness) / Math.Sqrt(2.0 * Math.Log(upperBound / target));
        if (!(s > lo && s < hi))
        {
            s = Math.Sqrt(2.0 * Math.Abs(logMoneyness));
            if (!(s > lo && s < hi))
            {
                s = 0.5 * (lo + hi);
            }
        }

        double previousStep = hi - lo;
        for (; iterations < MaxIterations; iterations++)
        {
            double d1 = logMoneyness / s + 0.5 * s;
            double d2 = d1 - s;
            double value = sign * (forward * NormalDistribution.Cdf(sign * d1) - strike * NormalDistribution.Cdf(sign * d2));
            double vega = forward * NormalDistribution.Pdf(d1);

            // Residual in log space; an underflowed price counts as "too low".
            double residual = value > 0.0 ? Math.Log(value) - logTarget : double.NegativeInfinity;
            if (residual == 0.0)
            {
                return Converged(s, t, iterations);
            }

            if (residual < 0.0)
            {
                lo = s;
            }
            else
            {
                hi = s;
            }

            double slope = value > 0.0 ? vega / value : 0.0; // d ln B / ds
            double step = slope > 0.0 && !double.IsInfinity(residual) ? residual / slope : double.NaN;
            double next = s - step;
            // Bisect when Newton leaves the bracket, and (after a grace period in which Newton's
            // monotone approach from one side may still be slow) when it fails to halve the step.
            if (!(next > lo && next < hi) || (iterations > 10 && Math.Abs(step) > 0.5 * Math.Abs(previousStep)))
            {
                next = 0.5 * (lo + hi);
                step = s - next;
            }

            previousStep = step;
            if (Math.Abs(step) <= RelativeTolerance * next || hi - lo <= RelativeTolerance * hi)
            {
                return Converged(next, t, iterations + 1);
            }

            s = next;
        }

        return ImpliedVolResult.Fail(ImpliedVolStatus.NoConvergence, iterations);
    }

    private static ImpliedVolResult Converged(double stdDev, double t, int iterations)
        => new(stdDev / Math.Sqrt(t), ImpliedVolStatus.Ok, iterations);
}
