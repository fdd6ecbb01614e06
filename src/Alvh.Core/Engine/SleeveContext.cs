using Alvh.Ledger;

namespace Alvh.Engine;

/// <summary>
/// What a sleeve sees when it decides: the market up to today's close and its own book. The engine
/// keeps one context per sleeve for the whole run and moves it to each day before the sleeve decides
/// (no allocation per day), so a sleeve must not keep it beyond <see cref="ISleeve.Decide"/>.
/// </summary>
public sealed class SleeveContext
{
    private readonly TradeLedger _ledger;
    private readonly IMarkSource _marks;
    private readonly Lazy<Signals> _signals;
    private readonly string[] _sleeveNames;
    private readonly double[] _sleeveValues;

    internal SleeveContext(MarketView market, TradeLedger ledger, IMarkSource marks, Lazy<Signals> signals, string sleeve, string[] sleeveNames, double[] sleeveValues, FillTiming fillTiming = FillTiming.NextBar)
    {
        FillTiming = fillTiming;
        _signals = signals;
        _sleeveNames = sleeveNames;
        _sleeveValues = sleeveValues;
        Market = market;
        _ledger = ledger;
        _marks = marks;
        Sleeve = sleeve;
    }

    /// <summary>Positions the context at today's close: the deciding sleeve's value and the portfolio's.</summary>
    internal void MoveTo(double sleeveValue, double portfolioEquity)
    {
        SleeveValue = sleeveValue;
        PortfolioEquity = portfolioEquity;
        // Kept dividends the sleeve has spent (a DRIP's reserve refill takes its whole cash) are kept no more: still
        // counted, they held back as much of any cash that came in later (a hedge payoff or condor income to the DRIP).
        if (DividendsKept > 0) DividendsKept = Math.Min(DividendsKept, Math.Max(0, Cash));
    }

    /// <summary>
    /// Dividends this sleeve has been paid in cash under <see cref="DividendPolicy.Cash"/> and still holds (dollars; never
    /// more than its cash at today's close, the dividends being the last of its cash spent): the cash it keeps, which a
    /// sleeve that invests its cash leaves aside (a DRIP told to keep its dividends in cash bought them back into the
    /// equity the next day, and compounded as if it reinvested them).
    /// </summary>
    public double DividendsKept { get; internal set; }

    /// <summary>The market through today's close.</summary>
    public MarketView Market { get; }

    /// <summary>Trading-day index.</summary>
    public int Day => Market.Today;

    /// <summary>Trading day.</summary>
    public DateOnly Date => Market.Date;

    /// <summary>The run's signals as of today's close.</summary>
    public SignalView Signals => new(_signals.Value, Market.Today);

    /// <summary>Cash of another sleeve (read-only: e.g. the DRIP sleeve funding a hedge reserve).</summary>
    public double CashOf(string sleeve) => _ledger.Cash(sleeve);

    /// <summary>Value of another sleeve at today's close (read-only).</summary>
    public double ValueOf(string sleeve)
    {
        for (int i = 0; i < _sleeveNames.Length; i++)
        {
            if (_sleeveNames[i] == sleeve) return _sleeveValues[i];
        }
        return 0;
    }

    /// <summary>The deciding sleeve.</summary>
    public string Sleeve { get; }

    /// <summary>Sleeve cash, dollars.</summary>
    public double Cash => _ledger.Cash(Sleeve);

    /// <summary>Sleeve value (cash + marks + dividends receivable) at today's close, dollars.</summary>
    public double SleeveValue { get; private set; }

    /// <summary>Whole portfolio value at today's close, dollars.</summary>
    public double PortfolioEquity { get; private set; }

    /// <summary>The sleeve's open positions.</summary>
    public IEnumerable<Position> Positions => _ledger.PositionsOf(Sleeve);

