namespace Alvh.Benchmarks;

/// <summary>Batch pricing kernel rates on one core, options per second.</summary>
/// <param name="ScalarPerSec">Black–Scholes <c>PriceBatch</c>.</param>
/// <param name="SimdPerSec">Black–Scholes <c>PriceBatchSimd</c>.</param>
/// <param name="Black76ScalarPerSec">Black-76 <c>PriceBatch</c>.</param>
/// <param name="Black76SimdPerSec">Black-76 <c>PriceBatchSimd</c>.</param>
public readonly record struct KernelRates(double ScalarPerSec, double SimdPerSec, double Black76ScalarPerSec, double Black76SimdPerSec);
