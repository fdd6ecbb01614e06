using Alvh.Data.Catalog;
using Alvh.Model;
using Alvh.Pricing;
using BenchmarkDotNet.Attributes;

namespace Alvh.Benchmarks.Model;

/// <summary>
/// Per-day queries of the market model on the shared data (ALVH_DATA, default ../shared/data).
/// Target: <see cref="SpxSurfaceModel.Surface"/> ≤ 2 µs and no allocation.
/// </summary>
[MemoryDiagnoser]
public class SpxSurfaceBenchmarks
{
    private SpxSurfaceModel _model = null!;
    private VixOptionModel _options = null!;
    private int _day;
    private DateOnly _expiry;

    [GlobalSetup]
    public void Setup()
    {
        var folder = Environment.GetEnvironmentVariable("ALVH_DATA");
        if (string.IsNullOrWhiteSpace(folder)) folder = Path.Combine(FindRoot(), "..", "shared", "data");
        var data = MarketDataLoader.Load(Path.GetFullPath(folder));
        var carry = new RatesAndDividends(data);
        _model = new SpxSurfaceModel(data, carry: carry);
        var futures = new VixFuturesModel(data);
        _options = new VixOptionModel(data, futures, carry);
        _day = data.Calendar.IndexOf(new DateOnly(2019, 10, 1));
        _expiry = futures.ExpirationOnOrAfter(new DateOnly(2019, 11, 1))!.Value;
    }

    [Benchmark]
    public SpxSurface Surface() => _model.Surface(_day);

    [Benchmark]
    public double SurfaceAndVol() => _model.Surface(_day).Vol(2800.0, 30 / 365.0);

    [Benchmark]
    public double Strike16DeltaPut() => _model.Surface(_day).StrikeForDelta(OptionRight.Put, -0.16, 30 / 365.0);

    [Benchmark]
    public double VixCallPrice() => _options.Price(_day, OptionRight.Call, _expiry, 20.0);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Alvh.slnx"))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
