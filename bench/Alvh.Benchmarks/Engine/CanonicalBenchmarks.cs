using Alvh.Benchmarks;
using Alvh.Data.Readers;
using Alvh.Engine;
using Alvh.MarketData;
using BenchmarkDotNet.Attributes;

namespace Alvh.Benchmarks.Engine;

/// <summary>
/// The canonical peer benchmark through the real engine: one SMA(50/200) cross backtest over the 9,000
/// canonical bars (bars/s = 9000 / Mean), and buy-and-hold. Bars from ALVH_BENCH_BARS, else
/// ../shared/bench/canonical-bars.csv from the repository root.
/// </summary>
[MemoryDiagnoser]
public class CanonicalBenchmarks
{
    private MarketDataSet _data = null!;
    private IPriceModel _prices = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = CanonicalBenchmark.DataSet(YahooOhlcvReader.Read(BenchFiles.CanonicalBars(), CanonicalRules.SeriesId).Series);
        _prices = CanonicalBenchmark.PriceModel(_data);
    }

    [Benchmark(Description = "canonical SMA cross, 9,000 bars")]
    public double SmaCross() => CanonicalBenchmark.Run(_data, _prices, new SmaCrossSleeve()).FinalValue;

    [Benchmark(Description = "canonical buy-and-hold, 9,000 bars")]
    public double BuyAndHold() => CanonicalBenchmark.Run(_data, _prices, new BuyAndHoldSleeve()).FinalValue;
}
