namespace Alvh.Engine;

/// <summary>What an instrument is.</summary>
public enum InstrumentKind
{
    /// <summary>A share (SPY, the S&amp;P 500 index as a fallback, a basket member).</summary>
    Equity,

    /// <summary>An SPX (or SPXW) index option, cash-settled, multiplier 100.</summary>
    SpxOption,

    /// <summary>A VIX index option, cash-settled to the VIX special opening quotation, multiplier 100.</summary>
    VixOption,
}
