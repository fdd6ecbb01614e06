using Alvh.Engine;

namespace Alvh.Benchmarks;

/// <summary>
/// The canonical buy-and-hold: computes the same indicators as <see cref="SmaCrossSleeve"/> every bar
/// (workload parity) and buys floor(cash / close × 0.99) shares once, at the first decision (zero-based
/// bar <c>slow − 1</c>, 199 by default), filled at the next bar's open. One instance per run.
/// </summary>
public sealed class BuyAndHoldSleeve : ISpanSleeve
{
    private readonly CanonicalIndicators _indicators;
    private readonly Instrument _instrument;
    private bool _bought;

    /// <summary>Creates the sleeve for one run.</summary>
    /// <param name="slowPeriod">Slow SMA period, bars; the purchase is decided on bar <c>slowPeriod − 1</c>.</param>
    /// <param name="seriesId">Daily series of the closes.</param>
    /// <param name="symbol">Equity symbol traded.</param>
    /// <param name="name">Sleeve name.</param>
    public BuyAndHoldSleeve(int slowPeriod = CanonicalRules.SlowPeriod, string seriesId = CanonicalRules.SeriesId, string symbol = CanonicalRules.Symbol, string name = "buy-and-hold")
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(slowPeriod, CanonicalRules.FastPeriod);
        SlowPeriod = slowPeriod;
        SeriesId = seriesId;
        Name = name;
        _instrument = Instrument.Equity(symbol);
        _indicators = new CanonicalIndicators(CanonicalRules.FastPeriod, slowPeriod);
    }

    /// <summary>Slow SMA period, bars.</summary>
    public int SlowPeriod { get; }

    /// <summary>MACD(12,26,9) histogram at the last bar seen (NaN in warm-up).</summary>
    public double MacdHistogram => _indicators.MacdHistogram;

    /// <summary>Daily series of the closes.</summary>
    public string SeriesId { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public double Allocation { get; init; } = 1;

    /// <inheritdoc />
    public DividendPolicy Dividends => DividendPolicy.Cash;

    /// <inheritdoc />
    public bool WholeShares => true;

    /// <inheritdoc />
    public IReadOnlyList<Assumption> Parameters => [new("orderSize", "floor(cash / close x 0.99)", "shares", "canonical benchmark, bought once")];

    /// <inheritdoc />
    public void Decide(SleeveContext context, List<Intent> intents)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(intents);
        var closes = context.Market.History(SeriesId);
        _indicators.CatchUp(closes);
        if (_bought || context.Day < SlowPeriod - 1) return;
        Buy(context, closes[^1], intents);
    }

    /// <inheritdoc />
    public int DecideSpan(SleeveContext context, int last, List<Intent> intents)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(intents);
        var closes = context.Market.SpanHistory(SeriesId);
        int before = intents.Count;
        int buyDay = Math.Max(SlowPeriod - 1, context.Day);
        if (_bought || buyDay > last) return _indicators.Scan(closes, last, int.MaxValue);
        _indicators.Scan(closes, buyDay, int.MaxValue);
        Buy(context, closes[buyDay], intents);
        return intents.Count != before || buyDay == last ? buyDay : _indicators.Scan(closes, last, int.MaxValue);
    }

    private void Buy(SleeveContext context, double close, List<Intent> intents)
    {
        _bought = true;
        double shares = CanonicalRules.OrderSize(context.Cash, close);
        if (shares > 0) intents.Add(new Intent(Name, _instrument, shares, "buy and hold"));
    }
}
