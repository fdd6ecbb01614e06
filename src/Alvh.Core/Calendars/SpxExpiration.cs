namespace Alvh.Calendars;

/// <summary>One SPX expiration date with the cycle it belongs to and how it settles.</summary>
/// <param name="Date">Expiry (exercise-settlement) date; for <see cref="SettlementStyle.AmOpen"/> the last trading day is the business day before.</param>
/// <param name="Series">The cycle that lists it (the highest-precedence one when several share the date).</param>
/// <param name="Settlement">A.M. (opening) or P.M. (closing) settlement of that cycle.</param>
public readonly record struct SpxExpiration(DateOnly Date, SpxSeries Series, SettlementStyle Settlement);
