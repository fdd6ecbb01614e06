using System.Globalization;

namespace Alvh.Reports.Charts;

/// <summary>
/// The labelled ticks of a log axis of growth multiples (1×, 1.5×, ...). A chart keeps its own list of round multiples
/// where at least three of them fall inside its data; over a narrower range (a walk-forward's two out-of-sample years
/// from 0.94 to 1.17, a Monte Carlo's one- or two-year terminal wealths) that list labelled one or two lines, 1× alone on
/// the walk-forward's growth of $1, so the axis could not be read: there the ticks are evenly spaced multiples, the
/// coarsest step that puts three inside the data.
/// </summary>
internal static class LogAxisTicks
{
    private static readonly double[] FineSteps = [0.1, 0.05, 0.02, 0.01, 0.005];

    /// <summary>How many labelled ticks must fall inside the data before a chart's own round multiples are kept.</summary>
    public const int Minimum = 3;

    /// <summary>
    /// The multiples to label on an axis showing data from <paramref name="min"/> to <paramref name="max"/> (both &gt; 0),
    /// among those between <paramref name="lowest"/> and <paramref name="highest"/> (the chart's own margin).
    /// </summary>
    public static double[] Choose(IReadOnlyList<double> roundMultiples, double min, double max, double lowest, double highest)
    {
        ArgumentNullException.ThrowIfNull(roundMultiples);
        var shown = roundMultiples.Where(t => t >= lowest && t <= highest).ToArray();
        if (!(min > 0) || !double.IsFinite(max) || Inside(shown, min, max) >= Minimum) return shown;
        foreach (double step in FineSteps)
        {
            var even = new List<double>();
            for (long k = (long)Math.Ceiling(lowest / step); k * step <= highest; k++) even.Add(Math.Round(k * step, 3));
            shown = [.. even.Where(t => t >= lowest && t <= highest)];
            if (Inside(shown, min, max) >= Minimum) break;
        }
        return shown;
    }

    /// <summary>A tick's label: the multiple and ×.</summary>
    public static string Label(double multiple) => multiple.ToString("0.###", CultureInfo.InvariantCulture) + "×";

    private static int Inside(double[] ticks, double min, double max) => ticks.Count(t => t >= min && t <= max);
}
