using Alvh.Pricing;

namespace Alvh.Engine;

/// <summary>
/// The arithmetic of an order of several option legs filled as one (a vertical spread, an iron condor): the range of
/// its payoff at expiry, and its legs' fill prices brought within that range.
/// </summary>
/// <remarks>
/// Each leg of an order pays its own modelled half-spread, and near expiry or at a high VIX those half-spreads can add
/// up to more than a spread is worth: a 5-point condor bought back for 7 points, a call spread sold for less than
/// nothing. An exchange fills a spread as one order at one net price (Cboe's complex order book), and no one pays more
/// for a structure than the most it can pay out, or sells it for less than the least (undiscounted here: the looser
/// bound). The engine does not place an order whose whole lies past that range (a fill at its edge gains nothing), and
/// holds each side of a condor within its own with <see cref="Bound"/>: first by narrowing the legs' half-spreads in
/// proportion, then, where the model's mids alone lie outside the range, by moving one leg's price (a sold leg's up when
/// the side would cost too much, a bought leg's up when it would pay too much), so that no price goes below zero.
/// </remarks>
public static class ComboFill
{
    /// <summary>
    /// The lowest and highest value at expiry, in points, of legs on one underlying and one expiry: the payoff is
    /// piecewise linear in the underlying, so its extremes lie at zero, at a strike, or at infinity (±∞ when the calls'
    /// quantities do not sum to zero).
    /// </summary>
    /// <param name="rights">Each leg's right.</param>
    /// <param name="strikes">Each leg's strike.</param>
    /// <param name="quantities">Each leg's signed quantity (+ bought).</param>
    /// <returns>The range; low ≤ high.</returns>
    public static (double Low, double High) PayoffRange(ReadOnlySpan<OptionRight> rights, ReadOnlySpan<double> strikes, ReadOnlySpan<double> quantities)
    {
        if (rights.Length != strikes.Length || strikes.Length != quantities.Length) throw new ArgumentException("one right, strike and quantity per leg");
        double low = Payoff(rights, strikes, quantities, 0), high = low;
        foreach (double k in strikes)
        {
            double v = Payoff(rights, strikes, quantities, k);
            low = Math.Min(low, v);
            high = Math.Max(high, v);
        }
        double slope = 0;
        for (int i = 0; i < rights.Length; i++)
        {
            if (rights[i] == OptionRight.Call) slope += quantities[i];
        }
        if (slope > 0) high = double.PositiveInfinity;
        if (slope < 0) low = double.NegativeInfinity;
        return (low, high);
    }

    private static double Payoff(ReadOnlySpan<OptionRight> rights, ReadOnlySpan<double> strikes, ReadOnlySpan<double> quantities, double underlying)
    {
        double value = 0;
        for (int i = 0; i < rights.Length; i++)
        {
            value += quantities[i] * (rights[i] == OptionRight.Call ? Math.Max(underlying - strikes[i], 0) : Math.Max(strikes[i] - underlying, 0));
        }
        return value;
    }

    /// <summary>
    /// Brings the order's net price Σ quantity × price into [<paramref name="low"/>, <paramref name="high"/>] (points;
    /// what the order pays, positive, or receives, negative), changing <paramref name="prices"/> in place: the legs'
    /// deviations from their mids are scaled by one factor, then, if the mids alone lie outside, one leg's price is
    /// raised. Leaves the prices as they are when the net already lies within.
    /// </summary>
    /// <param name="prices">Each leg's fill price (mid ± its half-spread); changed in place.</param>
    /// <param name="mids">Each leg's mid.</param>
    /// <param name="quantities">Each leg's signed quantity.</param>
    /// <param name="low">Lowest payoff of the order, points (may be −∞).</param>
    /// <param name="high">Highest payoff, points (may be +∞).</param>
    /// <returns>True when a price was changed (the net then lies within the range, unless no leg of the side it needs exists).</returns>
    public static bool Bound(Span<double> prices, ReadOnlySpan<double> mids, ReadOnlySpan<double> quantities, double low, double high)
    {
        double net = Net(prices, quantities);
        if (double.IsNaN(net) || net <= high && net >= low) return false;
        double target = net > high ? high : low;
        double atMids = Net(mids, quantities);
        // The spreads paid are net − atMids ≥ 0; scaling every deviation by f moves the net linearly from atMids to net.
        double f = net != atMids ? Math.Clamp((target - atMids) / (net - atMids), 0, 1) : 0;
        for (int i = 0; i < prices.Length; i++) prices[i] = mids[i] + f * (prices[i] - mids[i]);
        bool changed = f < 1;
        double rest = target - Net(prices, quantities);
        if (!double.IsFinite(rest) || Math.Abs(rest) <= 1e-12 * Math.Max(1, Math.Abs(target))) return changed;
        // The mids alone lie outside: raise a sold leg's price when the order costs too much (rest < 0), a bought leg's
        // when it pays out too much (rest > 0); raising keeps every price at or above zero. Without such a leg (every
        // leg bought and still above the range: mids no model of ours gives) the prices stay as they are.
        for (int i = 0; i < prices.Length; i++)
        {
            if (rest < 0 ? quantities[i] < 0 : quantities[i] > 0)
            {
                prices[i] += rest / quantities[i];
                return true;
            }
        }
        return changed;
    }

    private static double Net(ReadOnlySpan<double> prices, ReadOnlySpan<double> quantities)
    {
        double net = 0;
        for (int i = 0; i < prices.Length; i++) net += quantities[i] * prices[i];
        return net;
    }
}
