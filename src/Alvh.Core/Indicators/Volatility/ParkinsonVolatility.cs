using System.Buffers;

namespace Alvh.Indicators;

/// <summary>
/// Parkinson (1980) high–low volatility, <b>annualised fraction</b>: √(252 · mean(ln(H/L)²) / (4 ln 2))
/// over the last <c>period</c> bars. First value at index <c>period − 1</c>. Windowed NaN policy.
/// </summary>
public static class ParkinsonVolatility
{
    private static readonly double Scale = RealisedVolatility.TradingDaysPerYear / (4.0 * Math.Log(2.0));

    /// <summary>Writes the Parkinson volatility into <paramref name="output"/>; all spans share one length.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1.</exception>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, int period, Span<double> output)
    {
        Guard.Period(period, 1, nameof(period));
        Guard.SameLength(high.Length, low.Length, nameof(low));
        Guard.SameLength(high.Length, output.Length, nameof(output));
        // Squared log ranges once into a pooled buffer (each is read entering and leaving the window).
        var rented = ArrayPool<double>.Shared.Rent(high.Length);
        try
        {
            var squared = rented.AsSpan(0, high.Length);
            LogKernel.LogOfRatios(high, low, squared, square: true);
            WindowSum.Means(squared, period, output);
            VectorLoops.ScaledSqrtInPlace(output, Scale, 1.0); // FromMean on every bar
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>The Parkinson volatility (default 21 bars), one output per bar.</summary>
    public static double[] Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, int period = 21)
    {
        var output = new double[high.Length];
        Compute(high, low, period, output);
        return output;
    }

    /// <summary>ln(H/L)²; NaN when either is NaN.</summary>
    internal static double SquaredLogRange(double high, double low)
    {
        double logRange = LogKernel.Log(high / low);
        return logRange * logRange;
    }

    /// <summary>Annualised volatility from the window mean of ln(H/L)².</summary>
    internal static double FromMean(double meanSquaredLogRange) => Math.Sqrt(Scale * meanSquaredLogRange);
}
