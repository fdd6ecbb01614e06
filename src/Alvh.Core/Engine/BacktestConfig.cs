using Alvh.MarketData;

namespace Alvh.Engine;

/// <summary>Everything one run needs besides the market data and the sleeves.</summary>
public sealed record BacktestConfig
{
    /// <summary>Initial capital, dollars.</summary>
    public double InitialCapital { get; init; } = 1_000_000;

    /// <summary>First trading day (inclusive); null for the first day with data.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last trading day (inclusive); null for the last day of the calendar.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Fill timing (next bar by default; same close is labelled in every output).</summary>
    public FillTiming FillTiming { get; init; } = FillTiming.NextBar;

    /// <summary>
    /// Continuously compounded risk-free rate per trading day of the calendar (annual, fraction),
    /// paid on positive cash and charged on negative cash; empty for zero.
    /// </summary>
    public ReadOnlyMemory<double> RiskFreeRate { get; init; }

    /// <summary>
    /// Optional: <see cref="BillGrowth.ForCalendar"/> of <see cref="RiskFreeRate"/> on the data's calendar, shared by the
    /// runs of one data set (empty: the engine takes the exponential each day). Same values either way; both must cover
    /// the calendar, and a config copied with other rates must be given their table (the engine checks lengths only).
    /// </summary>
    public ReadOnlyMemory<double> RiskFreeGrowth { get; init; }

    /// <summary>Cash distributions per equity symbol (e.g. <c>SPY</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Dividend>> Dividends { get; init; } = new Dictionary<string, IReadOnlyList<Dividend>>();

    /// <summary>Indicator settings of the gates and triggers.</summary>
    public SignalParameters Signals { get; init; } = new();

    /// <summary>Seed of the run's random generator (sleeves derive sub-streams from it and their name).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Relative tolerance of the daily reconciliation cash + marks + receivables = tracked equity.</summary>
    public double ReconciliationTolerance { get; init; } = 1e-9;

    /// <summary>
    /// The engine's quiet-day shortcut (a day with only equity marks to take runs in one pass over the book).
    /// Results are the same either way, to the bit (tested); off runs every day through the general path.
    /// </summary>
    public bool QuietDays { get; init; } = true;

    /// <summary>
    /// Span decisions (<see cref="ISpanSleeve"/>): a lone span sleeve decides a run of quiet closes in one call
    /// and the engine books those days after it. Results are the same either way, to the bit (tested); off
    /// calls every sleeve once a day. Spans build on the quiet-day path, so they need <see cref="QuietDays"/>.
    /// </summary>
    public bool SpanDecisions { get; init; } = true;

    /// <summary>The engine's own assumptions for reports.</summary>
    public IReadOnlyList<Assumption> Assumptions() =>
    [
        new("initialCapital", InitialCapital.ToString("R", System.Globalization.CultureInfo.InvariantCulture), "$", "study convention"),
        new("fillTiming", FillTiming.ToString(), "", FillTiming == FillTiming.NextBar
            ? "decisions at a close fill at the next open: equities at their open, options at the model price from the open's underlying with the previous close's vols"
            : "SAME-CLOSE FILLS: optimistic, decisions fill at the close they were made on"),
        new("cashRate", "DTB3 converted to continuous", "annual", "cash earns (or pays) the 3-month T-bill rate, day count actual/365"),
        new("dayOrder", "interest on the previous close's cash, then A.M. settlements (VIX options, standard SPX options) and dividends, then the open's fills, then P.M. settlements (SPX weeklies since 2010-12)", "",
            "each flow at the moment it happens: interest booked after an expiry's settlement was earned on its cash, and a P.M. settlement booked before the open's fills let their cash checks read the close"),
        new("dividendPayDate", "source pay date, else last business day of the month after the ex-date", "", "SPY's historical payment schedule (PROVENANCE.md)"),
        new("indexDividends", "the S&P 500 held as an index (the DRIP's SPX fallback, the Cboe presets' overlay): Shiller's trailing 12-month dividend of the month before / 12, going ex and paid on each month's first trading day; after Shiller's column ends, SPY's distributions x (index close / SPY close) on the day before their ex-date, paid on it", "",
            "Shiller's series is the index's dividend history before SPY lists; the true index dividends come unevenly through the quarter, which moves a month's return by a few basis points (IndexDividends)"),
        new("ledgerAmounts", "double, unrounded", "$", "fractional DRIP shares; exact daily reconciliation"),
        new("buySizing", "clipped to the sleeve's cash at the fill price, but for the part that closes a short", "", "a sleeve spends only its cash; a short is owed whatever the cash (bought back in full, the sleeve's cash may go negative until its other fills land)"),
        new("comboFills", "a condor's or an ALVH call spread's legs fill as one order: all or none; not placed when its legs' spreads take its net price past its payoff range at expiry (a credit of nothing, a debit of the whole width); each side's net held within its own range (half-spreads narrowed in proportion); unless it only closes positions, scaled as a whole so the sleeve's cash covers its cost plus its worst payoff (a defined-risk margin); a long leg an order would close for nothing is left to expire, and an opening short leg with no bid beside bought legs only (a call spread's far strike) is left out; the Cboe presets' overlay legs fill one by one", "", "an exchange fills a spread at one net price (Cboe's complex order book), no one pays more for a spread than it can pay out, and a broker holds a spread's maximum loss; legs clipped one by one left naked short calls, and condors sized at the mids' credit lost more than the cash"),
    ];
}
