namespace Alvh.Analytics;

/// <summary>
/// A peak-to-trough drawdown of an equity curve. <see cref="Depth"/> is a <b>negative fraction</b>
/// (−0.25 = the curve fell 25 % below its peak), 0 when the curve never fell. Indices are positions in
/// the curve given (trading days); dates are its dates. Recovery is the first date after the trough on
/// which the curve is back at or above the peak value; null when it never gets there within the data.
/// A curve that never falls has depth 0 and peak = trough = recovery = its first point.
/// </summary>
/// <param name="Depth">Trough/peak − 1, a fraction in [−1, 0].</param>
/// <param name="PeakIndex">Index of the peak (the last running high before the trough).</param>
/// <param name="TroughIndex">Index of the trough.</param>
/// <param name="RecoveryIndex">Index of the recovery, or null.</param>
/// <param name="PeakDate">Date of the peak.</param>
/// <param name="TroughDate">Date of the trough.</param>
/// <param name="RecoveryDate">Date of the recovery, or null.</param>
public readonly record struct DrawdownPeriod(
    double Depth, int PeakIndex, int TroughIndex, int? RecoveryIndex, DateOnly PeakDate, DateOnly TroughDate, DateOnly? RecoveryDate)
{
    /// <summary>Duration of the decline in trading days (curve points), peak → trough.</summary>
    public int DurationTradingDays => TroughIndex - PeakIndex;

    /// <summary>Time to recover in trading days (curve points), trough → recovery; null when not recovered.</summary>
    public int? RecoveryTradingDays => RecoveryIndex - TroughIndex;

    /// <summary>Duration of the decline in calendar days, peak → trough.</summary>
    public int DurationCalendarDays => TroughDate.DayNumber - PeakDate.DayNumber;

    /// <summary>Time to recover in calendar days, trough → recovery; null when not recovered.</summary>
    public int? RecoveryCalendarDays => RecoveryDate is { } recovery ? recovery.DayNumber - TroughDate.DayNumber : null;
}
