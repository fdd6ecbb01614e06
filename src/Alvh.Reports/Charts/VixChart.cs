using Alvh.Regimes;
using ScottPlot;

namespace Alvh.Reports.Charts;

/// <summary>VIX over the period with the regime bands shaded and the ALVH's layer additions and monetisations marked.</summary>
internal static class VixChart
{
    /// <summary>File name of the chart.</summary>
    public const string FileName = "vix.png";

    /// <summary>The chart; <paramref name="additions"/> and <paramref name="monetisations"/> are trade days of the ALVH sleeves.</summary>
    public static ChartImage Render(IReadOnlyList<DateOnly> dates, IReadOnlyList<double> vix, IReadOnlyList<DateOnly> additions, IReadOnlyList<DateOnly> monetisations, string source) =>
        ChartCanvas.Png(Plot(dates, vix, additions, monetisations, source), FileName, "VIX with the regime bands shaded; triangles mark the days the ALVH added layers (up) and monetised (down)");

    /// <summary>The chart's plot before rendering.</summary>
    internal static Plot Plot(IReadOnlyList<DateOnly> dates, IReadOnlyList<double> vix, IReadOnlyList<DateOnly> additions, IReadOnlyList<DateOnly> monetisations, string source)
    {
        var plot = ChartCanvas.CreateDated($"VIX, regime bands and ALVH layers ({source})", "VIX (index points)");
        var bands = VixRegimeBands.Default;
        double top = Math.Max(bands.HighBelow + 10, vix.Where(double.IsFinite).DefaultIfEmpty(0).Max() * 1.05);
        Band(plot, 0, bands.CalmBelow, "#dcfce7", $"calm < {bands.CalmBelow:0}");
        Band(plot, bands.CalmBelow, bands.NormalBelow, "#f0fdf4", $"normal < {bands.NormalBelow:0}");
        Band(plot, bands.NormalBelow, bands.ElevatedBelow, "#fef9c3", $"elevated < {bands.ElevatedBelow:0}");
        Band(plot, bands.ElevatedBelow, bands.HighBelow, "#ffedd5", $"high < {bands.HighBelow:0}");
        Band(plot, bands.HighBelow, top, "#fee2e2", $"extreme ≥ {bands.HighBelow:0}");

        var xs = ChartCanvas.X(dates);
        var line = ChartCanvas.Line(plot, xs, vix.ToArray(), Color.FromHex("#111827"));
        line.LineWidth = 1.2f;
        line.LegendText = "VIX close";
        Marks(plot, dates, vix, additions, MarkerShape.FilledTriangleUp, "#2563eb", $"layer added ({additions.Count} days)", -1);
        Marks(plot, dates, vix, monetisations, MarkerShape.FilledTriangleDown, "#dc2626", $"monetised ({monetisations.Count} days)", +1);
        plot.Axes.SetLimitsY(0, top);
        // Outside the data area, on the right: in its upper-right corner the legend's seven rows hid the latest years'
        // peaks, the study's April 2025 close of 52.3 and the monetisations marked on it among them.
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    private static void Band(Plot plot, double from, double to, string hex, string label)
    {
        var span = plot.Add.VerticalSpan(from, to, Color.FromHex(hex).WithAlpha(0.75));
        span.LineWidth = 0;
        span.LegendText = label;
    }

    private static void Marks(Plot plot, IReadOnlyList<DateOnly> dates, IReadOnlyList<double> vix, IReadOnlyList<DateOnly> days, MarkerShape shape, string hex, string label, double offset)
    {
        if (days.Count == 0) return;
        var xs = new List<double>();
        var ys = new List<double>();
        var index = dates.Select((d, i) => (d, i)).ToDictionary(p => p.d, p => p.i);
        foreach (var day in days)
        {
            if (!index.TryGetValue(day, out int i) || !double.IsFinite(vix[i])) continue;
            xs.Add(ChartCanvas.X(day));
            ys.Add(vix[i] + offset * 1.5);
        }
        var markers = plot.Add.Markers(xs.ToArray(), ys.ToArray(), shape, 6, Color.FromHex(hex).WithAlpha(0.8));
        markers.LegendText = label;
    }
}
