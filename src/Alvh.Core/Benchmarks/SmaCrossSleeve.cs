using System.Globalization;
using Alvh.Engine;

namespace Alvh.Benchmarks;

/// <summary>
/// The canonical SMA cross: on each close from zero-based bar <c>slow − 1</c> (the first bar with a slow SMA),
/// buys floor(cash / close × 0.99) shares when SMA(fast) − SMA(slow) turns from negative (previous bar)
/// to positive and no shares are held, and sells every share when it turns from positive to negative
/// while shares are held. Fills are the engine's (next bar's open). Holds indicator state: one instance per run.
/// Decides day by day or in spans (<see cref="ISpanSleeve"/>): a span runs the indicators to the next sign
/// change of the spread and applies the rule there, as the daily decisions would.
/// </summary>
public sealed class SmaCrossSleeve : ISpanSleeve
{
    private readonly CanonicalIndicators _indicators;
    private readonly Instrument _instrument;

    /// <summary>Creates the sleeve for one run.</summary>
    /// <param name="fastPeriod">Fast SMA period, bars (≥ 1, below <paramref name="slowPeriod"/>).</param>
    /// <param name="slowPeriod">Slow SMA period, bars.</param>
    /// <param name="seriesId">Daily series of the closes.</param>
    /// <param name="symbol">Equity symbol traded (the price model maps it to <paramref name="seriesId"/>).</param>
    /// <param name="name">Sleeve name.</param>
    public SmaCrossSleeve(int fastPeriod = CanonicalRules.FastPeriod, int slowPeriod = CanonicalRules.SlowPeriod,
        string seriesId = CanonicalRules.SeriesId, string symbol = CanonicalRules.Symbol, string name = "sma-cross")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fastPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(slowPeriod, fastPeriod);
        FastPeriod = fastPeriod;
        SlowPeriod = slowPeriod;
        SeriesId = seriesId;
        Name = name;
        _instrument = Instrument.Equity(symbol);
        _indicators = new CanonicalIndicators(fastPeriod, slowPeriod);
    }

    /// <summary>Fast SMA period, bars.</summary>
    public int FastPeriod { get; }

    /// <summary>Slow SMA period, bars.</summary>
    public int SlowPeriod { get; }

    /// <summary>Daily series of the closes.</summary>
    public string SeriesId { get; }

    /// <summary>SMA(fast) − SMA(slow) at the last bar fed (NaN in warm-up).</summary>
    public double Spread => _indicators.Spread;

    /// <summary>MACD(12, 26, 9) histogram at the last bar fed: computed for workload parity, used by no rule.</summary>
    public double MacdHistogram => _indicators.MacdHistogram;

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public double Allocation { get; init; } = 1;

    /// <inheritdoc />
    public DividendPolicy Dividends => DividendPolicy.Cash;

    /// <inheritdoc />
    public bool WholeShares => true;

    /// <inheritdoc />
    public IReadOnlyList<Assumption> Parameters =>
    [
        new("fastPeriod", FastPeriod.ToString(CultureInfo.InvariantCulture), "bars", "canonical benchmark"),
        new("slowPeriod", SlowPeriod.ToString(CultureInfo.InvariantCulture), "bars", "canonical benchmark; first decision on bar slow - 1"),
        new("orderSize", "floor(cash / close x 0.99)", "shares", "canonical benchmark"),
    ];

    /// <inheritdoc />
    public void Decide(SleeveContext context, List<Intent> intents)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(intents);
        var closes = context.Market.History(SeriesId);
        _indicators.CatchUp(closes);
        if (context.Day < SlowPeriod - 1) return;
        Act(context, closes[^1], intents);
    }

    /// <inheritdoc />
    public int DecideSpan(SleeveContext context, int last, List<Intent> intents)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(intents);
        var closes = context.Market.SpanHistory(SeriesId);
        int before = intents.Count;
        while (true)
        {
            // Bars without a sign change from the first decision on add nothing (the rule acts only on a cross).
            int day = _indicators.Scan(closes, last, SlowPeriod - 1);
            if (day >= SlowPeriod - 1 && _indicators.Crossed)
            {
                Act(context, closes[day], intents);
                if (intents.Count != before) return day;
            }
            if (day == last) return day;
        }
    }

    /// <summary>The rule at a decision close (the indicators are fed through it).</summary>
    private void Act(SleeveContext context, double close, List<Intent> intents)
    {
        double spread = _indicators.Spread;
        double previous = _indicators.PreviousSpread;
        // The holding is looked up only on a cross (the rule needs it then; most bars have none).
        if (previous < 0 && spread > 0)
        {
            if (context.Quantity(_instrument) != 0) return;
            double shares = CanonicalRules.OrderSize(context.Cash, close);
            if (shares > 0) intents.Add(new Intent(Name, _instrument, shares, "SMA cross up"));
        }
        else if (previous > 0 && spread < 0)
        {
            double held = context.Quantity(_instrument);
            if (held > 0) intents.Add(new Intent(Name, _instrument, -held, "SMA cross down"));
        }
    }
}
