namespace Alvh.Engine;

/// <summary>
/// Prices instruments for the engine: the daily mark (mid), fills with their costs, and settlement
/// values at expiry. One implementation per market model; equities and options may be combined.
/// </summary>
public interface IPriceModel
{
    /// <summary>Mark (mid) of one unit at the close of <paramref name="day"/>, per share or point; NaN when unknown.</summary>
    double Mark(in Instrument instrument, int day);

    /// <summary>Fill of a trade, with costs.</summary>
    FillQuote Fill(in FillRequest request);

    /// <summary>Settlement value per point of an option on its expiry day <paramref name="day"/>.</summary>
    double Settlement(in Instrument instrument, int day);

    /// <summary>
    /// True when the option settles at the open of its expiry day (A.M.: VIX options, standard SPX options), false when at
    /// the close (P.M.: SPX weeklies since 2010-12): the engine books the one before that day's open fills, the other after.
    /// </summary>
    bool SettlesAtOpen(in Instrument instrument) => true;

    /// <summary>
    /// The marks of <paramref name="instrument"/> on every calendar day when they are a plain daily series
    /// (equities: the aligned closes), so the engine reads them by index; null when each mark is computed.
    /// Must hold exactly what <see cref="Mark"/> returns.
    /// </summary>
    double[]? MarkSeries(in Instrument instrument) => null;

    /// <summary>The model's assumptions (name, value, unit, reason) for reports.</summary>
    IReadOnlyList<Assumption> Assumptions { get; }
}
