namespace Alvh.Engine.Options;

/// <summary>
/// Which option expirations a strategy may trade. By default only those listed on the day (SPX
/// monthlies and weeklies with their listing history; VIX options from their launch on 2006-02-24);
/// the as-if flags allow any business day or any VX expiration and are printed in every report.
/// </summary>
public sealed record ListingRules
{
    /// <summary>Cboe listed VIX options on 2006-02-24 (Cboe press release, February 2006).</summary>
    public static readonly DateOnly VixOptionsLaunch = new(2006, 2, 24);

    /// <summary>Allow SPX expirations on any business day, listed or not.</summary>
    public bool SpxAsIf { get; init; }

    /// <summary>Allow VIX options before they were listed.</summary>
    public bool VixAsIf { get; init; }

    /// <summary>An SPX expiration is used only within this many days of the target days to expiry.</summary>
    public int SpxDteTolerance { get; init; } = 3;

    /// <summary>The defaults: listed only.</summary>
    public static ListingRules Listed { get; } = new();

    /// <summary>The rules as assumptions for reports.</summary>
    public IReadOnlyList<Assumption> ToAssumptions() =>
    [
        new("listing.spx", SpxAsIf ? "AS-IF: any business day" : "listed only (monthly, then weeklies by their listing history)", "", SpxAsIf ? "hypothetical expirations" : "a strategy trades what existed that day"),
        new("listing.vix", VixAsIf ? "AS-IF: before 2006-02-24 too" : "from 2006-02-24", "", "VIX options launched on 2006-02-24"),
        new("listing.spxDteTolerance", SpxDteTolerance.ToString(System.Globalization.CultureInfo.InvariantCulture), "days", "no trade when no listed expiry is near the target"),
    ];
}
