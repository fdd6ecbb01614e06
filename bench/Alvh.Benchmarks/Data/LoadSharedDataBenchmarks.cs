using Alvh.Data.Catalog;
using Alvh.MarketData;
using BenchmarkDotNet.Attributes;

namespace Alvh.Benchmarks.Data;

/// <summary>
/// Loading the whole data folder (ALVH_DATA, default ../shared/data): every file read and parsed,
/// calendar built, rules applied, quality checks run. Target: under 300 ms warm.
/// </summary>
[MemoryDiagnoser]
public class LoadSharedDataBenchmarks
{
    private string _folder = "";

    [GlobalSetup]
    public void Setup()
    {
        var folder = Environment.GetEnvironmentVariable("ALVH_DATA");
        if (string.IsNullOrWhiteSpace(folder)) folder = Path.Combine(FindRoot(), "..", "shared", "data");
        _folder = Path.GetFullPath(folder);
        if (!Directory.Exists(_folder)) throw new InvalidOperationException($"no data folder at {_folder}: set ALVH_DATA");
    }

    [Benchmark]
    public MarketDataSet LoadAll() => MarketDataLoader.Load(_folder);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Alvh.slnx"))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
