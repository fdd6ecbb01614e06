using Alvh.Data.Catalog;
using Alvh.Research;
using Alvh.Research.Scenarios;
using Alvh.Runs;
using Alvh.Strategies;
using BenchmarkDotNet.Attributes;

namespace Alvh.Benchmarks.Research;

/// <summary>
/// Sweep and Monte Carlo throughput on the shared data (ALVH_DATA): 100 sweep runs of drip-condor-alvh over
/// 2020 on all cores, and 100 bootstrap paths of one year through the full system and the drip baseline.
/// runs/s = 100 / mean time; paths/s = 100 / mean time.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ResearchBenchmarks
{
    private MarketContext _market = null!;
    private ScenarioAnchor _anchor = null!;
    private BlockBootstrap _bootstrap = null!;
    private DateOnly[] _days = [];

    [GlobalSetup]
    public void Setup()
    {
        var data = MarketDataLoader.Load(Environment.GetEnvironmentVariable("ALVH_DATA") ?? "../shared/data");
        _market = MarketContext.Build(data);
        _anchor = ScenarioAnchor.From(_market);
        _bootstrap = new BlockBootstrap(HistoricalDays.From(data), _anchor);
        _days = ScenarioCalendar.Days(_anchor.LastHistoricalDay, 1);
    }

    [Benchmark(Description = "sweep: 100 runs (2020, all cores)")]
    public double Sweep100()
    {
        double total = 0;
        var from = new DateOnly(2020, 1, 1);
        var to = new DateOnly(2020, 12, 31);
        Parallel.For(0, 100, i =>
        {
            var s = Presets.DripCondorAlvh with { Condor = Presets.DripCondorAlvh.Condor! with { Rules = Presets.DripCondorAlvh.Condor.Rules with { ShortDelta = 0.05 + 0.002 * i } } };
            var m = RunMetrics.Compute(_market, s, from, to);
            lock (_market) total += m[2];
        });
        return total;
    }

    [Benchmark(Description = "montecarlo: 100 bootstrap paths of 1 year (all cores)")]
    public int MonteCarlo100() =>
        MonteCarlo.Run(s => _bootstrap.Generate(_days, s), _anchor, Presets.DripCondorAlvh, Presets.Drip, 100, 1, Environment.ProcessorCount).Strategy.Length;
}
