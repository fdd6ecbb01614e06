using Alvh.Benchmarks;
using Alvh.Pricing;
using BenchmarkDotNet.Attributes;

namespace Alvh.Benchmarks.Pricing;

/// <summary>
/// Black–Scholes–Merton and Black-76 pricing throughput. Batch benchmarks price 1,000,000 options
/// per invocation (OperationsPerInvoke), so "Mean" is per option and options/s = 1e9 / Mean[ns].
/// </summary>
[MemoryDiagnoser]
public class PricingBenchmarks
{
    private const int Count = 1_000_000;
    private OptionBatch _batch = OptionBatch.Random(1);

    [GlobalSetup]
    public void Setup() => _batch = OptionBatch.Random(Count);

    [Benchmark(Description = "BSM scalar price, 1 option")]
    public double ScalarPrice()
        => BlackScholes.Price(OptionRight.Put, 4500.0, 4300.0, 0.045, 0.015, 0.18, 30 / 365.0);

    [Benchmark(Description = "BSM batch scalar, per option", OperationsPerInvoke = Count)]
    public void BatchScalar()
        => _batch.BlackScholesScalar();

    [Benchmark(Description = "BSM batch SIMD, per option", OperationsPerInvoke = Count)]
    public void BatchSimd()
        => _batch.BlackScholesSimd();

    [Benchmark(Description = "Black-76 batch scalar, per option", OperationsPerInvoke = Count)]
    public void Black76BatchScalar()
        => _batch.Black76Scalar();

    [Benchmark(Description = "Black-76 batch SIMD, per option", OperationsPerInvoke = Count)]
    public void Black76BatchSimd()
        => _batch.Black76Simd();

    [Benchmark(Description = "Implied vol (BSM), 1 option")]
    public double ImpliedVol()
        => ImpliedVolatility.ForBlackScholes(OptionRight.Put, 31.25, 4500.0, 4300.0, 0.045, 0.015, 30 / 365.0).Vol;
}
