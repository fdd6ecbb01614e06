using Alvh.Benchmarks;
using BenchmarkDotNet.Attributes;

namespace Alvh.Benchmarks.Pricing;

/// <summary>
/// The batch kernels on one day's chain (4,096 options, all inputs in L1/L2 cache): the kernel's own
/// rate. <see cref="PricingBenchmarks"/> prices 1,000,000 options (64 MB of inputs), which also
/// measures memory bandwidth. Mean is per option; options/s = 1e9 / Mean[ns].
/// </summary>
[MemoryDiagnoser]
public class PricingChainBenchmarks
{
    private const int Count = 4096;
    private OptionBatch _batch = OptionBatch.Random(1);

    [GlobalSetup]
    public void Setup() => _batch = OptionBatch.Random(Count);

    [Benchmark(Description = "BSM batch scalar, chain of 4096, per option", OperationsPerInvoke = Count)]
    public void BatchScalar() => _batch.BlackScholesScalar();

    [Benchmark(Description = "BSM batch SIMD, chain of 4096, per option", OperationsPerInvoke = Count)]
    public void BatchSimd() => _batch.BlackScholesSimd();

    [Benchmark(Description = "Black-76 batch scalar, chain of 4096, per option", OperationsPerInvoke = Count)]
    public void Black76BatchScalar() => _batch.Black76Scalar();

    [Benchmark(Description = "Black-76 batch SIMD, chain of 4096, per option", OperationsPerInvoke = Count)]
    public void Black76BatchSimd() => _batch.Black76Simd();
}
