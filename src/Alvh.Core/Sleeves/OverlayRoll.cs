namespace Alvh.Sleeves;

/// <summary>The expirations an <see cref="OptionOverlaySleeve"/> rolls on (see <see cref="OverlayRollCalendar"/>).</summary>
public enum OverlayRoll
{
    /// <summary>Standard monthly SPX expirations: the third Friday, the business day before when it is a holiday.</summary>
    SpxMonthly,

    /// <summary>Friday SPX expirations (weeklies and the third-Friday monthly), the business day before when Friday is a holiday.</summary>
    SpxWeekly,

    /// <summary>Monthly VIX option expirations (the VX final settlement dates, usually a Wednesday).</summary>
    VixMonthly,
}
