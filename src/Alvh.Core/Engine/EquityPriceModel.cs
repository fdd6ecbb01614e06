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
    private readonly Dictionary<string, string> _seriesBySymbol;
    // Aligned closes and opens per symbol, looked up once here: Mark runs several times a bar.
    private readonly Dictionary<string, (double[] Close, double[]? Open)> _bySymbol = new(StringComparer.Ordinal);

    /// <summary>Creates the model. <paramref name="seriesBySymbol"/> maps symbols to series ids (default SPY→spy, SPX→spx).</summary>
    public EquityPriceModel(MarketDataSet data, IReadOnlyDictionary<string, string>? seriesBySymbol = null, double commissionPerShare = 0, double halfSpreadBps = 1)
    {
        ArgumentNullException.ThrowIfNull(data);
        _seriesBySymbol = new Dictionary<string, string>(seriesBySymbol ?? new Dictionary<string, string> { ["SPY"] = "spy", ["SPX"] = "spx" }, StringComparer.Ordinal);
        CommissionPerShare = commissionPerShare;
        HalfSpreadBps = halfSpreadBps;
        foreach (var (symbol, id) in _seriesBySymbol)
        {
            if (!data.Has(id)) continue;
            var series = data.Get(id);
            _bySymbol[symbol] = (data.Aligned(id), series.Open is null ? null : data.Calendar.Align(series.Dates, series.Open));
        }
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
        new("equity.fill", "next open; close when the series has no open", "", "next tradable price; the spliced FRED S&P 500 closes have no open"),
    ];

    /// <inheritdoc />
    public double Mark(in Instrument instrument, int day) =>
        instrument.Kind == InstrumentKind.Equity && _bySymbol.TryGetValue(instrument.Symbol, out var s) ? s.Close[day] : double.NaN;

    /// <inheritdoc />
    public FillQuote Fill(in FillRequest request)
    {
        if (request.Instrument.Kind != InstrumentKind.Equity || !_bySymbol.TryGetValue(request.Instrument.Symbol, out var s)) return new FillQuote(double.NaN, 0, false);
        double price = s.Close[request.Day];
        if (request.AtOpen)
        {
            // The aligned open is NaN on days the series has no row or no open: then the close.
            double open = s.Open is null ? double.NaN : s.Open[request.Day];
            if (!double.IsNaN(open)) price = open;
        }
        if (double.IsNaN(price)) return new FillQuote(double.NaN, 0, false);
        price *= 1 + Math.Sign(request.Quantity) * HalfSpreadBps / 10_000;
        return new FillQuote(price, Math.Abs(request.Quantity) * CommissionPerShare, true);
    }

    /// <inheritdoc />
    public double Settlement(in Instrument instrument, int day) => double.NaN;
}
