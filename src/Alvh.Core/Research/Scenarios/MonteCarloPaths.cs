namespace Alvh.Research.Scenarios;

/// <summary>What a Monte Carlo run measured, path by path (index p is path p).</summary>
/// <param name="Strategy">The strategy's outcomes.</param>
/// <param name="Baseline">The baseline's outcomes on the same paths.</param>
/// <param name="SameVolatility">The baseline de-levered to the strategy's volatility on each path (<see cref="MonteCarlo.SameVolatility"/>).</param>
/// <param name="SameVolatilityWeight">The baseline's weight in that mix, the rest in T-bills.</param>
/// <param name="SameVolatilityMatched">False where no weight in [0, 1] reached the strategy's volatility (the nearest end, 1 or 0, stood in).</param>
/// <param name="Markets">Each simulated market's statistics.</param>
public sealed record MonteCarloPaths(PathOutcome[] Strategy, PathOutcome[] Baseline, PathOutcome[] SameVolatility, double[] SameVolatilityWeight, bool[] SameVolatilityMatched, MarketStatistics[] Markets);
