using Alvh.Research.Scenarios;
using ScottPlot;

namespace Alvh.Reports.Charts;

/// <summary>The Monte Carlo page's charts: empirical cumulative distributions of an outcome over the paths, one curve a portfolio.</summary>
internal static class MonteCarloCharts
{
    private static readonly double[] WealthTicks = [0.1, 0.2, 0.5, 1, 1.5, 2, 3, 5, 7.5, 10, 15, 20, 30, 50, 100];

    /// <summary>
    /// For each portfolio, the share of paths (y, in %) whose <paramref name="value"/> is at most x: a step at each path's
    /// value, i/n after the i-th smallest (the empirical distribution function). NaN values are left out.
    /// </summary>
    public static ChartImage Cdf(IReadOnlyList<MonteCarloOutcomes> portfolios, Func<PathOutcome, double> value, string xLabel, string fileName, string caption, bool logX = false)
    {
        var plot = ChartCanvas.Create(caption, "share of paths at or below (%)");
        plot.XLabel(xLabel, 13);
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (int p = 0; p < portfolios.Count; p++)
        {
            var sorted = portfolios[p].Outcomes.Select(value).Where(v => !double.IsNaN(v)).Order().ToArray();
            if (sorted.Length == 0) continue;
            // Two points a path: the curve rises from (i − 1)/n to i/n at the path's value.
            var xs = new double[2 * sorted.Length];
            var ys = new double[2 * sorted.Length];
            for (int i = 0; i < sorted.Length; i++)
            {
                xs[2 * i] = xs[2 * i + 1] = sorted[i];
                ys[2 * i] = 100.0 * i / sorted.Length;
                ys[2 * i + 1] = 100.0 * (i + 1) / sorted.Length;
            }
            min = Math.Min(min, sorted[0]);
            max = Math.Max(max, sorted[^1]);
            string name = portfolios[p].Name;
            var line = ChartCanvas.Line(plot, xs, ys, Palette.Color(name, p));
            line.LineWidth = p == 0 ? 2.2f : 1.4f;
            line.LegendText = name;
            if (Palette.IsBaseline(name)) line.LinePattern = LinePattern.Dashed;
        }
        if (logX && double.IsFinite(min))
        {
            var ticks = new ScottPlot.TickGenerators.NumericManual();
            // min and max are log10 of the wealth here (the caller passes the log); the margin is 0.1 in log10.
            foreach (var t in LogAxisTicks.Choose(WealthTicks, Math.Pow(10, min), Math.Pow(10, max), Math.Pow(10, min - 0.1), Math.Pow(10, max + 0.1))) ticks.AddMajor(Math.Log10(t), LogAxisTicks.Label(t));
            plot.Axes.Bottom.TickGenerator = ticks;
        }
        plot.Axes.SetLimitsY(0, 100);
        plot.ShowLegend(Alignment.LowerRight);
        return ChartCanvas.Png(plot, fileName, caption);
    }
}
