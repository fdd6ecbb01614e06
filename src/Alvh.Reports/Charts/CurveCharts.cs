using Alvh.Analytics;
using ScottPlot;

namespace Alvh.Reports.Charts;

/// <summary>Charts of the portfolios' curves: growth on a log scale and underwater (drawdown).</summary>
internal static class CurveCharts
{
    /// <summary>File name of the equity chart.</summary>
    public const string EquityFileName = "equity.png";

    /// <summary>File name of the underwater chart.</summary>
    public const string UnderwaterFileName = "underwater.png";

    private static readonly double[] LogTicks = [0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 50, 75, 100];

    /// <summary>Growth of $1 for every portfolio on a log scale (equal distances are equal percentage changes).</summary>
    public static ChartImage Equity(IReadOnlyList<ReportCurve> curves)
    {
        var plot = ChartCanvas.CreateDated("Growth of $1 (log scale)", "growth of $1");
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var c in curves)
        {
            var logs = new double[c.Equity.Length];
            for (int i = 0; i < logs.Length; i++)
            {
                double growth = c.Equity[i] / c.Equity[0];
                logs[i] = Math.Log10(growth);
                min = Math.Min(min, growth);
                max = Math.Max(max, growth);
            }
            Line(plot, c, ChartCanvas.X(c.Dates), logs);
        }
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var t in LogAxisTicks.Choose(LogTicks, min, max, min / 1.2, max * 1.2)) ticks.AddMajor(Math.Log10(t), LogAxisTicks.Label(t));
        plot.Axes.Left.TickGenerator = ticks;
        plot.ShowLegend(Alignment.UpperLeft);
        return ChartCanvas.Png(plot, EquityFileName, "Growth of $1 for every portfolio, log scale");
    }

    /// <summary>The underwater chart: each portfolio's drawdown from its running peak.</summary>
    public static ChartImage Underwater(IReadOnlyList<ReportCurve> curves)
    {
        var plot = ChartCanvas.CreateDated("Underwater: drawdown from the running peak", "drawdown (%)");
        foreach (var c in curves)
        {
            var dd = Drawdowns.Series(c.Equity);
            for (int i = 0; i < dd.Length; i++) dd[i] *= 100;
            Line(plot, c, ChartCanvas.X(c.Dates), dd);
        }
        plot.Add.HorizontalLine(0, 1, Colors.Black);
        plot.ShowLegend(Alignment.LowerLeft);
        return ChartCanvas.Png(plot, UnderwaterFileName, "Drawdown of every portfolio from its running peak");
    }

    /// <summary>Draws one portfolio's line in its colour (baselines dashed).</summary>
    public static void Line(Plot plot, ReportCurve curve, double[] xs, double[] ys)
    {
        var line = ChartCanvas.Line(plot, xs, ys, curve.Color);
        line.LineWidth = curve.Emphasised ? 2.2f : 1.4f;
        line.LegendText = curve.Name;
        if (curve.Dashed) line.LinePattern = LinePattern.Dashed;
    }
}
