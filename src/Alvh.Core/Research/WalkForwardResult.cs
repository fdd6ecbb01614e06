namespace Alvh.Research;

/// <summary>A walk-forward: its folds and the out-of-sample daily returns stitched from the test windows.</summary>
/// <param name="Folds">The folds, in date order.</param>
/// <param name="Dates">Dates of the stitched out-of-sample curve: the close the first choice is made at (the first train window's last day), then the test windows back to back.</param>
/// <param name="Returns">Daily returns of the stitched curve (index 0 is 0).</param>
public sealed record WalkForwardResult(IReadOnlyList<WalkForwardFold> Folds, DateOnly[] Dates, double[] Returns)
{
    /// <summary>
    /// A fixed configuration's daily returns over the same out-of-sample days (index 0 is 0, as in <see cref="Returns"/>):
    /// what holding it all along would have given where the walk-forward switched, for a like-for-like comparison.
    /// </summary>
    /// <param name="dates">The days of <paramref name="returns"/>, ascending; they must include every out-of-sample day.</param>
    /// <param name="returns">Its daily return on each of those days.</param>
    /// <returns>The returns on <see cref="Dates"/>.</returns>
    /// <exception cref="ArgumentException">An out-of-sample day is missing from <paramref name="dates"/>.</exception>
    public double[] Over(DateOnly[] dates, double[] returns)
    {
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(returns);
        if (returns.Length != dates.Length) throw new ArgumentException($"{returns.Length} returns for {dates.Length} days", nameof(returns));
        var over = new double[Dates.Length];
        for (int i = 0; i < Dates.Length; i++)
        {
            int t = Array.BinarySearch(dates, Dates[i]);
            if (t < 0) throw new ArgumentException($"{Dates[i]:yyyy-MM-dd} is an out-of-sample day but not one of the given days", nameof(dates));
            over[i] = i == 0 ? 0 : returns[t];
        }
        return over;
    }

    /// <summary>An equity curve from daily returns (index 0's return is not applied), starting at <paramref name="start"/>.</summary>
    public static double[] Compound(double[] returns, double start = 1.0)
    {
        ArgumentNullException.ThrowIfNull(returns);
        var equity = new double[returns.Length];
        double level = start;
        for (int i = 0; i < returns.Length; i++) equity[i] = level *= 1 + (i == 0 ? 0 : returns[i]);
        return equity;
    }

    /// <summary>The stitched equity curve starting at <paramref name="start"/>.</summary>
    public double[] Equity(double start = 1.0)
    {
        var equity = new double[Returns.Length];
        double level = start;
        for (int i = 0; i < Returns.Length; i++) equity[i] = level *= 1 + Returns[i];
        return equity;
    }
}
