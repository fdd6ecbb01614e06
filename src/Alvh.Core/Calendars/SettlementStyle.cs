namespace Alvh.Calendars;

/// <summary>How an index option's exercise-settlement value is fixed on its expiry date.</summary>
public enum SettlementStyle
{
    /// <summary>
    /// A.M.-settled: the Special Opening Quotation from the opening prints of the constituents on
    /// the expiry date; the last trading day is the business day before (standard monthly SPX,
    /// SPX Weeklys from 2005-11-04 to 2010-12-03, VIX options and VX futures).
    /// </summary>
    AmOpen = 0,

    /// <summary>P.M.-settled: the official closing level on the expiry date, which is also the last trading day (SPXW).</summary>
    PmClose = 1,
}
