namespace Alvh.Research.Scenarios;

/// <summary>What a Monte Carlo run measured, path by path (index p is path p).</summary>
/// <param name="Strategy">The strategy's outcomes.</param>
/// <param name="Baseline">The baseline's outcomes on the same paths.</param>
/// <param name="SameVolatility">The baseline de-levered to the strategy's volatility on each path (<see cref="MonteCarlo.SameVolatility"/>; NaN where no weight reaches it).</param>
/// <param name="SameVolatilityWeight">The baseline's weight in that mix, the rest in T-bills (NaN where none).</param>
/// <param name="Markets">Each simulated market's statistics.</param>
public sealed record MonteCarloPaths(PathOutcome[] Strategy, PathOutcome[] Baseline, PathOutcome[] SameVolatility, double[] SameVolatilityWeight, MarketStatistics[] Markets);
