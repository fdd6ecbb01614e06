using Alvh.Pricing;

namespace Alvh.Structures;

/// <summary>
/// The market inputs to price one expiry's options: an immutable snapshot, independent of how the
/// volatility surface was built (QuantLib's split of instrument, market data and engine).
/// </summary>
/// <remarks>
/// Forward F = S e^{(r−q)T}, discount factor D = e^{−rT}. For options on a future (VIX options on
/// the VX future) use <see cref="OnFuture"/>: spot = future and q = r, so F equals the future and
/// Black–Scholes–Merton reduces to Black-76.
/// </remarks>
/// <param name="Spot">Spot (index level), currency units per unit of underlying.</param>
/// <param name="Rate">Risk-free rate, continuously compounded, annualised fraction.</param>
/// <param name="DividendYield">Dividend yield, continuously compounded, annualised fraction.</param>
/// <param name="YearsToExpiry">Time to expiry, years (&gt; 0 to price with volatility).</param>
/// <param name="Smile">Black volatility by strike for this expiry (annualised fraction).</param>
public sealed record OptionMarket(double Spot, double Rate, double DividendYield, double YearsToExpiry, IVolSmile Smile)
{
    /// <summary>Forward S e^{(r−q)T}, currency units.</summary>
    public double Forward => BlackScholes.Forward(Spot, Rate, DividendYield, YearsToExpiry);

    /// <summary>Discount factor e^{−rT} to expiry.</summary>
    public double DiscountFactor => Math.Exp(-Rate * YearsToExpiry);

    /// <summary>A market from a spot and a forward (e.g. implied by put–call parity): q = r − ln(F/S)/T.</summary>
    /// <param name="spot">Spot, currency units.</param>
    /// <param name="forward">Forward to expiry, currency units.</param>
    /// <param name="rate">Risk-free rate, continuously compounded, annualised fraction.</param>
    /// <param name="yearsToExpiry">Time to expiry, years (&gt; 0).</param>
    /// <param name="smile">Black volatility by strike.</param>
    /// <returns>The market.</returns>
    public static OptionMarket FromForward(double spot, double forward, double rate, double yearsToExpiry, IVolSmile smile)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spot);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(forward);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(yearsToExpiry);
        return new OptionMarket(spot, rate, rate - Math.Log(forward / spot) / yearsToExpiry, yearsToExpiry, smile);
    }

    /// <summary>A market for options on a future (Black-76): spot = future, q = r.</summary>
    /// <param name="future">Futures price, currency units.</param>
    /// <param name="rate">Discount rate, continuously compounded, annualised fraction.</param>
    /// <param name="yearsToExpiry">Time to option expiry, years.</param>
    /// <param name="smile">Black volatility of the future by strike.</param>
    /// <returns>The market.</returns>
    public static OptionMarket OnFuture(double future, double rate, double yearsToExpiry, IVolSmile smile) =>
        new(future, rate, rate, yearsToExpiry, smile);

    /// <summary>Price and greeks of one option (per unit, long) at the smile's volatility for its strike.</summary>
    /// <param name="right">Call or put.</param>
    /// <param name="strike">Strike, currency units.</param>
    /// <returns>Greeks in the units of <see cref="BlackScholes.Greeks"/>.</returns>
    public Greeks Greeks(OptionRight right, double strike) =>
        BlackScholes.Greeks(right, Spot, strike, Rate, DividendYield, Smile.Vol(strike), YearsToExpiry);

    /// <summary>Present value of one option (per unit, long) at the smile's volatility for its strike.</summary>
    /// <param name="right">Call or put.</param>
    /// <param name="strike">Strike, currency units.</param>
    /// <returns>Price, currency units per unit of underlying.</returns>
    public double Price(OptionRight right, double strike) =>
        BlackScholes.Price(right, Spot, strike, Rate, DividendYield, Smile.Vol(strike), YearsToExpiry);
}
