namespace Alvh.Research;

/// <summary>A walk-forward: its folds and the out-of-sample daily returns stitched from the test windows.</summary>
/// <param name="Folds">The folds, in date order.</param>
/// <param name="Dates">Dates of the stitched out-of-sample curve (the test windows, back to back).</param>
/// <param name="Returns">Daily returns of the stitched curve (index 0 is 0).</param>
public sealed record WalkForwardResult(IReadOnlyList<WalkForwardFold> Folds, DateOnly[] Dates, double[] Returns)
{
    /// <summary>The stitched equity curve starting at <paramref name="start"/>.</summary>
    public double[] Equity(double start = 1.0)
    {
        var equity = new double[Returns.Length];
        double level = start;
        for (int i = 0; i < Returns.Length; i++) equity[i] = level *= 1 + Returns[i];
        return equity;
    }
}
