using System.Globalization;
using Alvh.Pricing;

namespace Alvh.Engine;

/// <summary>
/// What is held or traded: plain data, no behaviour (QuantLib's "what is priced"). Options carry their
/// right, strike (index points), expiry and contract multiplier; equities only their symbol.
/// </summary>
/// <param name="Kind">Instrument kind.</param>
/// <param name="Symbol">Ticker or underlying: <c>SPY</c>, <c>SPX</c>, <c>VIX</c>.</param>
/// <param name="Right">Call or put (options only).</param>
/// <param name="Strike">Strike in index points (options only).</param>
/// <param name="Expiry">Expiration date (options only).</param>
/// <param name="Multiplier">Dollars per point per contract: 1 for shares, 100 for SPX and VIX options.</param>
public readonly record struct Instrument(InstrumentKind Kind, string Symbol, OptionRight Right, double Strike, DateOnly Expiry, double Multiplier)
{
    /// <summary>A share of <paramref name="symbol"/>.</summary>
    public static Instrument Equity(string symbol) => new(InstrumentKind.Equity, symbol, OptionRight.Call, 0, DateOnly.MaxValue, 1);

    /// <summary>An SPX option (multiplier 100).</summary>
    public static Instrument SpxOption(OptionRight right, double strike, DateOnly expiry) => new(InstrumentKind.SpxOption, "SPX", right, strike, expiry, 100);

    /// <summary>A VIX option (multiplier 100).</summary>
    public static Instrument VixOption(OptionRight right, double strike, DateOnly expiry) => new(InstrumentKind.VixOption, "VIX", right, strike, expiry, 100);

    /// <summary>True for options.</summary>
    public bool IsOption => Kind != InstrumentKind.Equity;

    /// <summary>Stable text id used in the ledger, e.g. <c>SPY</c> or <c>SPX 2020-03-20 P 2500</c>.</summary>
    public string Id => IsOption ? OptionId() : Symbol;

    /// <summary>
    /// <c>SYMBOL yyyy-MM-dd C|P strike</c> with the strike as <c>0.##</c>, written into a stack buffer: a whole
    /// strike (nearly all) as an integer and the date in its ISO form, the two fast paths of the formatter
    /// (the custom formats were a few per cent of a simulated path, which trades thousands of instruments).
    /// </summary>
    private string OptionId()
    {
        Span<char> text = stackalloc char[Symbol.Length + 48];
        Symbol.CopyTo(text);
        int n = Symbol.Length;
        text[n++] = ' ';
        Expiry.TryFormat(text[n..], out int written, "O", CultureInfo.InvariantCulture);
        n += written;
        text[n++] = ' ';
        text[n++] = Right == OptionRight.Call ? 'C' : 'P';
        text[n++] = ' ';
        if (IsWholeStrike(Strike)) ((long)Strike).TryFormat(text[n..], out written, default, CultureInfo.InvariantCulture);
        else Strike.TryFormat(text[n..], out written, "0.##", CultureInfo.InvariantCulture);
        return new string(text[..(n + written)]);
    }

    /// <summary>
    /// True when <paramref name="strike"/> is a whole number below 10¹⁵ in magnitude and not −0: then its
    /// <see cref="long"/> text is what the formats <c>0</c> and <c>0.##</c> write (they round to 15 significant
    /// digits and write −0 as "-0"), without the float formatter. Ids and trade reasons write strikes through it.
    /// </summary>
    internal static bool IsWholeStrike(double strike) =>
        strike == Math.Floor(strike) && Math.Abs(strike) < 1e15 && !(strike == 0 && double.IsNegative(strike));

    /// <inheritdoc />
    public override string ToString() => Id;
}
