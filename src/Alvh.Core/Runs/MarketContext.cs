using System.Globalization;
using Alvh.Costs;
using Alvh.Engine;
using Alvh.Engine.Options;
using Alvh.MarketData;
using Alvh.Model;
using Alvh.Strategies;

namespace Alvh.Runs;

/// <summary>
/// Everything a run needs beyond the strategy, built once from the data and the model settings: the
/// calibrated market model, the rates, the dividends (SPY; the S&amp;P 500 index from Shiller, continued
/// after Shiller's last dividend (mid-2023) with SPY's dividends scaled by S&amp;P 500 / SPY, see
/// <see cref="IndexDividends.ContinuedWithSpy"/>; DRIP basket tickers from their dividend files), and the
/// price model for equities and options.
/// </summary>
public sealed class MarketContext
{
    private MarketContext(MarketDataSet data, ModelSettings settings, RatesAndDividends carry, SpxSurfaceModel surface, VixFuturesModel futures, VixOptionModel vixOptions)
    {
        Data = data;
        Settings = settings;
        Carry = carry;
        Surface = surface;
        Futures = futures;
        VixOptions = vixOptions;
        Options = new ModelOptionMarket(data, surface, futures, vixOptions, carry, settings.Listing, settings.VixVolMultiplier, settings.SpxOpen);
        var spx = BidAskParameters.Spx;
        var vix = BidAskParameters.Vix;
        double m = settings.SpreadMultiplier;
        var quotes = new BidAskModel(
            spx with { MinimumHalfSpreadTicks = spx.MinimumHalfSpreadTicks * m, FixedHalfSpread = spx.FixedHalfSpread * m, ProportionalHalfSpread = spx.ProportionalHalfSpread * m },
            vix with { MinimumHalfSpreadTicks = vix.MinimumHalfSpreadTicks * m, FixedHalfSpread = vix.FixedHalfSpread * m, ProportionalHalfSpread = vix.ProportionalHalfSpread * m });
        var fills = new OptionFillModel(quotes, FeeSchedule.Spx, FeeSchedule.Vix, settings.Fills);
        Prices = new CompositePriceModel(new EquityPriceModel(data, opens: new Dictionary<string, double[]>(StringComparer.Ordinal) { ["SPX"] = Options.SpxOpens }), new OptionPricer(Options, fills));
        Rates = carry.Rates.ToArray();
        RateGrowth = BillGrowth.ForCalendar(data.Calendar, Rates);
        var spyDividends = data.Dividends?.Dividends ?? [];
        IReadOnlyList<Dividend> index = data.Shiller is null ? [] : IndexDividends.FromShiller(data.Shiller, data.Calendar);
        if (data.Has("spx") && data.Has("spy")) index = IndexDividends.ContinuedWithSpy(index, spyDividends, data.Calendar, data.Aligned("spx"), data.Aligned("spy"));
        var dividends = new Dictionary<string, IReadOnlyList<Dividend>>(StringComparer.Ordinal) { ["SPY"] = spyDividends, ["SPX"] = index };
        // DRIP basket tickers: <ticker>-dividends.csv pays the equity symbol TICKER.
        foreach (var d in data.DividendSeries)
        {
            if (!d.Id.EndsWith("-dividends", StringComparison.Ordinal) || d.Id == "spy-dividends") continue;
            dividends[d.Id[..^"-dividends".Length].ToUpperInvariant()] = d.Dividends;
        }
        Dividends = dividends;
    }

    /// <summary>The market data.</summary>
    public MarketDataSet Data { get; }

    /// <summary>The settings the model was built with.</summary>
    public ModelSettings Settings { get; }

    /// <summary>Rates and dividend yields.</summary>
    public RatesAndDividends Carry { get; }

    /// <summary>The SPX surface model.</summary>
    public SpxSurfaceModel Surface { get; }

    /// <summary>The VIX futures model.</summary>
    public VixFuturesModel Futures { get; }

    /// <summary>The VIX option model.</summary>
    public VixOptionModel VixOptions { get; }

    /// <summary>The option market the sleeves see.</summary>
    public ModelOptionMarket Options { get; }

    /// <summary>Prices for the engine (equities and options, with costs).</summary>
    public IPriceModel Prices { get; }

    /// <summary>Continuous T-bill rate per trading day.</summary>
    public double[] Rates { get; }

