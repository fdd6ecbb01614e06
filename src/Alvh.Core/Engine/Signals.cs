using Alvh.Events;
using Alvh.Indicators;
using Alvh.MarketData;
using Alvh.Regimes;

namespace Alvh.Engine;

/// <summary>
/// The gates and triggers of the sleeves, computed once per run on the aligned series. Every value at
/// index t uses data up to t only (the indicators are causal — their streaming form, fed one bar at a
/// time, equals the batch output; tests prove it), and forward-looking event distances use only
/// scheduled events, which are published in advance (unscheduled FOMC actions are not).
/// </summary>
public sealed class Signals
{
    /// <summary>
    /// A note when the data has no scheduled event of some of the macro kinds the gates read (the shared data and
    /// `data fetch` hold FOMC meetings only): the gates then see the others alone, which was said nowhere. Null when
    /// every kind has events.
    /// </summary>
    public static string? MissingMacroNote(MarketDataSet data, SignalParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var kinds = (parameters ?? new SignalParameters()).MacroEventKinds;
        var missing = kinds.Where(k => !data.EventsOfKind(k).Any(e => e.Scheduled)).ToList();
        if (missing.Count == 0) return null;
        var present = kinds.Except(missing).ToList();
        return $"No scheduled {string.Join(" or ", missing.Select(k => k.ToUpperInvariant()))} events in the data (an events file of those kinds): the macro-event gates (the condor's entry buffer, the ALVH's event tranche) see {(present.Count == 0 ? "no event at all" : string.Join(" and ", present.Select(k => k.ToUpperInvariant())) + " only")}.";
    }

    private Signals(int days) => DaysToMacroEvent = new int[days];

    /// <summary>RSI of the S&amp;P 500 close.</summary>
    public double[] RsiSpx { get; private init; } = [];

    /// <summary>RSI of the VIX close.</summary>
    public double[] RsiVix { get; private init; } = [];

    /// <summary>MACD(VIX) crossover at each day: +1 line crosses above signal, −1 below, 0 none.</summary>
    public int[] MacdVixCross { get; private init; } = [];

    /// <summary>VIX regime band at each day.</summary>
    public VixRegime[] Regime { get; private init; } = [];

    /// <summary>VIX vs VIX3M (or VIX6M before VIX3M exists) term-structure state.</summary>
    public TermStructureState[] Term { get; private init; } = [];

    /// <summary>
    /// Breadth divergence at each day when a breadth series is loaded: −1 when the S&amp;P 500 is at its
    /// 20-day high but the advance–decline line is not (deteriorating breadth), +1 for the mirror case,
    /// 0 otherwise or without breadth data.
    /// </summary>
    public int[] BreadthDivergence { get; private init; } = [];

    /// <summary>Trading days until the next scheduled macro event (0 = today); <see cref="EventSchedule.None"/> when none is known.</summary>
    public int[] DaysToMacroEvent { get; }

    /// <summary>
    /// The signals of a data set, built once per set and parameters (equal by value) and shared by every run on the set:
    /// they depend on the data alone, and building them was 3% of a full-history drip-condor-alvh run and 1.3 MB of its
    /// allocations. Read only, as every run reads them.
    /// </summary>
    internal static Signals Of(MarketDataSet data, SignalParameters p) => data.Derived(p, static (set, key) => Build(set, key));

    /// <summary>Builds the signals for a data set.</summary>
    public static Signals Build(MarketDataSet data, SignalParameters p)
    {
        int n = data.Calendar.Count;
        double[]? missing = null; // one all-NaN series (read only) for every absent id
        double[] Series(string id) => data.Has(id) ? data.Aligned(id) : missing ??= Enumerable.Repeat(double.NaN, n).ToArray();
        var spx = Series("spx");
        var vix = Series("vix");
        // VIX6M fills the days VIX3M lacks (looked up once: not once per missing day).
        var vix6m = Series("vix6m");
        var far = Series("vix3m").Select((v, i) => double.IsNaN(v) ? vix6m[i] : v).ToArray();
        var macd = Macd.Compute(vix, p.MacdFast, p.MacdSlow, p.MacdSignal);
        var s = new Signals(n)
        {
            RsiSpx = Rsi.Compute(spx, p.RsiPeriod),
            RsiVix = Rsi.Compute(vix, p.RsiPeriod),
            MacdVixCross = macd.Crossovers,
            Regime = p.Bands.Classify(vix),
            Term = TermStructure.Classify(vix, far),
            BreadthDivergence = data.Has("breadth")
                ? Indicators.BreadthDivergence.Compute(spx, AdvanceDeclineLine.Compute(Series("breadth"), new double[n]), p.BreadthLookback)
                : new int[n],
        };
        var scheduled = p.MacroEventKinds.SelectMany(k => data.EventsOfKind(k)).Where(e => e.Scheduled).ToList();
        s.DaysToMacroEvent.AsSpan().Fill(EventSchedule.None);
        if (scheduled.Count > 0 && n > 0)
        {
            var schedule = new EventSchedule(scheduled, data.Calendar);
            foreach (var kind in schedule.Kinds)
            {
                var until = schedule.TradingDaysUntilNextByDay(kind);
                for (int i = 0; i < n; i++) s.DaysToMacroEvent[i] = Math.Min(s.DaysToMacroEvent[i], until[i]);
            }
        }
        return s;
    }
}
