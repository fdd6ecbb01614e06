namespace Alvh.MarketData;

/// <summary>
/// Everything loaded from one data folder: the raw series, the NYSE trading calendar derived from
/// the equity data, per-series findings, and the explicit rules applied (such as the SPX splice).
/// Aligned views put any daily series on the calendar with NaN where it has no value — they
/// never fill.
/// </summary>
public sealed class MarketDataSet
{
    private readonly Dictionary<string, DailySeries> _daily;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, double[]> _alignedCache = new(StringComparer.Ordinal);
    private readonly Lock _cacheLock = new();

    /// <summary>Creates the set; the loader is the usual producer.</summary>
    public MarketDataSet(
        string folder,
        TradingCalendar calendar,
        IReadOnlyList<DailySeries> daily,
        DividendSeries? dividends,
        IReadOnlyList<VxFuturesHistory> vxFutures,
        VxFuturesHistory? vx,
        VxContinuousCurve? vxContinuous,
        ShillerMonthly? shiller,
        IReadOnlyList<EventCalendar> events,
        IReadOnlyList<SeriesInfo> series,
        IReadOnlyList<string> rulesApplied,
        IReadOnlyList<DividendSeries>? dividendSeries = null)
    {
        DividendSeries = dividendSeries ?? (dividends is null ? [] : [dividends]);
        Folder = folder;
        Calendar = calendar;
        _daily = daily.ToDictionary(s => s.Id, StringComparer.Ordinal);
        Daily = daily;
        Dividends = dividends;
        VxFutures = vxFutures;
        Vx = vx;
        VxContinuous = vxContinuous;
        Shiller = shiller;
        Events = events;
        Series = series;
        RulesApplied = rulesApplied;
    }

    /// <summary>The data folder read.</summary>
    public string Folder { get; }

    /// <summary>NYSE trading days derived from SPX and SPY.</summary>
    public TradingCalendar Calendar { get; }

    /// <summary>All daily series, by load order.</summary>
    public IReadOnlyList<DailySeries> Daily { get; }

    /// <summary>SPY distributions, when present.</summary>
    public DividendSeries? Dividends { get; }

    /// <summary>Every dividend list loaded (SPY's and those of DRIP basket tickers, e.g. <c>xyz-dividends</c>).</summary>
    public IReadOnlyList<DividendSeries> DividendSeries { get; }

    /// <summary>The dividend list with this id (e.g. <c>xyz-dividends</c>), or null.</summary>
    public DividendSeries? FindDividends(string id) => DividendSeries.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.Ordinal));

    /// <summary>Per-contract VX histories (one per file), on the VIX scale.</summary>
    public IReadOnlyList<VxFuturesHistory> VxFutures { get; }

    /// <summary>
    /// All VX contracts merged from the per-contract files by the loader's documented overlap rule
    /// (see <see cref="RulesApplied"/>); null when no VX file is present.
    /// </summary>
    public VxFuturesHistory? Vx { get; }

    /// <summary>Continuous VX1..VXn curve, when present.</summary>
    public VxContinuousCurve? VxContinuous { get; }

    /// <summary>Shiller monthly data, when present.</summary>
    public ShillerMonthly? Shiller { get; }

    /// <summary>Event calendars (FOMC, CPI, PPI, ...).</summary>
    public IReadOnlyList<EventCalendar> Events { get; }

    /// <summary>One entry per series loaded, with its issues.</summary>
    public IReadOnlyList<SeriesInfo> Series { get; }

    /// <summary>Plain-words statements of every explicit data rule applied during the load.</summary>
    public IReadOnlyList<string> RulesApplied { get; }

    /// <summary>True when a daily series with this id was loaded.</summary>
    public bool Has(string id) => _daily.ContainsKey(id);

    /// <summary>The daily series with this id.</summary>
    /// <exception cref="KeyNotFoundException">No such series in this data folder.</exception>
    public DailySeries Get(string id) =>
        _daily.TryGetValue(id, out var s) ? s : throw new KeyNotFoundException($"series '{id}' is not in {Folder}");

    /// <summary>The daily series with this id, or null.</summary>
    public DailySeries? Find(string id) => _daily.GetValueOrDefault(id);

    /// <summary>
    /// The close of series <paramref name="id"/> on every trading day of <see cref="Calendar"/>:
    /// NaN where the series has no row that day. Computed once and cached; do not mutate.
    /// </summary>
    public double[] Aligned(string id)
    {
        // Hits read without the lock (sleeves call this every bar, from parallel runs on one data set);
        // misses compute under it so each series is aligned once.
        if (_alignedCache.TryGetValue(id, out var hit)) return hit;
        lock (_cacheLock)
        {
            if (_alignedCache.TryGetValue(id, out var cached)) return cached;
            var s = Get(id);
            var aligned = Calendar.Align(s.Dates, s.Close);
            _alignedCache[id] = aligned;
            return aligned;
        }
    }

    /// <summary>
    /// The close of series <paramref name="id"/> on every trading day, the last close carried over a day without a row
    /// (NaN only before its first): the market model's view of a day the series did not print (the VIX has none on
    /// 1991-03-01, 1997-01-31, 1997-11-26 and 1999-12-31, days the S&amp;P 500 traded). Cached; do not mutate.
    /// </summary>
    public double[] AlignedCarried(string id)
    {
        string key = id + "\u0000carried";
        if (_alignedCache.TryGetValue(key, out var hit)) return hit;
        var aligned = Aligned(id);
        var carried = (double[])aligned.Clone();
        for (int i = 1; i < carried.Length; i++)
        {
            if (double.IsNaN(carried[i])) carried[i] = carried[i - 1];
        }
        lock (_cacheLock)
        {
            if (_alignedCache.TryGetValue(key, out var cached)) return cached;
            _alignedCache[key] = carried;
            return carried;
        }
    }

    /// <summary>
    /// A value derived from this data set alone, built once per <paramref name="key"/> (compared by <see cref="object.Equals(object)"/>)
    /// and kept while the set lives: a study runs dozens of strategies on one set, and each built the same read-only
    /// arrays (the sleeves' signals). The value must not be mutated; <paramref name="build"/> may run more than once
    /// under parallel first calls, one result kept.
    /// </summary>
    internal T Derived<TKey, T>(TKey key, Func<MarketDataSet, TKey, T> build)
        where TKey : notnull
        where T : class
    {
        if (_derived.TryGetValue(key, out var known)) return (T)known;
        return (T)_derived.GetOrAdd(key, build(this, key));
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<object, object> _derived = new();

    /// <summary>All events of the given kind (case-insensitive), across calendars, sorted by date.</summary>
    public IReadOnlyList<MarketEvent> EventsOfKind(string kind) =>
        Events.SelectMany(c => c.Events)
            .Where(e => string.Equals(e.Kind, kind, StringComparison.OrdinalIgnoreCase))
            .OrderBy(e => e.Date)
            .ToArray();
}