    /// <summary>Cash growth from each trading day's previous one at <see cref="Rates"/> (<see cref="BillGrowth.ForCalendar"/>; do not mutate).</summary>
    public double[] RateGrowth { get; }

    /// <summary>Distributions by symbol.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Dividend>> Dividends { get; }

    /// <summary>Builds the context; the model calibrations run here (a few hundred milliseconds).</summary>
    /// <exception cref="ArgumentException">The data has no rates series (dtb3 or dff): cash interest, carry and every option price need one; or
    /// (without a term structure in <paramref name="settings"/>) no VIX9D, VIX3M or VIX6M; or no VX futures settles.</exception>
    public static MarketContext Build(MarketDataSet data, ModelSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.Has("dtb3") && !data.Has("dff"))
        {
            // Without rates the option models had no carry (a condor's strike search once looped on it) and cash no interest.
            throw new ArgumentException($"no rates series in {data.Folder}: dtb3-daily.csv (3-month T-bill, FRED DTB3) or dff-daily.csv (fed funds, FRED DFF) is needed; 'alvh data fetch' downloads both", nameof(data));
        }
        settings ??= ModelSettings.Default;
        // A folder fetched in part (data fetch --only) failed below as an internal error when the models were fitted: "no
        // day has all four VIX pillars" (a day missing one reads the term structure's fit) or "no VX settles in the fit window".
        if (settings.TermStructure is null && !(data.Has("vix9d") && data.Has("vix3m") && data.Has("vix6m")))
        {
            throw new ArgumentException($"no VIX term structure in {data.Folder}: vix9d-daily.csv, vix3m-daily.csv and vix6m-daily.csv (Cboe VIX9D, VIX3M, VIX6M) are needed to fit the option surface's term structure; 'alvh data fetch' downloads them", nameof(data));
        }
        if (data.Vx is null)
        {
            throw new ArgumentException($"no VX futures settles in {data.Folder}: vix-futures-cboe.csv (Cboe's VX settles) is needed to fit the VIX futures model; 'alvh data fetch' downloads it", nameof(data));
        }
        var carry = new RatesAndDividends(data);
        var surface = new SpxSurfaceModel(data, settings.Surface, carry, settings.TermStructure);
        var futures = new VixFuturesModel(data, settings.Futures);
        var vixOptions = new VixOptionModel(data, futures, carry, settings.VixOptions);
        return new MarketContext(data, settings, carry, surface, futures, vixOptions);
    }

    /// <summary>The same calibrated models with other cost, listing or VIX-vol settings (no recalibration).</summary>
    public MarketContext With(ModelSettings settings) =>
        settings.Surface == Settings.Surface && settings.VixOptions == Settings.VixOptions && settings.Futures == Settings.Futures && settings.TermStructure == Settings.TermStructure
            ? new MarketContext(Data, settings, Carry, Surface, Futures, VixOptions)
            : Build(Data, settings);

    /// <summary>
    /// The metrics' series (<see cref="RunSeries"/>) for a run's <paramref name="dates"/>. The last one built is kept and
    /// returned again for the same dates: the runs of a sweep share one period, and rebuilding it (four arrays of the
    /// period's length) for each was about 3% of a DRIP sweep and most of its allocations. Callers must not mutate it.
    /// </summary>
    public RunSeries SeriesFor(ReadOnlySpan<DateOnly> dates)
    {
        var last = Volatile.Read(ref _lastSeries);
        if (last is not null && last.Dates.AsSpan().SequenceEqual(dates)) return last;
        var series = new RunSeries(Data, Rates, dates.ToArray(), RateGrowth, SpxTotalReturn);
        Volatile.Write(ref _lastSeries, series);
        return series;
    }

    private RunSeries? _lastSeries;

    /// <summary>
    /// The S&amp;P 500 with its dividends reinvested (<see cref="RunSeries.TotalReturnIndex"/>; the index's dividends as the
    /// DRIP's fallback receives them, Shiller's then SPY's scaled), per trading day: the benchmark of beta and alpha.
    /// Built on first use (a simulated path that reports no alpha never builds it). Do not mutate.
    /// </summary>
    public double[] SpxTotalReturn => LazyInitializer.EnsureInitialized(ref _spxTotalReturn, () =>
        Data.Has("spx") ? RunSeries.TotalReturnIndex(Data.Aligned("spx"), Dividends.TryGetValue("SPX", out var d) ? d : [], Data.Calendar) : new double[Data.Calendar.Count]);

    private double[]? _spxTotalReturn;

    /// <summary>
    /// The default period of a run: from the first to the last day on which both the S&amp;P 500 and VIX
    /// have a close (every sleeve's gates, the surface and the benchmark need both).
    /// </summary>
    public (DateOnly From, DateOnly To) DefaultPeriod()
    {
        var spx = Data.Get("spx");
        var vix = Data.Get("vix");
        var first = spx.First!.Value > vix.First!.Value ? spx.First.Value : vix.First.Value;
        var last = spx.Last!.Value < vix.Last!.Value ? spx.Last.Value : vix.Last.Value;
        return (first, last);
    }

    /// <summary>
    /// Checks that every equity the strategy's DRIP sleeve can hold, and the index an option overlay holds, has a price series
    /// with rows: a symbol, a basket ticker or a fallback without one used to be replaced by the fallback (or left in cash)
    /// without a word.
    /// </summary>
    /// <exception cref="ArgumentException">One has no prices, naming its key and the file it needs.</exception>
    public void RequirePrices(StrategyDefinition strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        var held = strategy.Drip?.Holdings().ToList() ?? [];
        // The overlay's index too: without prices its sleeve never traded (the roll is sized on the index's price), and the
        // run was a year of T-bills with only a note that the sleeve made no trade.
        if (strategy.Overlay is { Rules: { Sizing: not Sleeves.OverlaySizing.CashCollateral } rules }) held.Add(("overlay.rules.indexSymbol", rules.IndexSymbol));
        foreach (var (key, symbol) in held)
        {
            string id = symbol.ToLowerInvariant();
            if (Data.Find(id) is not { Count: > 0 })
            {
                throw new ArgumentException($"{key} {symbol}: {Data.Folder} has no prices for it ({id}-daily.csv is missing or has no rows)");
            }
        }
    }

    /// <summary>Runs one strategy over <see cref="DefaultPeriod"/>, or the part of it between the dates given.</summary>
    /// <param name="strategy">The strategy.</param>
    /// <param name="from">First day, or null for the period's.</param>
    /// <param name="to">Last day, or null for the period's.</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="buffers">Daily columns, ledger rows and trade rows reused from the caller's previous run (<see cref="RunBuffers"/>: the result's days, ledger entries and trades are readable until the next run on them), or null.</param>
    public BacktestResult Run(StrategyDefinition strategy, DateOnly? from = null, DateOnly? to = null, int seed = 1, RunBuffers? buffers = null)
    {
        var period = DefaultPeriod();
        // Said against the period the run can cover (both an S&P 500 and a VIX close), before the dates are held to it:
        // a start after it was reported as "no trading days between 2030-01-01 and 2026-02-11", as if reversed.
        if (from > period.To) throw new ArgumentException(FormattableString.Invariant($"no trading days from {from:yyyy-MM-dd}: the data with both an S&P 500 and a VIX close end on {period.To:yyyy-MM-dd}"));
        if (to < period.From) throw new ArgumentException(FormattableString.Invariant($"no trading days to {to:yyyy-MM-dd}: the data with both an S&P 500 and a VIX close start on {period.From:yyyy-MM-dd}"));
        var config = new BacktestConfig
        {
            InitialCapital = strategy.Capital,
            // Dates outside the period are held to it: past the S&P 500's last close a run went on with SPY and the
            // VIX futures alone (the condor stopped without a word, beta NaN), and before the VIX began it ran ungated.
            From = from is { } f && f > period.From ? f : period.From,
            To = to is { } t && t < period.To ? t : period.To,
            FillTiming = strategy.Fills,
            RiskFreeRate = Rates,
            RiskFreeGrowth = RateGrowth,
            Dividends = Dividends,
            Seed = seed,
        };
        RequirePrices(strategy);
        var sleeves = StrategyBuilder.Build(strategy, Options);
        var result = BacktestEngine.Run(Data, sleeves, Prices, config, buffers);
        var settings = Settings;
        var engine = result.Assumptions;
        return result with
        {
            Assumptions = new LazyList<Assumption>(() =>
            [
                .. engine,
                new Assumption("model.vixVolMultiplier", settings.VixVolMultiplier.ToString("R", CultureInfo.InvariantCulture), "x", "sensitivity: 1 = as calibrated"),
                new Assumption("costs.spreadMultiplier", settings.SpreadMultiplier.ToString("R", CultureInfo.InvariantCulture), "x", "sensitivity: 1 = the cost model's defaults"),
            ]),
        };
    }
}
