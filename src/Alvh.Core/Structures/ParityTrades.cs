namespace Alvh.Structures;

/// <summary>Result of <see cref="PutCallParity.Evaluate"/>.</summary>
/// <param name="ImpliedForward">Forward implied by the mid prices, currency units.</param>
/// <param name="ConversionProfit">Present value of a conversion after costs (sell call, buy put, buy forward), per unit.</param>
/// <param name="ReversalProfit">Present value of a reversal after costs (buy call, sell put, sell forward), per unit.</param>
public readonly record struct ParityTrades(double ImpliedForward, double ConversionProfit, double ReversalProfit);
