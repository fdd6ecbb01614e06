using Alvh.Analytics;
using ScottPlot;

namespace Alvh.Reports.Charts;

/// <summary>Rolling one-year (252 trading days) return, volatility, Sharpe ratio and beta of every portfolio.</summary>
internal static class RollingCharts
{
    private const int HalfWidth = 545;
    private const int HalfHeight = 320;

    /// <summary>File names of the four charts, in the order return, volatility, Sharpe, beta.</summary>
    public static IReadOnlyList<string> FileNames { get; } = ["rolling-return.png", "rolling-volatility.png", "rolling-sharpe.png", "rolling-beta.png"];

    /// <summary>The four rolling charts, in the order return, volatility, Sharpe, beta.</summary>
    public static IReadOnlyList<ChartImage> All(IReadOnlyList<ReportCurve> curves, ReportSeries series) =>
        Plots(curves, series).Select(p => ChartCanvas.Png(p.Plot, p.FileName, p.Caption, HalfWidth, HalfHeight)).ToList();

    /// <summary>The four rolling plots before rendering, each with its file name and caption.</summary>
    internal static IReadOnlyList<(Plot Plot, string FileName, string Caption)> Plots(IReadOnlyList<ReportCurve> curves, ReportSeries series)
    {
        var benchmark = Returns.Simple(series.Benchmark);
        var bills = series.BillReturns.AsSpan(1).ToArray();
        var returnPlot = ChartCanvas.CreateDated("Rolling 1-year return", "return (%)");
        var volPlot = ChartCanvas.CreateDated("Rolling 1-year volatility (annualised)", "volatility (%)");
        var sharpePlot = ChartCanvas.CreateDated("Rolling 1-year Sharpe ratio (over T-bills)", "Sharpe");
        var betaPlot = ChartCanvas.CreateDated("Rolling 1-year beta to the S&P 500", "beta");
        foreach (var c in curves)
        {
            var xs = ChartCanvas.X(c.Dates);
            var returns = Returns.Simple(c.Equity);
            var returnXs = xs.AsSpan(1).ToArray();
            CurveCharts.Line(returnPlot, c, xs, Percent(RollingMetrics.Return(c.Equity)));
            CurveCharts.Line(volPlot, c, returnXs, Percent(RollingMetrics.Volatility(returns)));
            CurveCharts.Line(sharpePlot, c, returnXs, RollingMetrics.Sharpe(returns, bills));
            if (benchmark.Length == returns.Length) CurveCharts.Line(betaPlot, c, returnXs, RollingMetrics.Beta(returns, benchmark, bills));
        }
        foreach (var p in new[] { returnPlot, sharpePlot, betaPlot }) p.Add.HorizontalLine(0, 1, Colors.Gray);
        // The section's HTML legend above the four charts names the colours; a legend inside each small chart hid
        // its latest years (2019-2025 of the study's rolling return and Sharpe, the last months of a short study).
        foreach (var p in new[] { returnPlot, volPlot, sharpePlot, betaPlot }) p.HideLegend();
        return
        [
            (returnPlot, FileNames[0], "Rolling one-year return of every portfolio"),
            (volPlot, FileNames[1], "Rolling one-year annualised volatility of every portfolio"),
            (sharpePlot, FileNames[2], "Rolling one-year Sharpe ratio of every portfolio"),
            (betaPlot, FileNames[3], "Rolling one-year beta to the S&P 500 of every portfolio"),
        ];
    }

    private static double[] Percent(double[] values)
    {
        for (int i = 0; i < values.Length; i++) values[i] *= 100;
        return values;
    }
}
