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
    private OptionRight[] _rights = [];
    private double[] _spots = [];
    private double[] _strikes = [];
    private double[] _rates = [];
    private double[] _yields = [];
    private double[] _vols = [];
    private double[] _times = [];
    private double[] _prices = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20240115);
        _rights = new OptionRight[Count];
        _spots = new double[Count];
        _strikes = new double[Count];
        _rates = new double[Count];
        _yields = new double[Count];
        _vols = new double[Count];
        _times = new double[Count];
        _prices = new double[Count];
        for (int i = 0; i < Count; i++)
        {
            _rights[i] = random.Next(2) == 0 ? OptionRight.Call : OptionRight.Put;
            _spots[i] = 4500.0;
            _strikes[i] = 4500.0 * (0.5 + 1.5 * random.NextDouble());
            _rates[i] = 0.045;
            _yields[i] = 0.015;
            _vols[i] = 0.1 + 0.5 * random.NextDouble();
            _times[i] = (1 + random.Next(365)) / 365.0;
        }
    }

    [Benchmark(Description = "BSM scalar price, 1 option")]
    public double ScalarPrice()
        => BlackScholes.Price(OptionRight.Put, 4500.0, 4300.0, 0.045, 0.015, 0.18, 30 / 365.0);

    [Benchmark(Description = "BSM batch scalar, per option", OperationsPerInvoke = Count)]
    public void BatchScalar()
        => BlackScholes.PriceBatch(_rights, _spots, _strikes, _rates, _yields, _vols, _times, _prices);

    [Benchmark(Description = "BSM batch SIMD, per option", OperationsPerInvoke = Count)]
    public void BatchSimd()
        => BlackScholes.PriceBatchSimd(_rights, _spots, _strikes, _rates, _yields, _vols, _times, _prices);

    [Benchmark(Description = "Black-76 batch scalar, per option", OperationsPerInvoke = Count)]
    public void Black76BatchScalar()
        => Black76.PriceBatch(_rights, _spots, _strikes, _rates, _vols, _times, _prices);

    [Benchmark(Description = "Black-76 batch SIMD, per option", OperationsPerInvoke = Count)]
    public void Black76BatchSimd()
        => Black76.PriceBatchSimd(_rights, _spots, _strikes, _rates, _vols, _times, _prices);

    [Benchmark(Description = "Implied vol (BSM), 1 option")]
    public double ImpliedVol()
        => ImpliedVolatility.ForBlackScholes(OptionRight.Put, 31.25, 4500.0, 4300.0, 0.045, 0.015, 30 / 365.0).Vol;
}
