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
    /// The splits' logits λ = ln(ω / (1 − ω)) as a histogram (share of splits per bin of <see cref="BinWidth"/>): those at
    /// or below 0 (red) are the splits whose in-sample best ranked in the lower half out of sample, and their share is the PBO.
    /// </summary>
    public static ChartImage Logits(PboResult pbo, string fileName)
    {
        var plot = ChartCanvas.Create(pbo.Splits == 0
            ? "No CSCV splits: fewer than 2 distinct configurations"
            : string.Create(CultureInfo.InvariantCulture, $"Logits of the {pbo.Splits} CSCV splits: PBO {pbo.Probability:0.000}"), "share of splits (%)");
        plot.XLabel("logit of the in-sample best's out-of-sample rank (≤ 0: lower half)", 13);
        var logits = pbo.Logits.Where(double.IsFinite).ToArray();
        if (logits.Length > 0)
        {
            double low = Math.Floor(logits.Min() / BinWidth) * BinWidth, high = Math.Ceiling(logits.Max() / BinWidth) * BinWidth;
            if (high <= low) high = low + BinWidth;
            int bins = (int)Math.Round((high - low) / BinWidth);
            var counts = new int[bins + 1];
            // Bins (left, right]: a logit of exactly 0 (a tie at ω = ½, counted as overfit) falls in the red bin ending at 0.
            foreach (double l in logits) counts[Math.Clamp((int)Math.Ceiling((l - low) / BinWidth) - 1, 0, bins)]++;
            var bars = new List<Bar>();
            for (int b = 0; b <= bins; b++)
            {
                if (counts[b] == 0) continue;
                double left = low + b * BinWidth;
                bars.Add(new Bar
                {
                    Position = left + BinWidth / 2,
                    Value = 100.0 * counts[b] / pbo.Logits.Length,
                    Size = BinWidth * 0.95,
                    FillColor = left + BinWidth <= 0 ? Color.FromHex("#dc2626") : Color.FromHex("#2563eb"),
                    LineWidth = 0,
                });
            }
            plot.Add.Bars(bars);
            plot.Add.VerticalLine(0, 1.5f, Colors.Black);
        }
        plot.Axes.Margins(bottom: 0);
        return ChartCanvas.Png(plot, fileName, "Distribution of the CSCV logits; the share at or below 0 is the probability of backtest overfitting");
    }
}
