using System.Globalization;
using Alvh.Research;
using ScottPlot;

namespace Alvh.Reports.Charts;

/// <summary>The walk-forward page's chart of the CSCV logits.</summary>
internal static class WalkForwardCharts
{
    /// <summary>Bins of the logit histogram, each this wide.</summary>
    private const double BinWidth = 0.25;

    /// <summary>
    /// The histogram's non-empty bins (left edge, splits), each (left, left + <see cref="BinWidth"/>], with an edge at 0: a
    /// logit of exactly 0 (the in-sample best at the middle rank out of sample, counted as overfit as the PBO counts
    /// λ ≤ 0) falls in the bin (−width, 0], whatever the smallest logit (with the first edge at the smallest logit's floor,
    /// logits {0, 0, ln 3} put the two zeros in (0, width] and drew no overfit split, against a PBO of 2/3).
    /// </summary>
    internal static (double Left, int Count)[] Bins(IReadOnlyList<double> logits)
    {
        var finite = logits.Where(double.IsFinite).ToArray();
        if (finite.Length == 0) return [];
        double low = Math.Min(Math.Floor(finite.Min() / BinWidth) * BinWidth, -BinWidth);
        if (finite.Min() <= low) low -= BinWidth; // a logit on the first edge belongs to the bin below it
        double high = Math.Max(Math.Ceiling(finite.Max() / BinWidth) * BinWidth, low + BinWidth);
        int bins = (int)Math.Round((high - low) / BinWidth);
        var counts = new int[bins];
        foreach (double l in finite) counts[Math.Clamp((int)Math.Ceiling((l - low) / BinWidth) - 1, 0, bins - 1)]++;
        var result = new List<(double, int)>();
        for (int b = 0; b < bins; b++)
        {
            if (counts[b] > 0) result.Add((low + b * BinWidth, counts[b]));
        }
        return [.. result];
    }

    /// <summary>True for a bin whose splits count as overfit (its right edge at or below 0).</summary>
    internal static bool Overfit(double left) => left + BinWidth <= 1e-12;

    /// <summary>
    /// The splits' logits λ = ln(ω / (1 − ω)) as a histogram (share of splits per bin of <see cref="BinWidth"/>): those at
    /// or below 0 (red) are the splits whose in-sample best ranked at or below the middle out of sample, and their share is
    /// the PBO.
    /// </summary>
    public static ChartImage Logits(PboResult pbo, string fileName) =>
        ChartCanvas.Png(LogitsPlot(pbo), fileName, "Distribution of the CSCV logits; the share at or below 0 is the probability of backtest overfitting");

    /// <summary>The histogram's plot before rendering.</summary>
    internal static Plot LogitsPlot(PboResult pbo)
    {
        ArgumentNullException.ThrowIfNull(pbo);
        var plot = ChartCanvas.Create(pbo.Splits == 0
            ? "No CSCV splits: fewer than 2 distinct configurations"
            : string.Create(CultureInfo.InvariantCulture, $"Logits of the {pbo.Splits} CSCV splits: PBO {pbo.Probability:0.000}"), "share of splits (%)");
        plot.XLabel("logit of the in-sample best's out-of-sample rank (≤ 0: at or below the middle, overfit)", 13);
        var bins = Bins(pbo.Logits);
        if (bins.Length > 0)
        {
            var bars = new List<Bar>();
            foreach (var (left, count) in bins)
            {
                bars.Add(new Bar
                {
                    Position = left + BinWidth / 2,
                    Value = 100.0 * count / pbo.Logits.Length,
                    Size = BinWidth * 0.95,
                    FillColor = Overfit(left) ? Color.FromHex("#dc2626") : Color.FromHex("#2563eb"),
                    LineWidth = 0,
                });
            }
            plot.Add.Bars(bars);
            plot.Add.VerticalLine(0, 1.5f, Colors.Black);
        }
        plot.Axes.Margins(bottom: 0);
        // Without splits nothing sets the axes, and ScottPlot's default of -10 to 10 drew shares of splits down to -10%.
        if (bins.Length == 0) plot.Axes.SetLimits(-2, 2, 0, 100);
        return plot;
    }
}
