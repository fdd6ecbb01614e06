using Alvh.Costs;
using Alvh.Engine.Options;
using Alvh.MarketData;
using Alvh.Model;

namespace Alvh.Runs;

/// <summary>
/// The market-model choices of a run, each with the model's documented default; the study's
/// sensitivity analysis moves them one at a time.
/// </summary>
public sealed record ModelSettings
{
    /// <summary>SPX surface parameters (skew, term structure, VIX-to-ATM relation).</summary>
    public SurfaceParameters Surface { get; init; } = SurfaceParameters.Default;

    /// <summary>VIX option vol parameters.</summary>
    public VixOptionParameters VixOptions { get; init; } = VixOptionParameters.Default;

    /// <summary>Multiplier on every VIX option vol (1 = as calibrated).</summary>
    public double VixVolMultiplier { get; init; } = 1.0;

    /// <summary>Which expirations may be traded.</summary>
    public ListingRules Listing { get; init; } = ListingRules.Listed;

    /// <summary>Where option fills land between mid and the touch.</summary>
    public FillConvention Fills { get; init; } = FillConvention.MidPlusFractionOfHalfSpread;

    /// <summary>Multiplier on every bid–ask spread (1 = the cost model's defaults).</summary>
    public double SpreadMultiplier { get; init; } = 1.0;

    /// <summary>
    /// Fit and test windows of the VX futures model. Synthetic market data (Monte Carlo paths) move them onto
    /// their own dates; the defaults fit on the real 2007–2015 settles.
    /// </summary>
    public VixFuturesParameters Futures { get; init; } = VixFuturesParameters.Default;

    /// <summary>
    /// The SPX variance term-structure fit that fills missing VIX9D/VIX3M/VIX6M pillars: null to fit it on the
    /// data (history); simulated paths pass the history's fit (a path's own days are resampled or simulated
    /// history, and refitting on each path only adds noise and time).
    /// </summary>
    public VarianceTermStructureFit? TermStructure { get; init; }

    /// <summary>
    /// Where the S&amp;P 500's level at the open is read (fills at the open, A.M. settlements): SPY's overnight move by
    /// default (<see cref="OpenLevels.Spx"/> gives the reasons); simulated paths read their own open.
    /// </summary>
    public SpxOpenSource SpxOpen { get; init; } = SpxOpenSource.Spy;

    /// <summary>The defaults.</summary>
    public static ModelSettings Default { get; } = new();
}
