namespace Alvh.Indicators;

/// <summary>Batch Bollinger output, one element per input bar, input units; NaN during warm-up.</summary>
/// <param name="Middle">SMA of the window.</param>
/// <param name="Upper">Middle + k·σ (population σ).</param>
/// <param name="Lower">Middle − k·σ.</param>
public sealed record BollingerSeries(double[] Middle, double[] Upper, double[] Lower);
