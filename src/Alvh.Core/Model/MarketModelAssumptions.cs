namespace Alvh.Model;

/// <summary>The assumptions list of the whole market model, for reports to print.</summary>
public static class MarketModelAssumptions
{
    /// <summary>Every parameter and rule of the SPX surface, the VX curve and the VIX option model, in that order.</summary>
    public static IReadOnlyList<Assumption> All(SpxSurfaceModel surface, VixFuturesModel futures, VixOptionModel options)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(futures);
        ArgumentNullException.ThrowIfNull(options);
        return [.. surface.Assumptions(), .. futures.Assumptions(), .. options.Assumptions()];
    }
}
