namespace Alvh.Pricing;

/// <summary>Outcome of an implied-volatility solve.</summary>
public enum ImpliedVolStatus
{
    /// <summary>Converged; the volatility reprices the option to within the solver tolerance.</summary>
    Ok = 0,

    /// <summary>The price is below the discounted intrinsic value on the forward: no volatility fits.</summary>
    BelowIntrinsic,

    /// <summary>
    /// The price is at or above the no-arbitrage upper bound (D F for a call, D K for a put), which
    /// only an infinite volatility reaches.
    /// </summary>
    AboveUpperBound,

    /// <summary>The iteration limit was reached before the tolerance was met.</summary>
    NoConvergence,

    /// <summary>An input was NaN, infinite or out of its domain (t ≤ 0, forward or strike ≤ 0, price &lt; 0).</summary>
    InvalidInput,
}
