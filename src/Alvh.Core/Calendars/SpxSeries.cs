namespace Alvh.Calendars;

/// <summary>The expiration cycle an SPX option series belongs to (Cboe's SPX and SPXW products).</summary>
/// <remarks>
/// The enum order is the precedence used when two cycles fall on one date (e.g. a Wednesday weekly
/// that is also the last business day of the month is reported as <see cref="EndOfMonth"/>).
/// </remarks>
public enum SpxSeries
{
    /// <summary>Standard monthly SPX: third Friday, A.M.-settled (Thursday when that Friday is a holiday).</summary>
    Standard = 0,

    /// <summary>End-of-month SPXW: last business day of the month, P.M.-settled; listed from 2014-07-07.</summary>
    EndOfMonth = 1,

    /// <summary>Friday (end-of-week) SPX Weeklys: every Friday but the third; listed from 2005-10-28.</summary>
    FridayWeekly = 2,

    /// <summary>Wednesday SPXW: listed from 2016-02-23.</summary>
    WednesdayWeekly = 3,

    /// <summary>Monday SPXW: listed from 2016-08-15; a Monday holiday moves expiry to the next business day.</summary>
    MondayWeekly = 4,

    /// <summary>Tuesday SPXW: listed from 2022-04-18.</summary>
    TuesdayWeekly = 5,

    /// <summary>Thursday SPXW: listed from 2022-05-11 (from then on every business day is an SPX expiry).</summary>
    ThursdayWeekly = 6,
}
