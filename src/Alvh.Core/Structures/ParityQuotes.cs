namespace Alvh.Structures;

/// <summary>Inputs of a put–call parity check at one strike and expiry.</summary>
/// <param name="Strike">Strike, currency units.</param>
/// <param name="CallBid">Call bid, currency units per unit.</param>
/// <param name="CallAsk">Call ask.</param>
/// <param name="PutBid">Put bid.</param>
/// <param name="PutAsk">Put ask.</param>
/// <param name="Forward">Tradable forward (futures) price to expiry, currency units.</param>
/// <param name="DiscountFactor">Discount factor to expiry, in (0, 1].</param>
/// <param name="CostPerOption">Commission and fees per option, currency units per unit (e.g. $1.25 per SPX contract = 0.0125).</param>
public readonly record struct ParityQuotes(double Strike, double CallBid, double CallAsk, double PutBid, double PutAsk, double Forward, double DiscountFactor, double CostPerOption = 0.0);