    /// <summary>
    /// Fills <paramref name="into"/> (cleared first) with the sleeve's open positions of one kind, without
    /// allocating: the per-day path of the option sleeves.
    /// </summary>
    public void CopyPositions(List<Position> into, InstrumentKind kind)
    {
        into.Clear();
        int sleeve = _ledger.SleeveIndex(Sleeve);
        foreach (ref readonly var p in _ledger.Slots)
        {
            if (p.Live && p.Sleeve == sleeve && p.Position.Instrument.Kind == kind) into.Add(p.Position);
        }
    }

    /// <summary>Quantity held of an instrument.</summary>
    public double Quantity(Instrument instrument) => _ledger.Quantity(Sleeve, instrument);

    /// <summary>The next trading day, or null on the last day of the calendar.</summary>
    public DateOnly? NextTradingDay => Day + 1 < Market.Calendar.Count ? Market.Calendar[Day + 1] : null;

    /// <summary>When the run fills what is decided at a close: the next open (default) or that close.</summary>
    public FillTiming FillTiming { get; }

    /// <summary>
    /// The day an intent decided today fills: the next trading day (null on the calendar's last day) or, under
    /// <see cref="FillTiming.SameClose"/>, today.
    /// </summary>
    public DateOnly? FillDate => FillTiming == FillTiming.SameClose ? Date : NextTradingDay;

    /// <summary>
    /// True when an option expiring on <paramref name="expiry"/> can still be opened at the next fill (it has not settled by
    /// then): the fill day is before its expiry.
    /// </summary>
    public bool TradableAtNextFill(DateOnly expiry) => FillDate is { } fill && fill < expiry;

    /// <summary>
    /// True when a held option can be sold or bought back at the next fill: it expires after the fill day, or the fill is
    /// the next open and the option expires that day and settles at its close (a P.M.-settled SPX option trades through
    /// its expiry morning; the open's fill comes before its settlement). Under <see cref="FillTiming.SameClose"/> an
    /// option expiring today has settled before the close's fill. Opening uses <see cref="TradableAtNextFill"/>: a
    /// position opened on its expiry day (0DTE) is not modelled.
    /// </summary>
    public bool ClosableAtNextFill(in Instrument option) =>
        FillDate is { } fill && (fill < option.Expiry || (fill == option.Expiry && FillTiming == FillTiming.NextBar && !_marks.SettlesAtOpen(option)));

    /// <summary>Fees booked on this sleeve's open position in <paramref name="instrument"/> since it opened, dollars (0 when none is open).</summary>
    public double FeesPaid(Instrument instrument) => _ledger.FeesPaid(Sleeve, instrument);

    /// <summary>
    /// Counts option valuations the sleeve made outside the engine's marks and quotes (the deltas of a strike search by
    /// delta) in the run's <see cref="BacktestResult.OptionValuations"/>, so a run's valuation count is the whole of its
    /// pricing work.
    /// </summary>
    /// <param name="count">Valuations made (≥ 0).</param>
    public void CountValuations(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _marks.CountValuations(count);
    }

    /// <summary>Today's mark of an instrument (per share or point): the model's mid, NaN when it has none.</summary>
    public double Mark(Instrument instrument) => _marks.Mark(instrument);

    /// <summary>
    /// The cash a trade of <paramref name="quantity"/> (+ buy, − sell) of <paramref name="instrument"/> would bring in at
    /// today's close, after the modelled half-spread and fees: the price model's quote at the close, as a fill at the
    /// close would get it (negative for a purchase); NaN when the model has no tradable price, and for an option expiring
    /// today (settled at the open, or settling at this close: a fill at the close refuses it). An estimate for a
    /// decision: an order fills at the next fill's price (<see cref="FillTiming"/>).
    /// </summary>
    public double CashAtClose(Instrument instrument, double quantity)
    {
        var quote = _marks.CloseQuote(instrument, quantity);
        if (!quote.Tradable || double.IsNaN(quote.Price)) return double.NaN;
        return -(quantity * quote.Price * instrument.Multiplier) - quote.Fees;
    }
}
