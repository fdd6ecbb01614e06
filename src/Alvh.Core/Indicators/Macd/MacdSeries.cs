namespace Alvh.Indicators;

/// <summary>Batch MACD output, one element per input bar (see <see cref="Macd"/>).</summary>
/// <param name="Line">EMA(fast) − EMA(slow), input units; NaN during warm-up.</param>
/// <param name="Signal">EMA of the line; NaN during warm-up.</param>
/// <param name="Histogram">Line − signal; NaN during warm-up.</param>
/// <param name="Crossovers">+1 line crosses above signal, −1 below, 0 otherwise.</param>
public sealed record MacdSeries(double[] Line, double[] Signal, double[] Histogram, int[] Crossovers);
