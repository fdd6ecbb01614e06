using Alvh.Calendars;
using Alvh.MarketData;
using Alvh.Model;
using Alvh.Structures;

namespace Alvh.Runs;

/// <summary>An iron condor priced on one historical close from the model surface, with the inputs used.</summary>
/// <param name="Date">Pricing date (a close).</param>
/// <param name="Expiry">Expiration used.</param>
/// <param name="Condor">The priced condor (legs with price, implied vol and delta; one unit sold).</param>
/// <param name="Spot">SPX close.</param>
/// <param name="Forward">Forward to expiry.</param>
/// <param name="Rate">Continuously compounded rate.</param>
/// <param name="DividendYield">Continuous dividend yield.</param>
/// <param name="YearsToExpiry">Time to expiry, years (calendar days / 365).</param>
/// <param name="AtmVol">ATM vol at the expiry's tenor.</param>
/// <param name="Vix">VIX close.</param>
/// <param name="ProbabilityOfProfit">Risk-neutral probability of a profit at expiry under the surface.</param>
public sealed record CondorQuote(DateOnly Date, DateOnly Expiry, IronCondor Condor, double Spot, double Forward, double Rate, double DividendYield,
    double YearsToExpiry, double AtmVol, double Vix, double ProbabilityOfProfit)
{
    /// <summary>
    /// Prices a condor on <paramref name="date"/>'s close: the listed SPX expiration nearest
    /// <paramref name="daysToExpiry"/> (any business day when <paramref name="asIf"/>), short strikes at
    /// ±<paramref name="shortDelta"/> on the smile, wings of <paramref name="wing"/> points, SPX grid.
    /// </summary>
    /// <exception cref="ArgumentException">No close on that date, no surface, or no expiration.</exception>
    public static CondorQuote On(MarketDataSet data, SpxSurfaceModel surfaces, DateOnly date, int daysToExpiry, double shortDelta, double wing, bool asIf = false)
    {
        int day = data.Calendar.IndexOf(date);
        if (day < 0) throw new ArgumentException($"{date:yyyy-MM-dd} is not a trading day in the data", nameof(date));
        var surface = surfaces.Surface(day);
        if (!surface.IsValid) throw new ArgumentException($"no SPX surface on {date:yyyy-MM-dd} (S&P 500, VIX or rates missing)", nameof(date));
        var expiry = SpxExpirations.Default.NearestListed(date, daysToExpiry, asIf)
            ?? throw new ArgumentException($"no SPX expiration listed near {daysToExpiry} days from {date:yyyy-MM-dd}", nameof(daysToExpiry));
        if (expiry <= date)
        {
            // The nearest listed expiration can be the day itself (a Friday asked for 1 day: Friday is 1 day from Saturday,
            // Monday 2). Same-day options are not priced (a zero time to expiry failed deep in the pricer, then was refused
            // with "ask for more days"): the first listed after the day is taken, as a trader asking for 1 day means.
            expiry = FirstListedAfter(date, asIf)
                ?? throw new ArgumentException($"no SPX expiration listed after {date:yyyy-MM-dd} near {daysToExpiry} day{(daysToExpiry == 1 ? "" : "s")}", nameof(daysToExpiry));
        }
        double t = (expiry.DayNumber - date.DayNumber) / 365.0;
        var market = new OptionMarket(surface.Spot, surface.Rate, surface.DividendYield, t, surface.Smile(t));
        IronCondor condor;
        try
        {
            condor = IronCondor.ByDelta(market, expiry, -shortDelta, shortDelta, wing, wing, StrikeGrid.Spx);
        }
        catch (ArgumentException e) when (e.ParamName is IronCondor.ShortStrikes or "putWingWidth")
        {
            // The condor's refusal with the day, the expiry and what to ask for instead, named by this method's parameter.
            string why = e.Message.Split(" (Parameter")[0].Split(Environment.NewLine)[0];
            throw e.ParamName == IronCondor.ShortStrikes
                ? new ArgumentException(FormattableString.Invariant($"at a short delta of {shortDelta} {why} on {date:yyyy-MM-dd} for {expiry:yyyy-MM-dd}; ask for a smaller short delta"), nameof(shortDelta))
                : new ArgumentException($"{why}; ask for a narrower wing", nameof(wing));
        }
        return new CondorQuote(date, expiry, condor, surface.Spot, surface.Forward(t), surface.Rate, surface.DividendYield, t, surface.AtmVol(t),
            data.Aligned("vix")[day], condor.Profile.ProbabilityOfProfit(market));
    }

    /// <summary>The first SPX expiration after <paramref name="date"/> listed on it (the next business day when <paramref name="asIf"/>), within a month.</summary>
    private static DateOnly? FirstListedAfter(DateOnly date, bool asIf) =>
        asIf ? NyseHolidays.NextBusinessDay(date)
            : SpxExpirations.Default.ListedExpirations(date, 31).Select(e => (DateOnly?)e.Date).FirstOrDefault(d => d > date);
}
