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
    public string Id => IsOption
        ? string.Create(CultureInfo.InvariantCulture, $"{Symbol} {Expiry:yyyy-MM-dd} {(Right == OptionRight.Call ? 'C' : 'P')} {Strike:0.##}")
        : Symbol;

    /// <inheritdoc />
    public override string ToString() => Id;
}
