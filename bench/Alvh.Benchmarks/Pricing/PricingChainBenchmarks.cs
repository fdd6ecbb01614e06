using Alvh.Pricing;
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
    private OptionRight[] _rights = [];
    private double[] _spots = [];
    private double[] _strikes = [];
    private double[] _rates = [];
    private double[] _yields = [];
    private double[] _vols = [];
    private double[] _times = [];
    private double[] _prices = [];

    [GlobalSetup]
    public void Setup() => (_rights, _spots, _strikes, _rates, _yields, _vols, _times, _prices) = OptionInputs.Random(Count);

    [Benchmark(Description = "BSM batch scalar, chain of 4096, per option", OperationsPerInvoke = Count)]
    public void BatchScalar() => BlackScholes.PriceBatch(_rights, _spots, _strikes, _rates, _yields, _vols, _times, _prices);

    [Benchmark(Description = "BSM batch SIMD, chain of 4096, per option", OperationsPerInvoke = Count)]
    public void BatchSimd() => BlackScholes.PriceBatchSimd(_rights, _spots, _strikes, _rates, _yields, _vols, _times, _prices);

    [Benchmark(Description = "Black-76 batch scalar, chain of 4096, per option", OperationsPerInvoke = Count)]
    public void Black76BatchScalar() => Black76.PriceBatch(_rights, _spots, _strikes, _rates, _vols, _times, _prices);

    [Benchmark(Description = "Black-76 batch SIMD, chain of 4096, per option", OperationsPerInvoke = Count)]
    public void Black76BatchSimd() => Black76.PriceBatchSimd(_rights, _spots, _strikes, _rates, _vols, _times, _prices);
}
