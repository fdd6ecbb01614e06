using ScottPlot;

namespace Alvh.Reports.Charts;

/// <summary>The look shared by every chart (font, size, grid, date axis) and the PNG export.</summary>
internal static class ChartCanvas
{
    /// <summary>Width of a full-width chart, pixels.</summary>
    public const int Width = 1100;

    /// <summary>Height of a full-width chart, pixels.</summary>
    public const int Height = 420;

    /// <summary>A new plot with the report's font and grid.</summary>
    public static Plot Create(string title, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        plot.Title(title, 15);
        plot.YLabel(yLabel, 13);
        plot.Grid.MajorLineColor = Color.FromHex("#e5e7eb");
        plot.DataBorder.Color = Color.FromHex("#9ca3af");
        return plot;
    }

    /// <summary>A new plot whose x axis is dates (positions from <see cref="X(DateOnly)"/>).</summary>
    public static Plot CreateDated(string title, string yLabel)
    {
        var plot = Create(title, yLabel);
        var axis = plot.Axes.DateTimeTicksBottom();
        // ISO dates like the rest of the page: the default labels of a short period were US dates (07/01/2019).
        if (axis.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic automatic) automatic.LabelFormatter = DateLabel;
        return plot;
    }

    /// <summary>A date tick's label: the year on 1 January, year and month on the first of a month, else the ISO date.</summary>
    public static string DateLabel(DateTime date) =>
        date.ToString(date.TimeOfDay != TimeSpan.Zero ? "yyyy-MM-dd HH:mm" : date is { Month: 1, Day: 1 } ? "yyyy" : date.Day == 1 ? "yyyy-MM" : "yyyy-MM-dd",
            System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A line through the points, without markers. ScottPlot's <c>ScatterLine</c> only sets the markers' size to 0 and
    /// still visits every point to draw each one (nothing); hidden, they are skipped: the same pixels, and the study's
    /// 5,000-point curves no longer walk their points twice per chart.
    /// </summary>
    public static ScottPlot.Plottables.Scatter Line(Plot plot, double[] xs, double[] ys, Color color)
    {
        var line = plot.Add.ScatterLine(xs, ys, color);
        line.MarkerStyle.IsVisible = false;
        return line;
    }

    /// <summary>The x position of a date on a date axis.</summary>
    public static double X(DateOnly date) => date.ToDateTime(TimeOnly.MinValue).ToOADate();

    /// <summary>The x positions of dates.</summary>
    public static double[] X(IReadOnlyList<DateOnly> dates)
    {
        var xs = new double[dates.Count];
        for (int i = 0; i < xs.Length; i++) xs[i] = X(dates[i]);
        return xs;
    }

    /// <summary>
    /// The PNG of a plot. PNG rather than SVG: ScottPlot's PNG bytes are the same for the same plot, while its
    /// SVG numbers clip paths from a process-wide counter, so the same chart would differ between renders.
    /// </summary>
    public static ChartImage Png(Plot plot, string fileName, string caption, int width = Width, int height = Height)
    {
        var bytes = plot.GetImageBytes(width, height, ImageFormat.Png);
        plot.Dispose();
        return new ChartImage(fileName, caption, bytes);
    }
}
