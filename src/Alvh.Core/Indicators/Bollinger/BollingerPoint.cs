namespace Alvh.Indicators;

/// <summary>One bar of Bollinger bands, input units; NaN during warm-up.</summary>
/// <param name="Middle">SMA of the window.</param>
/// <param name="Upper">Middle + k·σ (population σ).</param>
/// <param name="Lower">Middle − k·σ.</param>
public readonly record struct BollingerPoint(double Middle, double Upper, double Lower);
