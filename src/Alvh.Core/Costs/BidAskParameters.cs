namespace Alvh.Costs;

/// <summary>
/// Parameters of the bid–ask model of one product: half-spread = max(MinimumHalfSpreadTicks × tick,
/// FixedHalfSpread + ProportionalHalfSpread × price) × max(1, VIX / ReferenceVix) × (1 +
/// ShortTenorWidening × max(0, 1 − days / ShortTenorDays)).
/// </summary>
/// <param name="TickBelowThreshold">Minimum price increment below <paramref name="TickThreshold"/>, points.</param>
/// <param name="TickAboveThreshold">Minimum price increment at or above the threshold, points.</param>
/// <param name="TickThreshold">Price at which the tick changes, points.</param>
/// <param name="MinimumHalfSpreadTicks">Smallest half-spread, in ticks.</param>
/// <param name="FixedHalfSpread">Constant part of the half-spread, points.</param>
/// <param name="ProportionalHalfSpread">Part of the half-spread proportional to the option's price, fraction.</param>
/// <param name="ReferenceVix">VIX level at which spreads are at their base width, index points.</param>
/// <param name="ShortTenorDays">Tenor under which spreads widen, calendar days.</param>
/// <param name="ShortTenorWidening">Extra width at zero days to expiry, fraction (0.5 = 50% wider).</param>
/// <param name="Multiplier">Contract multiplier, currency units per point.</param>
public sealed record BidAskParameters(
    double TickBelowThreshold, double TickAboveThreshold, double TickThreshold, double MinimumHalfSpreadTicks,
    double FixedHalfSpread, double ProportionalHalfSpread, double ReferenceVix, double ShortTenorDays, double ShortTenorWidening, double Multiplier)
{
    /// <summary>SPX defaults (reasons in <see cref="Describe"/>).</summary>
    public static BidAskParameters Spx { get; } = new(0.05, 0.10, 3.0, 1.0, 0.05, 0.02, 20.0, 7.0, 0.5, 100.0);

    /// <summary>VIX option defaults (reasons in <see cref="Describe"/>).</summary>
    public static BidAskParameters Vix { get; } = new(0.01, 0.05, 3.0, 1.0, 0.01, 0.03, 20.0, 7.0, 0.5, 100.0);

    /// <summary>The minimum tick at a price.</summary>
    /// <param name="price">Option price, points.</param>
    /// <returns>Tick, points.</returns>
    public double TickAt(double price) => price < TickThreshold ? TickBelowThreshold : TickAboveThreshold;

    /// <summary>Every parameter with value, unit and reason, for reports.</summary>
    /// <param name="product">Name prefix, e.g. "Spx".</param>
    /// <returns>The list.</returns>
    public IReadOnlyList<CostParameter> Describe(string product) =>
    [
        new($"{product}.{nameof(TickBelowThreshold)}", TickBelowThreshold, "points",
            "Cboe: SPX 0.05 below 3.00 (SPX/SPXW specifications); VIX options 0.01 below 3.00 (penny increments)"),
        new($"{product}.{nameof(TickAboveThreshold)}", TickAboveThreshold, "points", "Cboe: SPX 0.10 at 3.00 and above; VIX options 0.05"),
        new($"{product}.{nameof(TickThreshold)}", TickThreshold, "points", "Cboe specifications: the tick changes at a premium of 3.00"),
        new($"{product}.{nameof(MinimumHalfSpreadTicks)}", MinimumHalfSpreadTicks, "ticks",
            "a market two ticks wide is about the tightest seen in practice for these products; one tick wide is rare"),
        new($"{product}.{nameof(FixedHalfSpread)}", FixedHalfSpread, "points",
            "assumption: SPX 45-day 16-delta puts near $10 are typically quoted about 0.40-0.60 wide, i.e. half ≈ 0.05 + 2% × 10 = 0.25; VIX calls near $1 about 0.05-0.10 wide"),
        new($"{product}.{nameof(ProportionalHalfSpread)}", ProportionalHalfSpread, "fraction of price", "assumption, as above: spreads grow with premium (vega) roughly linearly"),
        new($"{product}.{nameof(ReferenceVix)}", ReferenceVix, "VIX points",
            "assumption: spreads are at base width up to VIX 20 and widen in proportion above it (market makers quote wider in stress, e.g. March 2020); a fill at the open reads the VIX's open, one at the close its close"),
        new($"{product}.{nameof(ShortTenorDays)}", ShortTenorDays, "calendar days", "assumption: gamma risk makes the last week's quotes wider relative to premium"),
        new($"{product}.{nameof(ShortTenorWidening)}", ShortTenorWidening, "fraction", "assumption: 0-DTE quotes 50% wider than the base model, fading linearly to 0 at ShortTenorDays"),
        new($"{product}.{nameof(Multiplier)}", Multiplier, "USD per point", "Cboe: $100 multiplier for SPX and VIX options"),
    ];
}
