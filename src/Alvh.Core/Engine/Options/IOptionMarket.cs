using Alvh.Pricing;

namespace Alvh.Engine.Options;

/// <summary>
/// What the option sleeves and the option pricer need of the market model on one trading day: SPX
/// spot, rates, forwards and the implied-vol surface; the VIX futures curve and VIX option vols; the
/// listed expirations. Implemented over the calibrated market model; tests use simple stand-ins.
/// Times are in years of 365 calendar days; vols, rates and yields are annual fractions.
/// </summary>
public interface IOptionMarket
{
    /// <summary>SPX close of <paramref name="day"/>, index points.</summary>
    double SpxSpot(int day);

    /// <summary>SPX open of <paramref name="day"/> (NaN when unknown).</summary>
    double SpxOpen(int day);

    /// <summary>Continuously compounded risk-free rate known at the close of <paramref name="day"/>.</summary>
    double Rate(int day);

    /// <summary>SPX continuous dividend yield at <paramref name="day"/>.</summary>
    double DividendYield(int day);

    /// <summary>SPX implied vol for <paramref name="strike"/> and time to expiry <paramref name="t"/> at the close of <paramref name="day"/>.</summary>
    double SpxVol(int day, double strike, double t);

    /// <summary>VIX close of <paramref name="day"/>.</summary>
    double Vix(int day);

    /// <summary>VIX open of <paramref name="day"/> (the proxy for the special opening quotation on expiry days).</summary>
    double VixOpen(int day);

    /// <summary>
    /// Settlement value of VIX options expiring on <paramref name="expiry"/> (settled on trading day
    /// <paramref name="day"/>): the special opening quotation where known, else the VIX open that day.
    /// </summary>
    double VixSettlement(DateOnly expiry, int day);

    /// <summary>The VIX futures price for the contract expiring on <paramref name="expiry"/>, at the close of <paramref name="day"/>.</summary>
    double VixFuture(int day, DateOnly expiry);

    /// <summary>Black-76 vol of a VIX option on the same-expiry future.</summary>
    double VixOptionVol(int day, DateOnly expiry, double strike);

    /// <summary>The SPX expiration tradable at <paramref name="day"/> nearest to <paramref name="targetDays"/> calendar days out, or null.</summary>
    DateOnly? SpxExpiry(int day, int targetDays);

    /// <summary>True when an SPX expiration settles at the morning open (monthly third-Friday SPX); false for PM-settled weeklies.</summary>
    bool IsAmSettled(DateOnly expiry);

    /// <summary>The VIX option expiration (the VX expiration rule) nearest to <paramref name="targetDays"/> out, or null.</summary>
    DateOnly? VixExpiry(int day, int targetDays);

    /// <summary>The trading day's date.</summary>
    DateOnly Date(int day);

    /// <summary>True when VIX options could be traded on <paramref name="date"/>: from their launch (<see cref="ListingRules.VixOptionsLaunch"/>), or any day under the as-if listing.</summary>
    bool VixOptionsListed(DateOnly date) => date >= ListingRules.VixOptionsLaunch;

    /// <summary>True when Friday SPX Weeklys could be traded on <paramref name="date"/>: from their launch (<see cref="Calendars.SpxExpirations.FridayWeeklyListingStart"/>), or any day under the as-if listing.</summary>
    bool SpxWeekliesListed(DateOnly date) => date >= Calendars.SpxExpirations.FridayWeeklyListingStart;

    /// <summary>The model's assumptions for reports.</summary>
    IReadOnlyList<Assumption> Assumptions { get; }
}
