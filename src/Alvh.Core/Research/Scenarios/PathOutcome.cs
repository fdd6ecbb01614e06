namespace Alvh.Research.Scenarios;

/// <summary>One strategy on one simulated path.</summary>
/// <param name="Cagr">CAGR, fraction per year; −1 (all lost) for a path that ends with no wealth or less, whose CAGR has no real value: counted, not left out of the distributions.</param>
/// <param name="MaxDrawdown">Maximum drawdown, a negative fraction (below −1 when the equity went below zero).</param>
/// <param name="TerminalWealth">Final equity / initial capital.</param>
public readonly record struct PathOutcome(double Cagr, double MaxDrawdown, double TerminalWealth);
