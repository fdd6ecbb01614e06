using Alvh.Engine;
using Alvh.Engine.Options;
using Alvh.Sleeves;

namespace Alvh.Strategies;

/// <summary>Turns a <see cref="StrategyDefinition"/> into the sleeves of a run.</summary>
public static class StrategyBuilder
{
    /// <summary>Builds the sleeves; <paramref name="market"/> is required when the strategy trades options.</summary>
    public static IReadOnlyList<ISleeve> Build(StrategyDefinition strategy, IOptionMarket? market)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        if (strategy.UsesOptions && market is null) throw new ArgumentException($"strategy '{strategy.Name}' trades options and needs the market model", nameof(market));
        var sleeves = new List<ISleeve>();
        var funded = new Dictionary<string, double>(StringComparer.Ordinal);
        if (strategy.Condor is { } c) funded["condor"] = c.Allocation;
        if (strategy.Alvh is { } a)
        {
            foreach (var tenor in a.LayerTenors) funded[LayerName(tenor)] = a.Allocation / a.LayerTenors.Count;
        }
        if (strategy.Drip is { } d)
        {
            sleeves.Add(new DripSleeve("drip", d.Allocation, d.Symbol, d.FallbackSymbol, d.Dividends, d.WholeShares, fundedSleeves: funded, basket: d.Basket, rebalance: d.Rebalance));
        }
        if (strategy.Condor is { } condor) sleeves.Add(new IronCondorSleeve(market!, condor.Rules, "condor", condor.Allocation));
        if (strategy.Alvh is { } alvh)
        {
            int shortest = alvh.LayerTenors.Min();
            foreach (var tenor in alvh.LayerTenors)
            {
                sleeves.Add(new AlvhLayerSleeve(market!, alvh.Rules, tenor, alvh.LayerTenors.Count, tenor == shortest, LayerName(tenor), alvh.Allocation / alvh.LayerTenors.Count));
            }
        }
        if (strategy.Overlay is { } overlay) sleeves.Add(new OptionOverlaySleeve(market!, overlay.Rules, "overlay", overlay.Allocation));
        if (strategy.CashAllocation > 0) sleeves.Add(new CashSleeve("cash", strategy.CashAllocation));
        return sleeves;
    }

    /// <summary>Sleeve name of the ALVH layer with this tenor, e.g. <c>alvh-30</c>.</summary>
    public static string LayerName(int tenorDays) => $"alvh-{tenorDays}";
}
