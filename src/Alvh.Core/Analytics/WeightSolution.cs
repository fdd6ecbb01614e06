namespace Alvh.Analytics;

/// <summary>
/// Equity weight w solved by <see cref="DeleveredBaseline"/>: the mix w·equity + (1 − w)·bills reaches the
/// target. When no weight in [0, maxWeight] does, <see cref="Weight"/> is NaN and <see cref="Reason"/> says why.
/// </summary>
/// <param name="Weight">Equity weight (fraction; 1 = all equity), or NaN.</param>
/// <param name="Achieved">The metric of the mix at <paramref name="Weight"/> (annualised fraction), or NaN.</param>
/// <param name="Reason">Why there is no solution; null when solved.</param>
public readonly record struct WeightSolution(double Weight, double Achieved, string? Reason)
{
    /// <summary>True when a weight was found.</summary>
    public bool IsSolved => Reason is null;

    internal static WeightSolution Unsolved(string reason) => new(double.NaN, double.NaN, reason);
}
