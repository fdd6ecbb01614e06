using System.Globalization;
using Alvh.MarketData;

namespace Alvh.Engine;

/// <summary>
/// Prices equities from the daily series: the mark is the close; a next-bar fill is at the open
/// (the close when the series has no open, e.g. the FRED-spliced S&amp;P 500 after 2025-05-09); a
/// same-close fill at the close. Costs: a commission per share (default 0: DRIP plans and most
/// brokers charge none on ETF trades) and a half-spread in basis points (default 1 bp, SPY's
/// typical one-cent spread at prices of 100–600).
/// </summary>
public sealed class EquityPriceModel : IPriceModel
{
    private readonly MarketDataSet _data;
    private readonly Dictionary<string, string> _seriesBySymbol;
    private readonly IReadOnlyDictionary<string, double[]>? _opens;
    // Aligned closes and opens per symbol (Close null: no series), resolved once per symbol: Mark runs several
    // times a bar. Concurrent: one model serves the parallel runs of a study or sweep.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SymbolPrices> _bySymbol = new(StringComparer.Ordinal);

    /// <summary>Creates the model. <paramref name="seriesBySymbol"/> maps symbols to series ids (default SPY→spy, SPX→spx; other symbols read the series of their lower-case name).</summary>
    /// <param name="data">The market data.</param>
    /// <param name="seriesBySymbol">Symbol to series id.</param>
    /// <param name="commissionPerShare">Commission, dollars per share.</param>
    /// <param name="halfSpreadBps">Half the bid–ask spread, basis points.</param>
    /// <param name="opens">Opens aligned to the calendar that replace a symbol's series' own (NaN: none): the S&amp;P 500 fills
    /// at the level the option model reads at the open (<see cref="OpenLevels.Spx"/>), so that a buy-write's index and its
    /// calls see one market. Not copied: do not mutate.</param>
    public EquityPriceModel(MarketDataSet data, IReadOnlyDictionary<string, string>? seriesBySymbol = null, double commissionPerShare = 0, double halfSpreadBps = 1, IReadOnlyDictionary<string, double[]>? opens = null)
    {
        _data = data;
        _opens = opens;
        _seriesBySymbol = new Dictionary<string, string>(seriesBySymbol ?? new Dictionary<string, string> { ["SPY"] = "spy", ["SPX"] = "spx" }, StringComparer.Ordinal);
        CommissionPerShare = commissionPerShare;
        HalfSpreadBps = halfSpreadBps;
    }

    /// <summary>Commission, dollars per share.</summary>
    public double CommissionPerShare { get; }

    /// <summary>Half the bid–ask spread, basis points of the price.</summary>
    public double HalfSpreadBps { get; }

    /// <inheritdoc />
    public IReadOnlyList<Assumption> Assumptions =>
    [
        new("equity.commissionPerShare", CommissionPerShare.ToString("R", CultureInfo.InvariantCulture), "$/share", "DRIP plans and most brokers charge no commission on ETF trades"),
        new("equity.halfSpread", HalfSpreadBps.ToString("R", CultureInfo.InvariantCulture), "bp", "SPY trades at a one-cent spread (about 0.2-2 bp); 1 bp is conservative"),
        _opens is { Count: > 0 }
            ? new("equity.fill", $"next open ({string.Join(", ", _opens.Keys.Order(StringComparer.Ordinal))} at the option model's level at the open, model.spxOpen); close when there is no open", "", "next tradable price; an index and its options see one market at the open")
            : new("equity.fill", "next open; close when the series has no open", "", "next tradable price; the spliced FRED S&P 500 closes have no open"),
    ];

    /// <inheritdoc />
    public double Mark(in Instrument instrument, int day) => Prices(instrument).Close is { } close ? close[day] : double.NaN;

    /// <inheritdoc />
    public double[]? MarkSeries(in Instrument instrument) => Prices(instrument).Close;

    /// <inheritdoc />
    public FillQuote Fill(in FillRequest request)
    {
        var (close, open) = Prices(request.Instrument);
        if (close is null) return new FillQuote(double.NaN, 0, false);
        double price = close[request.Day];
        if (request.AtOpen)
        {
            // The aligned open is NaN on days the series has no row or no open: then the close.
            double atOpen = open is null ? double.NaN : open[request.Day];
            if (!double.IsNaN(atOpen)) price = atOpen;
        }
        if (double.IsNaN(price)) return new FillQuote(double.NaN, 0, false);
        double mid = price;
        price *= 1 + Math.Sign(request.Quantity) * HalfSpreadBps / 10_000;
        return new FillQuote(price, Math.Abs(request.Quantity) * CommissionPerShare, true, mid);
    }

    /// <inheritdoc />
    public double Settlement(in Instrument instrument, int day) => double.NaN;

    private (double[]? Close, double[]? Open) Prices(in Instrument instrument)
    {
        if (instrument.Kind != InstrumentKind.Equity) return default;
        // The entry resolved last, when the symbol is the same string (a run trades one or a few symbols, each
        // passing the same instance); else the table's entry, which becomes the last (nothing is allocated:
        // entries are immutable and shared, so parallel runs sharing the model read a consistent pair).
        var last = _last;
        if (last is null || !ReferenceEquals(last.Symbol, instrument.Symbol)) _last = last = Resolve(instrument.Symbol);
        return (last.Close, last.Open);
    }

    private SymbolPrices? _last;

    /// <summary>A symbol's aligned closes and opens (Close null: no series).</summary>
    private sealed record SymbolPrices(string Symbol, double[]? Close, double[]? Open);

    // Out of line: a run resolves a symbol once, and the dictionary's code inlined into every fill and mark
    // would enlarge their frames.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private SymbolPrices Resolve(string symbol)
    {
        return _bySymbol.GetOrAdd(symbol, static (symbol, model) =>
        {
            var id = model.Series(Instrument.Equity(symbol));
            if (id is null) return new SymbolPrices(symbol, null, null);
            var series = model._data.Get(id);
            if (model._opens is not null && model._opens.TryGetValue(symbol, out var opens)) return new SymbolPrices(symbol, model._data.Aligned(id), opens);
            return new SymbolPrices(symbol, model._data.Aligned(id), series.Open is null ? null : model._data.Calendar.Align(series.Dates, series.Open));
        }, this);
    }

    /// <summary>The series of a symbol: the mapped one, else the series named by the symbol in lower case (a DRIP basket ticker XYZ reads <c>xyz-daily.csv</c>, series <c>xyz</c>).</summary>
    private string? Series(in Instrument instrument)
    {
        if (instrument.Kind != InstrumentKind.Equity) return null;
        var id = _seriesBySymbol.TryGetValue(instrument.Symbol, out var mapped) ? mapped : instrument.Symbol.ToLowerInvariant();
        return _data.Has(id) ? id : null;
    }
}
