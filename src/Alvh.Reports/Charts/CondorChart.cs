using System.Globalization;
using ScottPlot;

namespace Alvh.Reports.Charts;

/// <summary>Histogram of the P&amp;L of each iron condor.</summary>
internal static class CondorChart
{
    /// <summary>File name of the chart.</summary>
    public const string FileName = "condor-pnl.png";

    private static readonly double[] NiceWidths = [10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 25000, 50000];

    /// <summary>The histogram, about 40 bins of a round dollar width; wins green, losses red.</summary>
    public static ChartImage Render(IReadOnlyList<double> pnl, string source)
    {
        int wins = pnl.Count(p => p > 0);
        string title = string.Create(CultureInfo.InvariantCulture,
            $"P&L per condor ({source}): {pnl.Count} condors, {(pnl.Count == 0 ? 0 : 100.0 * wins / pnl.Count):0.0}% won, mean {Format.Dollars(pnl.DefaultIfEmpty(0).Average())}");
        var plot = ChartCanvas.Create(title, "condors");
        plot.XLabel("P&L per condor (dollars, after fees)", 13);
        if (pnl.Count > 0)
        {
            double min = pnl.Min(), max = pnl.Max();
            double width = NiceWidths.FirstOrDefault(w => (max - min) / w <= 40, NiceWidths[^1]);
            double start = Math.Floor(min / width) * width;
            int count = (int)Math.Floor((max - start) / width) + 1;
            var counts = new int[count];
            foreach (var p in pnl) counts[Math.Min(count - 1, (int)Math.Floor((p - start) / width))]++;
            var bars = new List<Bar>();
            for (int i = 0; i < count; i++)
            {
                if (counts[i] == 0) continue;
                double centre = start + (i + 0.5) * width;
                bars.Add(new Bar
                {
                    Position = centre,
                    Value = counts[i],
                    Size = width * 0.92,
                    FillColor = Color.FromHex(centre >= 0 ? "#16a34a" : "#dc2626"),
                    LineWidth = 0,
                });
            }
            plot.Add.Bars(bars.ToArray());
            plot.Add.VerticalLine(0, 1, Colors.Black);
            plot.Axes.Margins(bottom: 0);
        }
        return ChartCanvas.Png(plot, FileName, "Distribution of the P&L of each iron condor, grouped by expiry");
    }
}
