using Alvh.Data.Catalog;
using Alvh.Runs;
using Alvh.Strategies;
using BenchmarkDotNet.Attributes;

namespace Alvh.Benchmarks.Engine;

/// <summary>
/// A full-history drip-condor-alvh backtest on the real data (default period), market model calibrated
/// once in setup. The floor ratio is Mean / (option valuations × the SIMD kernel's time per option);
/// <c>alvh bench</c> prints it.
/// </summary>
[MemoryDiagnoser]
public class FullBacktestBenchmarks
{
    private MarketContext _market = null!;

    [GlobalSetup]
    public void Setup() => _market = MarketContext.Build(MarketDataLoader.Load(BenchFiles.SharedData()));

    [Benchmark(Description = "drip-condor-alvh, full history")]
    public long DripCondorAlvh() => _market.Run(Presets.DripCondorAlvh).OptionValuations;
}
