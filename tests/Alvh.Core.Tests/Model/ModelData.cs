using Alvh.Data.Catalog;
using Alvh.MarketData;
using Alvh.Model;

namespace Alvh.Core.Tests.Model;

/// <summary>
/// The real market history through ALVH_DATA (CI: ../shared/data), loaded and modelled once per
/// test run. Tests that need it skip, saying why, when it is not set.
/// </summary>
internal static class ModelData
{
    private static readonly Lazy<Models> Cached = new(() => Build(FolderOrNull()!));

    public sealed record Models(MarketDataSet Data, RatesAndDividends Carry, SpxSurfaceModel Surface, VixFuturesModel Futures, VixOptionModel Options);

    /// <summary>The models on the real data, or a skip with the reason.</summary>
    public static Models Require()
    {
        var folder = FolderOrNull();
        Skip.If(folder is null, "ALVH_DATA is not set: this test reads the real market history (CI sets ALVH_DATA=../shared/data).");
        Skip.IfNot(Directory.Exists(folder), $"ALVH_DATA points at {folder}, which does not exist.");
        return Cached.Value;
    }

    private static Models Build(string folder)
    {
        var data = MarketDataLoader.Load(folder);
        var carry = new RatesAndDividends(data);
        var surface = new SpxSurfaceModel(data, carry: carry);
        var futures = new VixFuturesModel(data);
        var options = new VixOptionModel(data, futures, carry);
        return new Models(data, carry, surface, futures, options);
    }

    private static string? FolderOrNull() => SharedData.Folder;
}
