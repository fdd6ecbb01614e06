namespace Alvh.Costs;

/// <summary>
/// Fills SPX and VIX option orders on the <see cref="BidAskModel"/> quote under a
/// <see cref="FillConvention"/>, charging the <see cref="FeeSchedule"/> of the product.
/// </summary>
public sealed class OptionFillModel : IFillModel
{
    /// <summary>Default fraction k of the half-spread paid under <see cref="FillConvention.MidPlusFractionOfHalfSpread"/>, 0.5.</summary>
    public const double DefaultHalfSpreadFraction = 0.5;

    private readonly FeeSchedule spxFees;
    private readonly FeeSchedule vixFees;

    /// <summary>A fill model.</summary>
    /// <param name="quotes">The bid–ask model.</param>
    /// <param name="spxFees">SPX fees.</param>
    /// <param name="vixFees">VIX option fees.</param>
    /// <param name="convention">Where orders fill.</param>
    /// <param name="halfSpreadFraction">k for <see cref="FillConvention.MidPlusFractionOfHalfSpread"/>, in [0, 1].</param>
    public OptionFillModel(BidAskModel quotes, FeeSchedule spxFees, FeeSchedule vixFees, FillConvention convention, double halfSpreadFraction = DefaultHalfSpreadFraction)
    {
        ArgumentNullException.ThrowIfNull(quotes);
        ArgumentNullException.ThrowIfNull(spxFees);
        ArgumentNullException.ThrowIfNull(vixFees);
        ArgumentOutOfRangeException.ThrowIfNegative(halfSpreadFraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(halfSpreadFraction, 1.0);
        Quotes = quotes;
        this.spxFees = spxFees;
        this.vixFees = vixFees;
        Convention = convention;
        HalfSpreadFraction = halfSpreadFraction;
    }

    /// <summary>Default quotes and fees, filling at mid ± half of the half-spread.</summary>
    public static OptionFillModel Default { get; } = new(BidAskModel.Default, FeeSchedule.Spx, FeeSchedule.Vix, FillConvention.MidPlusFractionOfHalfSpread);

    /// <summary>The bid–ask model.</summary>
    public BidAskModel Quotes { get; }

    /// <summary>Where orders fill.</summary>
    public FillConvention Convention { get; }

    /// <summary>k for <see cref="FillConvention.MidPlusFractionOfHalfSpread"/>.</summary>
    public double HalfSpreadFraction { get; }

    /// <summary>Every parameter (quotes, fees, fill convention) with value, unit and reason, for reports.</summary>
    public IReadOnlyList<CostParameter> Parameters =>
    [
        .. Quotes.Parameters,
        .. spxFees.Describe("Spx"),
        .. vixFees.Describe("Vix"),
        new(nameof(Convention), (double)Convention, "enum (0 mid, 1 mid ± k·half-spread, 2 touch)", "mid is optimistic and the touch pessimistic for patient limit orders on index options"),
        new(nameof(HalfSpreadFraction), HalfSpreadFraction, "fraction of half-spread",
            "assumption: working a limit at mid and improving gets filled about halfway to the touch"),
    ];

    /// <inheritdoc/>
    public FillResult Fill(in FillRequest request)
    {
        if (request.Quantity == 0) throw new ArgumentOutOfRangeException(nameof(request), "Quantity must not be 0.");
        double half = Quotes.HalfSpread(request.Product, request.MidPrice, request.DaysToExpiry, request.Vix);
        double paid = Convention switch
        {
            FillConvention.Mid => 0.0,
            FillConvention.Touch => half,
            _ => HalfSpreadFraction * half,
        };

        // Against the trader: buys pay up, sells give up; a sell cannot fill below zero.
        double price = request.Quantity > 0 ? request.MidPrice + paid : Math.Max(request.MidPrice - paid, 0.0);
        var fees = request.Product == OptionProduct.Vix ? vixFees : spxFees;
        double totalFees = fees.PerContract * Math.Abs(request.Quantity);
        double multiplier = Quotes.For(request.Product).Multiplier;
        return new FillResult(price, half, totalFees, -request.Quantity * price * multiplier - totalFees);
    }
}
