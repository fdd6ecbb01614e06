namespace Alvh.Structures;

/// <summary>
/// Put–call parity for European options: C − P = D (F − K). Gives the forward implied by a call
/// and a put at one strike, and the present-value profit of a conversion or reversal against a
/// tradable forward (futures) after bid–ask and per-option costs.
/// </summary>
/// <remarks>
/// Conversion: sell the call at its bid, buy the put at its ask, buy the forward at F — at expiry
/// worth K − F whatever S is — so PV = C_bid − P_ask − D (F − K) − 2 × cost. Reversal: the
/// opposite, PV = P_bid − C_ask + D (F − K) − 2 × cost. A positive value is an arbitrage after
/// costs; the forward leg's own cost and the financing spread are not included.
/// </remarks>
public static class PutCallParity
{
    /// <summary>Forward implied by parity, F = K + (C − P) / D.</summary>
    /// <param name="callPrice">Call price, currency units per unit.</param>
    /// <param name="putPrice">Put price at the same strike and expiry.</param>
    /// <param name="strike">Strike, currency units.</param>
    /// <param name="discountFactor">Discount factor to expiry, in (0, 1].</param>
    /// <returns>The implied forward, currency units.</returns>
    public static double ImpliedForward(double callPrice, double putPrice, double strike, double discountFactor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(discountFactor);
        return strike + (callPrice - putPrice) / discountFactor;
    }

    /// <summary>Implied forward at mid and the conversion and reversal profits after costs.</summary>
    /// <param name="quotes">Quotes, forward, discount factor and cost per option.</param>
    /// <returns>The result (present values per unit of underlying).</returns>
    public static ParityTrades Evaluate(in ParityQuotes quotes)
    {
        double carry = quotes.DiscountFactor * (quotes.Forward - quotes.Strike);
        double callMid = 0.5 * (quotes.CallBid + quotes.CallAsk);
        double putMid = 0.5 * (quotes.PutBid + quotes.PutAsk);
        return new ParityTrades(
            ImpliedForward(callMid, putMid, quotes.Strike, quotes.DiscountFactor),
            ConversionProfit: quotes.CallBid - quotes.PutAsk - carry - 2.0 * quotes.CostPerOption,
            ReversalProfit: quotes.PutBid - quotes.CallAsk + carry - 2.0 * quotes.CostPerOption);
    }
}
