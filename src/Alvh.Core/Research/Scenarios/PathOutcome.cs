namespace Alvh.Research.Scenarios;

/// <summary>One strategy on one simulated path.</summary>
/// <param name="Cagr">CAGR, fraction per year.</param>
/// <param name="MaxDrawdown">Maximum drawdown, a negative fraction.</param>
/// <param name="TerminalWealth">Final equity / initial capital.</param>
public readonly record struct PathOutcome(double Cagr, double MaxDrawdown, double TerminalWealth);
