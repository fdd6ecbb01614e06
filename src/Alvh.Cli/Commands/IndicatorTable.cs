using Alvh.Indicators;

namespace Alvh.Cli.Commands;

/// <summary>
/// An indicator computed on the whole series, one row per bar, one or more named value columns
/// (<c>value</c>; MACD <c>macd</c>, <c>signal</c>, <c>histogram</c>; Bollinger <c>middle</c>, <c>upper</c>,
/// <c>lower</c>). <see cref="Rows"/> keeps the bars inside the date filter whose values are all defined,
/// so warm-up always uses the earlier data and the filter never changes a value.
/// </summary>
internal sealed record IndicatorTable(string Indicator, string Source, IReadOnlyList<string> Columns, DateOnly[] Dates, double[][] Values)
{
    /// <summary>The parameters the values were computed with, defaults included (e.g. <c>period</c> 14).</summary>
    public IReadOnlyList<(string Name, int Value)> Parameters { get; init; } = [];

    /// <summary>
    /// What the values are measured in: ROC and percent rank are percentages and the volatilities annualised fractions,
    /// which nothing said (a realised volatility of 0.2364 read beside a VIX of 23.6).
    /// </summary>
    public string Unit => Indicator switch
    {
        "rsi" => "index, 0-100",
        "roc" => "percent change over the period",
        "percentrank" => "percent, 0-100",
        "zscore" => "standard deviations from the window's mean",
        "realvol" or "parkinson" => "annualised fraction (0.20 = 20%; sqrt(252))",
        _ => "price units of the series",
    };

    /// <summary>The indicator with its parameters, e.g. <c>macd(12,26,9)</c>.</summary>
    public string Label => Parameters.Count == 0 ? Indicator : $"{Indicator}({string.Join(",", Parameters.Select(p => p.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";

    /// <summary>Every supported indicator name, in help order.</summary>
    public static readonly IReadOnlyList<string> Names = ["sma", "ema", "macd", "rsi", "bollinger", "atr", "roc", "zscore", "percentrank", "realvol", "parkinson"];

    /// <summary>True for the indicators that read highs and lows (the others read closes only).</summary>
    public static bool ReadsRange(string name) => name is "atr" or "parkinson";

    /// <summary>Computes the indicator on all bars.</summary>
    /// <exception cref="ArgumentException">Unknown indicator, a bad period, or missing high/low (the command reports exit 2).</exception>
    public static IndicatorTable Compute(IndicatorBars bars, IndicatorRequest request)
    {
        var close = bars.Close;
        string name = request.Indicator;
        int period = request.Period ?? DefaultPeriod(name);
        IndicatorTable One(double[] values) => new(name, bars.Source, ["value"], bars.Dates, [values]) { Parameters = [("period", period)] };
        switch (name)
        {
            case "sma": return One(Sma.Compute(close, period));
            case "ema": return One(Ema.Compute(close, period));
            case "rsi": return One(Rsi.Compute(close, period));
            case "roc": return One(RateOfChange.Compute(NonZeroBases(bars.Dates, close, period), period));
            case "zscore": return One(ZScore.Compute(close, period));
            case "percentrank": return One(PercentRank.Compute(close, period));
            case "realvol": return One(RealisedVolatility.Compute(Positive(bars.Dates, close, name, "close"), period));
            case "atr":
            {
                var (high, low) = Range(bars, name);
                return One(Atr.Compute(high, low, close, period));
            }
            case "parkinson":
            {
                var (high, low) = Range(bars, name);
                return One(ParkinsonVolatility.Compute(Positive(bars.Dates, high, name, "high"), Positive(bars.Dates, low, name, "low"), period));
            }
            case "macd":
            {
                int fast = request.Fast ?? 12, slow = request.Slow ?? 26, signal = request.Signal ?? 9;
                var m = Macd.Compute(close, fast, slow, signal);
                return new(name, bars.Source, ["macd", "signal", "histogram"], bars.Dates, [m.Line, m.Signal, m.Histogram]) { Parameters = [("fast", fast), ("slow", slow), ("signal", signal)] };
            }
            case "bollinger":
            {
                var b = Bollinger.Compute(close, period);
                return new(name, bars.Source, ["middle", "upper", "lower"], bars.Dates, [b.Middle, b.Upper, b.Lower]) { Parameters = [("period", period)] };
            }
            default:
                throw new ArgumentException($"unknown indicator '{name}'; valid: {string.Join(", ", Names)}", "--indicator");
        }
    }

    /// <summary>The period an indicator takes when none is given (0 for MACD, which takes three).</summary>
    public static int DefaultPeriod(string name) => name switch
    {
        "rsi" or "atr" => 14,
        "roc" => 10,
        "percentrank" => 252,
        "realvol" or "parkinson" => 21,
        "macd" => 0,
        _ => 20,
    };

    /// <summary>Indices of the rows inside [from, to] whose values are all defined (no NaN), oldest first.</summary>
    public IReadOnlyList<int> Rows(DateOnly? from, DateOnly? to)
    {
        var rows = new List<int>();
        for (int i = 0; i < Dates.Length; i++)
        {
            if (from is { } f && Dates[i] < f) continue;
            if (to is { } t && Dates[i] > t) break;
            bool defined = true;
            foreach (var column in Values) defined &= !double.IsNaN(column[i]);
            if (defined) rows.Add(i);
        }
        return rows;
    }

    /// <summary>
    /// The values when every one is above zero (the log-return volatilities are undefined otherwise: a 0 close gave an
    /// empty table with exit 0); else an error naming the first date that is not.
    /// </summary>
    private static double[] Positive(DateOnly[] dates, double[] values, string name, string what)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!(values[i] > 0) && !double.IsNaN(values[i]))
            {
                throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name} takes logarithms of prices: the {what} on {dates[i]:yyyy-MM-dd} is {values[i]}"), "--indicator");
            }
        }
        return values;
    }

    /// <summary>
    /// The closes when none that a later close is divided by (every one but the last <paramref name="period"/>) is 0; else
    /// an error naming the first date that is. The rate of change over a 0 close is undefined (NaN), and the table left
    /// its row out without a word.
    /// </summary>
    private static double[] NonZeroBases(DateOnly[] dates, double[] closes, int period)
    {
        for (int i = 0; i < closes.Length - period; i++)
        {
            if (closes[i] == 0)
            {
                throw new ArgumentException($"roc divides by the close {period} bars earlier: the close on {dates[i]:yyyy-MM-dd} is 0", "--indicator");
            }
        }
        return closes;
    }

    private static (double[] High, double[] Low) Range(IndicatorBars bars, string name) =>
        bars.High is { } high && bars.Low is { } low
            ? (high, low)
            : throw new ArgumentException($"indicator '{name}' needs high and low prices; '{bars.Source}' has closes only (use an OHLC series such as spx, spy or vix, or a CSV with High and Low columns)", "--indicator");
}
