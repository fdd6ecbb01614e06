using Alvh.Model;
using Alvh.Runs;

namespace Alvh.Research.Scenarios;

/// <summary>
/// Where simulated futures start and the market-model inputs they keep from history: the last close of the
/// S&amp;P 500 and VIX, the T-bill yield (held constant), the dividend yield (paid at a constant rate), the
/// historical VX futures curve (θ, κ), the VVIX-on-VIX regression and the SPX variance term-structure fit.
/// </summary>
/// <param name="LastHistoricalDay">Last day of the history; paths start on the next NYSE business day.</param>
/// <param name="Spx">S&amp;P 500 level at the start, points.</param>
/// <param name="Vix">VIX at the start, points.</param>
/// <param name="Dtb3Percent">3-month T-bill discount yield held over the path, percent (as in DTB3).</param>
/// <param name="DividendYield">S&amp;P 500 dividend yield, continuously compounded fraction per year.</param>
/// <param name="VxTheta">VX futures long-run level θ, VIX points.</param>
/// <param name="VxKappa">VX futures mean-reversion speed κ, per year.</param>
/// <param name="VvixIntercept">VVIX = intercept + slope · VIX: intercept, points.</param>
/// <param name="VvixSlope">VVIX slope per VIX point.</param>
public sealed record ScenarioAnchor(DateOnly LastHistoricalDay, double Spx, double Vix, double Dtb3Percent, double DividendYield, double VxTheta, double VxKappa, double VvixIntercept, double VvixSlope)
{
    /// <summary>The anchor of a calibrated historical market: its last day with both closes.</summary>
    public static ScenarioAnchor From(MarketContext market)
    {
        ArgumentNullException.ThrowIfNull(market);
        var last = market.DefaultPeriod().To;
        int day = market.Data.Calendar.IndexOf(last);
        double dtb3 = double.NaN;
        if (market.Data.Find("dtb3") is { } bills)
        {
            for (int i = bills.Count - 1; i >= 0 && double.IsNaN(dtb3); i--) if (bills.Close[i] > 0) dtb3 = bills.Close[i];
        }
        return new ScenarioAnchor(last, market.Data.Aligned("spx")[day], market.Data.Aligned("vix")[day], double.IsNaN(dtb3) ? 0 : dtb3,
            // No yield on the last day (neither SPY's distributions nor Shiller's file): the paths pay none, which the
            // montecarlo command says (a NaN yield gave every path NaN dividends).
            double.IsNaN(market.Carry.DividendYield(day)) ? 0 : market.Carry.DividendYield(day), market.Futures.Theta, market.Futures.Kappa, market.VixOptions.FallbackIntercept, market.VixOptions.FallbackSlope)
        {
            TermStructure = market.Surface.TermStructureFit,
            ScheduledEvents = [.. market.Data.Events.SelectMany(c => c.Events).Where(e => e.Scheduled && ReadKinds.Contains(e.Kind, StringComparer.OrdinalIgnoreCase)).OrderBy(e => e.Date)],
        };
    }

    /// <summary>The event kinds the engine's signals read (<see cref="Alvh.Engine.SignalParameters.MacroEventKinds"/>): FOMC, CPI and PPI.</summary>
    private static readonly IReadOnlyList<string> ReadKinds = new Alvh.Engine.SignalParameters().MacroEventKinds;

    /// <summary>
    /// The history's scheduled macro events of the kinds the signals read (FOMC meetings on the shared data, with the year's
    /// published schedule past the last day), from which a path's are laid out (<see cref="ScenarioEvents"/>); empty: a
    /// path has none. Another kind (an earnings file, say) is left out: laid on a path, the assumptions would name it as
    /// driving the event gates, which never read it (review h88).
    /// </summary>
    public IReadOnlyList<Alvh.MarketData.MarketEvent> ScheduledEvents { get; init; } = [];

    /// <summary>The history's SPX variance term-structure fit, which simulated paths reuse for their missing pillars (null: each path fits its own).</summary>
    public VarianceTermStructureFit? TermStructure { get; init; }
}
