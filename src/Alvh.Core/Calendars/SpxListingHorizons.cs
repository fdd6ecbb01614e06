namespace Alvh.Calendars;

/// <summary>
/// How far ahead (calendar days) each SPX cycle is listed: a series is tradable on a date only if
/// its expiry is at most this many days away (and its cycle had been launched).
/// </summary>
/// <remarks>
/// Defaults and reasons: <see cref="StandardDays"/> 365 — Cboe lists up to twelve near-term
/// standard months (plus LEAPS, not modelled); <see cref="EndOfMonthDays"/> 365 — "up to twelve
/// consecutive End-of-Month contract months … each expiring in less than one year" (Cboe EOM
/// specification); <see cref="WeeklyDays"/> 42 — Cboe "maintains six consecutive expirations" of
/// each SPXW weekday cycle (Cboe SPXW product page, 2016–2017); <see cref="EarlyWeeklyDays"/> 8 —
/// from the 2005 launch the Weeklys were listed on a Friday (from 2010, a Thursday) to expire the
/// following Friday (Cboe press release 2005-09-09; Regulatory Circular RG10-112), until five
/// consecutive weeks were offered from February 2013 (Cboe Options Hub, 2013-01-22), taken here
/// as from <see cref="SpxExpirations.MultiWeekListingStart"/>.
/// These are typical horizons; on the launch day of a cycle Cboe listed only its first one or two
/// expirations, which this model does not reproduce.
/// </remarks>
/// <param name="StandardDays">Horizon of standard monthly (third-Friday) expirations, calendar days.</param>
/// <param name="EndOfMonthDays">Horizon of end-of-month expirations, calendar days.</param>
/// <param name="WeeklyDays">Horizon of weekly (any weekday) expirations from 2013-02-19, calendar days.</param>
/// <param name="EarlyWeeklyDays">Horizon of Friday weeklies before 2013-02-19, calendar days.</param>
public sealed record SpxListingHorizons(int StandardDays = 365, int EndOfMonthDays = 365, int WeeklyDays = 42, int EarlyWeeklyDays = 8)
{
    /// <summary>The documented defaults.</summary>
    public static SpxListingHorizons Default { get; } = new();
}
