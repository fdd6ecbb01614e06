using Alvh.MarketData;

namespace Alvh.Data.Catalog;

/// <summary>
/// The explicit data rules of the catalog, each with a default and the reason for it. Every rule
/// applied during a load is stated in <see cref="MarketDataSet.RulesApplied"/>.
/// </summary>
public sealed record LoadOptions
{
    /// <summary>
    /// VVIX rows before this date are dropped: Cboe's early VVIX history is sparse and partly bogus
    /// (e.g. 2006-03-15 = 15.71 between values near 70); PROVENANCE.md says to use it from 2007.
    /// </summary>
    public DateOnly VvixUsableFrom { get; init; } = new(2007, 1, 1);

    /// <summary>
    /// Two VX settles for the same contract and day (old CFE file vs Cboe CDN file) that differ by
    /// more than this many VIX points are a disagreement: the Cboe CDN value is used and the
    /// disagreement reported (this is how the known bad CFE settle of 2013-05-28, Feb-2014
    /// contract, 10.25 vs 20.10, is resolved — by rule, not by a hard-coded date).
    /// </summary>
    public double VxOverlapTolerance { get; init; } = 0.05;

    /// <summary>
    /// VX settles below this many VIX points are placeholders, not prices, and are read as missing:
    /// the VIX index has never closed below 9 (its low is 9.14, November 2017), yet the old CFE file
    /// carries settles of 1.00 on some listing days (e.g. 2008-04-21). Each one is reported.
    /// </summary>
    public double VxMinimumPlausibleSettle { get; init; } = 5.0;

    /// <summary>
    /// VX settles above this many VIX points are not prices either, and are read as missing: the VIX's record close is
    /// 82.69 (2020-03-16) and its intraday high 89.53 (2008-10-24), and VX futures settle below spot in a spike. A
    /// mistyped settle (9999) was reported as a jump and then used by the futures model's fit. Each one is reported.
    /// </summary>
    public double VxMaximumPlausibleSettle { get; init; } = 150.0;

    /// <summary>
    /// Day-over-day moves worth a look, by series id. Defaults: equity 10% (flags only the largest
    /// days of 2008 and 2020), vol indices 50% (VIX9D 75%: its 9-day tenor moves more), SKEW 15%,
    /// rates 1 point (DTB3) and 2 points (DFF, which jumps at month and year ends), VX settles 50%.
    /// </summary>
    public IReadOnlyDictionary<string, OutlierRule> Outliers { get; init; } = new Dictionary<string, OutlierRule>(StringComparer.Ordinal)
    {
        ["spx"] = new(0.10),
        ["spy"] = new(0.10),
        ["spx-fred"] = new(0.10),
        ["vix"] = new(0.50),
        ["vix9d"] = new(0.75),
        ["vix3m"] = new(0.50),
        ["vix6m"] = new(0.50),
        ["vvix"] = new(0.50),
        ["skew"] = new(0.15),
        ["dtb3"] = new(1.0, Absolute: true),
        ["dff"] = new(2.0, Absolute: true),
        ["vx"] = new(0.50),
    };

    /// <summary>Rule for ids not in <see cref="Outliers"/>: a 50% relative move.</summary>
    public OutlierRule DefaultOutlier { get; init; } = new(0.50);

    /// <summary>The defaults.</summary>
    public static LoadOptions Default { get; } = new();

    /// <summary>The outlier rule for a series id.</summary>
    public OutlierRule OutlierFor(string id) => Outliers.TryGetValue(id, out var r) ? r : DefaultOutlier;
}
