namespace Alvh.Analytics;

/// <summary>Simple return (fraction, not annualised) of one calendar year, from the close of <see cref="Start"/> to the close of <see cref="End"/>.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Return">E(End)/E(Start) − 1.</param>
/// <param name="Start">Base date: the last date of the previous year, or the first date of the curve.</param>
/// <param name="End">Last date of the curve in <paramref name="Year"/>.</param>
public readonly record struct YearReturn(int Year, double Return, DateOnly Start, DateOnly End);
