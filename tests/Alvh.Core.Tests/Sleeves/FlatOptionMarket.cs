using Alvh.Engine;
using Alvh.Engine.Options;
using Alvh.MarketData;
using Alvh.Pricing;

namespace Alvh.Core.Tests.Sleeves;

/// <summary>
/// A stand-in option market for hand-checkable sleeve scenarios: flat SPX vol, zero rates and yield,
/// any calendar day is an expiry (as-if), PM settlement, the VIX future equal to VIX, a flat VIX-option
/// vol, no spreads and no fees.
/// </summary>
public sealed class FlatOptionMarket(MarketDataSet data, double spxVol = 0.15, double vixVol = 0.8) : IOptionMarket
{
    public IReadOnlyList<Assumption> Assumptions => [new("test", "flat", "", "hand-checkable")];

    public DateOnly Date(int day) => data.Calendar[day];

    public double SpxSpot(int day) => data.Aligned("spx")[day];

    public double SpxOpen(int day) => data.Get("spx").Open![day];

    public double Rate(int day) => FlatRate;

    /// <summary>The rate, continuously compounded, annualised (default 0).</summary>
    public double FlatRate { get; init; }

    public double DividendYield(int day) => 0;

    public double SpxVol(int day, double strike, double t) => spxVol;

    public double Vix(int day) => data.Aligned("vix")[day];

    public double VixOpen(int day) => data.Get("vix").Open![day];

    public double VixFuture(int day, DateOnly expiry) => Vix(day);

    public double VixSettlement(DateOnly expiry, int day) => VixOpen(day);

    public double VixOptionVol(int day, DateOnly expiry, double strike) => vixVol;

    public DateOnly? SpxExpiry(int day, int targetDays) => Date(day).AddDays(targetDays);

    public bool IsAmSettled(DateOnly expiry) => AmSettled(expiry);

    /// <summary>Which expiries settle at the open (default none: every option is PM-settled).</summary>
    public Func<DateOnly, bool> AmSettled { get; init; } = _ => false;

    /// <summary>VIX options and SPX Weeklys listed before their launch (the as-if listing); false by default: the real launch dates.</summary>
    public bool ListedAsIf { get; init; }

    public bool VixOptionsListed(DateOnly date) => ListedAsIf || date >= ListingRules.VixOptionsLaunch;

    public bool SpxWeekliesListed(DateOnly date) => ListedAsIf || date >= Alvh.Calendars.SpxExpirations.FridayWeeklyListingStart;

    public DateOnly? VixExpiry(int day, int targetDays) => VixExpiries(Date(day), targetDays);

    /// <summary>The VIX expiry a layer of a tenor buys on a date (default: the date plus the tenor, any calendar day).</summary>
    public Func<DateOnly, int, DateOnly> VixExpiries { get; init; } = (date, targetDays) => date.AddDays(targetDays);

    /// <summary>Fills at mid with no fees.</summary>
    public static Alvh.Costs.IFillModel NoCosts { get; } = new Alvh.Costs.OptionFillModel(
        Alvh.Costs.BidAskModel.Default, new Alvh.Costs.FeeSchedule(0, 0, 0), new Alvh.Costs.FeeSchedule(0, 0, 0), Alvh.Costs.FillConvention.Mid);

    /// <summary>Builds a market with SPX and VIX series (open = close unless given) on consecutive weekdays.</summary>
    public static MarketDataSet Data(DateOnly from, double[] spx, double[] vix, double[]? vixOpen = null, double[]? spxOpen = null, IReadOnlyList<MarketEvent>? events = null)
    {
        var days = Engine.SyntheticMarket.Weekdays(from, spx.Length);
        var s = new DailySeries("spx", "spx.csv", days, spx, spxOpen ?? spx, spx, spx);
        var v = new DailySeries("vix", "vix.csv", days, vix, vixOpen ?? vix, vix, vix);
        var spy = new DailySeries("spy", "spy.csv", days, spx.Select(x => x / 10).ToArray(), spx.Select(x => x / 10).ToArray(), spx, spx);
        return new MarketDataSet("memory", new TradingCalendar(days), [s, v, spy], null, [], null, null, null, events is null ? [] : [new EventCalendar("events", "events.csv", events)], [], []);
    }

    public static double Bs(OptionRight right, double spot, double strike, double days, double vol) =>
        BlackScholes.Price(right, spot, strike, 0, 0, vol, days / 365.0);
}
